// `tianping plan draft FILE --out DIR`: a draft plan folder from the issued document (.docx or .txt), checked by
// loading it as the server would. Candidate indicators go to candidates.yaml, apart from the plans.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { draftFromDocument, loadWholeFolder, writeDraftFolder } from '../features/plans/index.ts';

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
