// `tianping plan draft FILE --out DIR`: a draft plan folder from the issued document (.docx or .txt), checked by
// loading it as the server would. Candidate indicators go to candidates.yaml, apart from the plans.
// `tianping plan publish DIR`: a checked folder published into the database as a cycle beside the others.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { CLI_ACTOR } from '../features/admin/index.ts';
import { draftFromDocument, loadWholeFolder, publishFolder, writeDraftFolder } from '../features/plans/index.ts';
import { loadConfig } from '../platform/config.ts';

export interface PlanDraftOptions {
  out: string;
  id?: string;
  cycle?: string;
}

export async function runPlanDraft(file: string, options: PlanDraftOptions): Promise<string> {
  const buf = await readFile(file);
  const cycle = options.cycle ? /^(\d{4})\s*[-–—]\s*(\d{4})$/.exec(options.cycle) : null;
  if (options.cycle && !cycle) throw new Error(`--cycle 应写成 2026-2030 的形式，现在是“${options.cycle}”。`);
  const draft = draftFromDocument(buf, path.basename(file), {
    ...(options.id ? { id: options.id } : {}),
    ...(cycle ? { cycle: { start: Number(cycle[1]), end: Number(cycle[2]) } } : {}),
  });
  const written = await writeDraftFolder(draft, options.out);
  // The draft must load as it is: a folder the validator refuses is a drafting bug, reported as such.
  const { catalog } = await loadWholeFolder(options.out);
  const count = (f: (d: (typeof catalog.plans)[number]['domains'][number]) => number) =>
    catalog.plans.reduce((n, p) => n + p.domains.reduce((m, d) => m + f(d), 0), 0);
  return [
    `已生成规划目录草稿 ${options.out}（${written.join('、')}）：`,
    ...draft.plans.map(
      ({ file: name, plan }) =>
        `  ${name}  ${plan.title}：${plan.domains.length} 个领域，主要目标 ${plan.domains.reduce((n, d) => n + d.goals.length, 0)} 条，策略措施 ${plan.domains.reduce((n, d) => n + d.measures.length, 0)} 条`,
    ),
    `  合计主要目标 ${count((d) => d.goals.length)} 条、策略措施 ${count((d) => d.measures.length)} 条；候选监测指标 ${draft.candidates.length} 个（candidates.yaml，采纳前不计入指标）。`,
    ...draft.warnings.map((w) => `  请核对：${w}`),
    `草稿已按系统的规则校验通过：TIANPING_PLAN_DIR=${options.out} tianping catalog`,
  ].join('\n');
}

/**
 * Publishes a plan folder as a cycle. The folder is checked whole first (CatalogError lists every problem, nothing
 * written); a refusal of the database (a plan id of another cycle) throws AppError with a Chinese message.
 */
export async function runPlanPublish(dir: string, options: { current?: boolean }): Promise<string> {
  const whole = await loadWholeFolder(path.resolve(dir));
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    const s = await publishFolder(database.db, whole, {
      actor: CLI_ACTOR,
      ...(options.current === undefined ? {} : { current: options.current }),
    });
    const { folder } = whole.catalog;
    return [
      `${s.firstPublished ? '已发布' : '已更新'}规划周期 ${folder.id}（${folder.name}，${folder.cycle.start}—${folder.cycle.end}年）：`,
      `  规划 ${s.plans} 个、领域 ${s.domains} 个、主要目标 ${s.goals} 条、策略措施 ${s.measures} 条、监测指标 ${s.indicators} 个${s.retiredIndicators ? `（停用 ${s.retiredIndicators} 个）` : ''}`,
      `  新增成员单位 ${s.unitsAdded} 个、镇街 ${s.areasAdded} 个；按默认分工指定责任单位的条目 ${s.assignedItems} 个`,
      s.current
        ? '  现为当前周期：新开的填报任务属于该周期。'
        : '  未设为当前周期：可在页面顶部切换查看，或由妇儿工委办公室设为当前周期。',
    ].join('\n');
  } finally {
    await database.close();
  }
}
