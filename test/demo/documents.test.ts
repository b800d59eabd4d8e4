// 演示数据 for 单位文档 and 预警督办: once the cycle has ended the demo has the member units' reports, most units'
// 评估报告 and the office's 督办 threads, so that the final evaluation report quotes what units did and said.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY } from '../../src/core/narrative/drafts.ts';
import { orgUnit, supervisionNotice, supervisionStep, unitDocument } from '../../src/db/schema/index.ts';
import { draftSections, loadReportContext } from '../../src/features/reports/generate.ts';
import { summariseTasks } from '../../src/features/tasks/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { bootstrap } from '../../src/server/bootstrap.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../helpers/db.ts';

const FOLDER = 'wuqing-2021-2025';
const config = { ...loadConfig({}), demo: true };

describe.each(ENGINES)('demo documents and 督办 on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await bootstrap(config, t.database, { demoData: true });
  }, 300_000);
  afterAll(() => t.drop());
  const db = () => t.database.db;

  it('has every unit’s work reports of the earlier years and the 评估报告 of all but a few named units', async () => {
    const members = await db().select().from(orgUnit).where(eq(orgUnit.kind, 'member'));
    const docs = await db()
      .select({ d: unitDocument, unitName: orgUnit.name })
      .from(unitDocument)
      .innerJoin(orgUnit, eq(orgUnit.id, unitDocument.unitId));
    const submitted = (kind: string, year: number | null) =>
      docs.filter((x) => x.d.kind === kind && x.d.year === year && x.d.status === 'submitted');
    for (let year = 2021; year <= 2024; year++) {
      expect(submitted('annual_work_report', year), `${year}`).toHaveLength(members.length);
    }
    // The last year's: three units still on a draft, the demo users' two units yet to write it.
    expect(submitted('annual_work_report', 2025)).toHaveLength(members.length - 5);
    expect(docs.filter((x) => x.d.kind === 'annual_work_report' && x.d.year === 2025)).toHaveLength(members.length - 2);
    const evaluated = submitted('evaluation_report', 2025).map((x) => x.unitName);
    expect(evaluated.length).toBe(members.length - 5);
    expect(evaluated).toContain('区卫生健康委');
    expect(evaluated).not.toContain('区委网信办');
    // A unit's report names its own work, and its lagging indicators among the problems.
    const wjw = docs.find((x) => x.unitName === '区卫生健康委' && x.d.kind === 'evaluation_report')!;
    expect(wjw.d.sections.summary).toMatch(/孕产妇|两癌|宫颈癌|托育/);
    const mz = docs.filter((x) => x.unitName === '区民政局' && x.d.kind === 'annual_work_report');
    const mzText = mz.map((x) => x.d.sections.implementation).join('\n');
    expect(mzText).toContain('儿童之家');
    expect(mzText).toContain('困境儿童');
    for (const x of docs) expect(x.d.submittedAt === null || x.d.submittedAt < new Date('2026-04-01')).toBe(true);
  });

  it('has 督办 on earlier years’ warnings, answered and closed inside the cycle, one left overdue', async () => {
    const notices = await db().select().from(supervisionNotice).orderBy(asc(supervisionNotice.id));
    expect(notices.length).toBeGreaterThanOrEqual(6);
    for (const n of notices) {
      expect(n.warning.kinds.length, `${n.id}`).toBeGreaterThan(0);
      expect(n.warning.year! + 1).toBe(n.createdAt.getUTCFullYear());
      expect(n.createdAt.getUTCFullYear()).toBeLessThanOrEqual(2025);
    }
    expect(notices.filter((n) => n.status === 'closed').length).toBeGreaterThan(notices.length / 2);
    const summary = (await summariseTasks(db(), { from: 2021, to: 2025 })).filter((s) => s.source === 'supervision');
    expect(summary.reduce((n, s) => n + s.overdue, 0)).toBe(1);
    const answers = await db().select().from(supervisionStep).where(eq(supervisionStep.kind, 'answer'));
    for (const a of answers) expect(Object.keys(a.content).sort()).toEqual(['causes', 'expectedEffect', 'measures']);
  });

  it('ends the cycle with each category of the final evaluation, 基本实现 included', async () => {
    const ctx = await loadReportContext(db(), FOLDER, {
      kind: 'final_evaluation',
      year: 2025,
      scope: 'both',
      basis: 'preliminary',
    });
    const count = (c: string) => ctx.narrative.indicators.filter((i) => i.result.finalCategory === c).length;
    expect(count('已实现')).toBeGreaterThan(count('未实现'));
    expect(count('基本实现')).toBeGreaterThan(0);
    expect(count('未实现')).toBeGreaterThan(0);
  });

  it('drafts the final evaluation’s 主要做法和经验 from the units’ own reports', async () => {
    const ctx = await loadReportContext(db(), FOLDER, {
      kind: 'final_evaluation',
      year: 2025,
      scope: 'both',
      basis: 'preliminary',
    });
    const sections = draftSections(ctx);
    const practices = sections.find((s) => s.key === KEY.practices)!.text;
    const paragraphs = practices.split('\n');
    expect(paragraphs[0]).toMatch(
      /^规划实施以来，.*根据29家成员单位的终期评估报告和5家成员单位的年度工作报告，主要做法如下。$/,
    );
    // One point per unit, grouped by the field the unit mainly leads, in the plans' order.
    expect(paragraphs[1]).toMatch(/^（一）妇女与健康领域。.*区卫生健康委/);
    const fields = paragraphs.filter((p) => /^（[一二三四五六七八九十]+）.+领域。/.test(p));
    const members = await db().select().from(orgUnit).where(eq(orgUnit.kind, 'member'));
    for (const m of members) {
      expect(fields.join('').split(m.name).length - 1, m.name).toBe(1);
    }
    // The lessons several units share are said once, with who said them.
    expect(practices).toMatch(/主要经验。一是[^（]+（[^）]+等\d+家单位）/);
    expect(practices).toContain('区委网信办、区科技局、区商务局、区应急管理局、区科协尚未提交终期评估报告');
    // Condensed: far shorter than the units' own texts, which stay in the system.
    const summaries = ctx.narrative.evaluationReports!.reduce((n, e) => n + e.summary.length, 0);
    expect(practices.length).toBeLessThan(summaries / 2);
    expect(sections.find((s) => s.key === KEY.process)!.text).toContain(
      '34家成员单位提交的年度工作报告，29家成员单位提交的终期评估报告',
    );
    const problems = sections.find((s) => s.key === KEY.problems)!.text;
    expect(problems).toContain('据责任单位督办反馈');
    // The causes quoted are those on indicators still short of their target at the end of the cycle.
    const quoted = ctx.narrative.supervision.filter((n) => problems.includes(`${n.indicatorName}方面，${n.unitName}`));
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.length).toBeLessThan(ctx.narrative.supervision.length);
    for (const n of quoted) {
      const judged = ctx.narrative.indicators.filter((i) => i.name === n.indicatorName);
      expect(
        judged.some((i) => ['未实现', '基本实现', '未实现（方向未达）'].includes(i.result.finalCategory ?? '')),
        n.indicatorName,
      ).toBe(true);
    }
    expect(problems).not.toContain('尚未提交终期评估报告');
    expect(problems).not.toMatch(/。；/);
  });
});
