// Numbers computed once: the generated reports are opened and walked. Every count the narrative prints equals the
// tables and the analysis, every indicator value printed equals the analysis, the method's jargon stays in the
// technical annex, a final report has no forecast wording, and a statistic shared by both plans has one value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figures, finalCounts, referencesOfYear, valueText, withUnit } from '../../src/core/narrative/index.ts';
import { referencesByIndicator } from '../../src/features/reference/index.ts';
import { generateReport, loadReportContext, type ReportContext } from '../../src/features/reports/generate.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { paragraphTexts, readDocx } from './docx-xml.ts';

const FOLDER = 'wuqing-2021-2025';
// 个十万分点 is no jargon: the bureau's bulletins write a rate per 10万's change so (docs/methodology.md). 合并率 is.
const JARGON = /Theil|APR|CS[=＝]|斜率|\[0\.67|不低于下限|由系统判定|合并率|每10万(上升|下降)/;
const FORECAST = /预计|推算|按目前趋势|按近年进度|可望|如期实现|有望/;

/** The rows of every table in the document, as cell texts. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/gs)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((tc) => paragraphTexts(tc[0]).join('')),
  );
}

/** The body: everything before the first appendix (附表 / the technical annex). */
function bodyOf(paragraphs: string[]): string {
  const end = paragraphs.findIndex((p) => /^附表\d+$/.test(p));
  return (end < 0 ? paragraphs : paragraphs.slice(0, end)).join('\n');
}

/** Every value printed after "名称为" equals the analysis' latest value of that indicator, at its precision. */
function checkValues(ctx: ReportContext, text: string) {
  let checked = 0;
  // Longest names first, so that 流动人口孕产妇死亡率 is not read as 孕产妇死亡率.
  const inds = [...ctx.narrative.indicators].sort((a, b) => b.name.length - a.name.length);
  const seen = new Set<number>();
  for (const i of inds) {
    if (i.result.value === null) continue;
    const re = new RegExp(`${i.name.replace(/[()（）]/g, '.')}为(-?[\\d.]+)`, 'g');
    for (const m of text.matchAll(re)) {
      if (seen.has(m.index!)) continue;
      seen.add(m.index!);
      // The name may end a longer name (孕产妇死亡率 in 流动人口孕产妇死亡率): those are checked under the longer one.
      const before = text.slice(Math.max(0, m.index! - 4), m.index!);
      if (
        inds.some(
          (o) =>
            o.name.length > i.name.length &&
            o.name.endsWith(i.name) &&
            (before + i.name).endsWith(o.name.slice(-i.name.length - 4)),
        )
      )
        continue;
      expect(`${i.name}为${m[1]}`).toBe(`${i.name}为${valueText(i.result.value, i.precision)}`);
      checked++;
    }
  }
  return checked;
}

describe.each(ENGINES)('report numbers on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, {}, { demoData: true });
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  const make = async (kind: ReportContext['kind'], year: number, basis: 'approved' | 'preliminary') => {
    const ctx = await loadReportContext(t.db.database.db, FOLDER, { kind, year, scope: 'both', basis });
    const report = await generateReport(ctx, { charts: false, date: '2026年3月' });
    const docx = await readDocx(report.bytes);
    return { ctx, docx, paragraphs: paragraphTexts(docx.document), rows: tableRows(docx.document) };
  };

  it('annual 2024: one 预计达标困难 count, the counts of the analysis, the values of the analysis, no jargon in the body', async () => {
    const { ctx, paragraphs } = await make('annual_monitoring', 2024, 'approved');
    const f = figures(ctx.narrative);
    const all = paragraphs.join('\n');
    const body = bodyOf(paragraphs);
    const counts = (re: RegExp) => [...new Set([...body.matchAll(re)].map((m) => Number(m[1])))];
    expect(counts(/预计达标困难(\d+)项/g)).toEqual([f.difficult]);
    expect(counts(/波动较大(\d+)项/g)).toEqual([f.volatile]);
    expect(counts(/监测预警指标(\d+)项/g)).toEqual([f.warned]);
    // 预计达标困难 + 波动较大 − both = the warned indicators: the sentence adds up.
    expect(f.difficult + f.volatile - f.both).toBe(f.warned);
    expect(body).toContain(`指标${f.assessed}项中，${f.met}项已达到规划目标`);
    expect(body).not.toMatch(JARGON);
    expect(all).toContain('预警依据（技术附件）');
    expect(checkValues(ctx, body)).toBeGreaterThan(50);
    // The issuer of a monitoring report is the statistics bureau's 监测组; the title the plans' joint name.
    expect(all).toContain('武清区统计局（监测组）');
    expect(all).toContain('天津市武清区妇女和儿童发展“十四五”规划');
    expect(all).not.toContain('武清区妇女儿童发展规划');
  }, 240_000);

  it("annual 2024: compares with the 对比数据 of the value's year, figures as stored and values as analysed, nothing else", async () => {
    const { ctx, paragraphs } = await make('annual_monitoring', 2024, 'approved');
    const body = bodyOf(paragraphs);
    const stored = await referencesByIndicator(t.db.database.db, FOLDER);
    const compared = ctx.narrative.indicators.filter((i) => referencesOfYear(i).length > 0);
    // The demo records national figures for 2023 and 2024 (孕产妇死亡率, 婴儿死亡率, 5岁以下儿童死亡率, 高中阶段毛入学率).
    expect(compared.map((i) => i.code).sort()).toEqual(['C1-02', 'C1-03', 'C3-03', 'W1-03', 'W2-02']);
    for (const i of compared) {
      const id = ctx.analysis.indicators.find((a) => a.code === i.code)!.id;
      const [figure] = referencesOfYear(i);
      expect(stored.get(id)).toContainEqual(figure);
      const value = withUnit(i.result.value!, i.unit, i.precision);
      expect(body).toContain(`${i.result.year}年${i.name}（${value}）`);
      expect(body).toContain(`全国平均水平（${withUnit(figure!.value, i.unit, i.precision)}）`);
      expect(valueText(i.result.value, i.precision)).toBe(
        valueText(ctx.analysis.indicators.find((a) => a.id === id)!.result.value, i.precision),
      );
    }
    // One comparison per compared indicator (a shared statistic in each plan's domain), none anywhere else.
    expect([...body.matchAll(/平均水平（/g)].length).toBe(compared.length);
    expect(paragraphs.join('\n')).not.toMatch(/示例数据/);
  }, 240_000);

  it('final evaluation: past tense, the summary table equals the text and the analysis, one value per shared statistic', async () => {
    const { ctx, paragraphs, rows } = await make('final_evaluation', 2025, 'preliminary');
    const all = paragraphs.join('\n');
    const body = bodyOf(paragraphs);
    expect(all).not.toMatch(FORECAST);
    expect(body).not.toMatch(JARGON);
    expect(all).not.toMatch(/0家|0项督办/);
    expect(all).toContain('武清区妇女儿童工作委员会办公室（评估组）');
    // A relational target names the quantity compared with, never its code ("不低于W4-01").
    expect(all).not.toMatch(/(不低于|高于|不高于|低于)\s*[WC]\d+-\d+/);
    const delegates = rows.find((r) => String(r[0]).trim() === '党员代表大会中女代表比例');
    expect(delegates?.[4]).toBe('不低于中国共产党女党员比例');
    for (const heading of [
      '经济社会基本情况',
      '评估工作开展情况',
      '主要成效',
      '规划目标完成情况',
      '主要做法和经验',
      '存在的问题及原因',
      '对策建议',
    ]) {
      expect(paragraphs.some((p) => p.endsWith(heading))).toBe(true);
    }
    // 经济社会基本情况 from the demo's context figures (src/features/demo/context.ts), the source named as 演示数据.
    const context = paragraphs[paragraphs.findIndex((p) => p.endsWith('经济社会基本情况')) + 1]!;
    expect(context).toMatch(/^2025年末，全区常住人口115\.8万人，比2020年末增加0\.7万人，其中女性57\.0万人，占49\.2%/);
    expect(context).toMatch(/（数据来源：演示数据）$/);
    const c = finalCounts(ctx.narrative.indicators);
    const total = rows.find((r) => r[0] === '合计')!;
    expect(total.slice(1, 5).map(Number)).toEqual([c.quantitative, c.已实现, c.基本实现, c.未实现]);
    expect(body).toContain(`指标${c.quantitative}项中，已实现${c.已实现}项`);
    expect(body).toContain(`未实现${c.未实现}项`);
    // 存在的问题 and 对策建议 count as table 1 counts (a shared statistic in each plan), so their counts add up.
    expect(body).toContain(`等${c.未实现}项指标未实现规划目标`);
    expect(body).toContain(`等${c.未实现 + c.基本实现 + c.方向未达}项指标，`);
    // Every domain row's counts add up to its plan's row.
    for (const p of ctx.plans) {
      const planRow = rows.find((r) => r[0] === p.shortTitle)!;
      const inPlan = finalCounts(ctx.narrative.indicators.filter((i) => i.planId === p.id));
      expect(Number(planRow[2])).toBe(inPlan.已实现);
      // 主要成效 counts what table 1 counts: met quantitative targets plus directions achieved, in this plan.
      const achieved = Number(planRow[2]) + Number(planRow[8]);
      expect(body).toContain(`${p.shortTitle}实施成效明显。${achieved}项指标实现规划目标或规划要求的变化`);
    }
    expect(checkValues(ctx, body)).toBeGreaterThan(50);
    // The appendix marks a rate judged on pooled counts, and its note gives the pooled rate.
    const pooled = ctx.narrative.indicators.filter((i) =>
      (i.result.flags ?? []).some((f) => f.kind === 'small_numbers'),
    );
    expect(pooled.length).toBeGreaterThan(0);
    for (const i of pooled) {
      const row = rows.find((r) => r[0] === i.name && r[1] === i.unit);
      if (row) expect(row[3]).toMatch(/\*$/);
    }
    expect(all).toContain('注：*病例数少的指标按多年合计的病例数计算评估');

    // One statistic, one value: the linked indicators read the series of the indicator they name.
    const byCode = new Map(ctx.analysis.indicators.map((i) => [i.code, i]));
    const links: [string, string][] = [
      ['C3-03', 'W2-02'],
      ['C3-02', 'W2-01'],
      ['C1-14', 'W1-19'],
      ['C6-03', 'W7-03'],
      ['C6-05', 'W7-04'],
    ];
    for (const [linked, series] of links) {
      expect(byCode.get(linked)!.values).toEqual(byCode.get(series)!.values);
      expect(byCode.get(linked)!.values.some((v) => v !== null)).toBe(true);
    }
    const name = '高中阶段毛入学率';
    const printed = new Set([...body.matchAll(new RegExp(`${name}为([\\d.]+)`, 'g'))].map((m) => m[1]));
    expect(printed.size).toBe(1);
  }, 240_000);

  it('final monitoring: no warnings section and no forecast; the annual warnings name a shared statistic once', async () => {
    const { paragraphs } = await make('final_monitoring', 2025, 'preliminary');
    const all = paragraphs.join('\n');
    expect(all).not.toMatch(FORECAST);
    expect(all).not.toContain('监测预警情况');
    expect(all).toContain('终期统计监测报告');
    const annual = await make('annual_monitoring', 2024, 'approved');
    const warnings = annual.paragraphs.filter((p) => /^[^：]+（(妇女|儿童)发展规划/.test(p));
    const names = warnings.map((p) => p.split('（')[0]);
    expect(new Set(names).size).toBe(names.length);
  }, 240_000);

  it('final monitoring on approved data: monitoring words, and no verdict on the plan while final data are pending', async () => {
    const { ctx, paragraphs } = await make('final_monitoring', 2025, 'approved');
    const all = paragraphs.join('\n');
    // The 统计局's report does not speak as the evaluation group.
    expect(all).not.toContain('终期评估显示');
    const c = finalCounts(ctx.narrative.indicators);
    const opening = paragraphs.find((p) => p.includes('终期数据显示'))!;
    if (c.数据待确认 > 0) {
      expect(opening).toContain(`终期数据待确认${c.数据待确认}项`);
      expect(opening).toContain(`按已有终期数据的${c.已实现 + c.基本实现 + c.未实现}项计算`);
      expect(opening).not.toMatch(/多数目标已经实现|主要目标总体实现|规划目标部分实现/);
    }
    // A requirement without a verdict is stated once: no 规划要求规划目标.
    expect(all).not.toContain('规划要求规划目标');
    // A domain whose final year is mostly pending gets its name as heading, not a verdict (持续提高), and its
    // directional indicators are said to be pending, not "0项实现".
    let plainHeadings = 0;
    for (const d of ctx.analysis.byDomain) {
      const dc = finalCounts(
        ctx.narrative.indicators.filter((i) => i.planId === d.planId && i.domainCode === d.domainCode),
      );
      const decided = dc.已实现 + dc.基本实现 + dc.未实现;
      if (dc.数据待确认 > 0 && dc.数据待确认 >= decided) {
        expect(
          paragraphs.some((p) => new RegExp(`^(\\d+\\.|（[一二三四五六七八九十]+）)${d.domainName}$`).test(p)),
        ).toBe(true);
        plainHeadings++;
      }
      if (dc.directional > 0 && dc.directionalPending === dc.directional) {
        expect(all).toContain(`方向性指标${dc.directional}项，终期数据均待确认`);
      }
    }
    if (c.数据待确认 > 0) expect(plainHeadings).toBeGreaterThan(0);
  }, 240_000);
});
