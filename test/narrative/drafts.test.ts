// The report drafts as whole texts: the opening verdict at each threshold, the warnings in plain words, 存在的问题,
// 对策建议, 评估工作开展情况, 主要成效 and 主要做法和经验 of a final evaluation. A sentence that read wrong (a count
// that does not add up, a unit named twice, 比上年 for a change over a gap) is what the office would have to fix.
import { describe, expect, it } from 'vitest';
import {
  achievementsText,
  draftMonitoring,
  figures,
  openingText,
  paragraphsOf,
  plainWarning,
  practicesText,
  problemsText,
  processText,
  suggestionsText,
  warningsText,
} from '../../src/core/narrative/drafts.ts';
import type { NarrativeIndicator } from '../../src/core/narrative/index.ts';
import { CHILDREN, domain, ind, judged, report, WOMEN } from './fixtures.ts';

const warning = (...kinds: string[]) =>
  ({ kind: kinds[0], kinds, reasons: [] }) as unknown as NarrativeIndicator['result']['warning'];
const flag = (kind: string, year?: number | null) => ({ kind, year, message: '', numbers: {} }) as never;

/** 妇女常见病筛查率, ≥90%, 84.5% in 2025 after 84.0% in 2024, warned as the result says. */
function screening(over: Partial<NarrativeIndicator> = {}, result: Partial<NarrativeIndicator['result']> = {}) {
  return ind(
    { name: '妇女常见病筛查率', code: 'W1-05', unit: '%', values: [80, 82, 81, 83, 84, 84.5], ...over },
    { status: '预计达标困难', met: false, target: 90, comparator: '>=', ...result },
  );
}

const HEAD = '2021—2025年，示范区深入贯彻实施《示范区妇女发展“十四五”规划》';
const APPROVED = '本报告采用统计部门审核确认的数据。';

describe('the opening of a final report', () => {
  it('counts both plans’ categories and waits for the verdict while final-year data are pending', () => {
    const children = { planId: 'children', domainCode: 'C1', domainName: '儿童与健康' };
    const pending = ind({ name: '指标庚', code: 'C1-02', planId: 'children', values: [5, 5, 5, 5, 5, null] });
    const input = report({
      kind: 'final',
      plans: [WOMEN, CHILDREN],
      indicators: [
        judged('指标甲', '已实现'),
        judged('指标乙', '基本实现'),
        judged('指标丙', '未实现'),
        judged('指标丁', '趋势向好'),
        judged('指标戊', '未实现（方向未达）'),
        judged('指标己', '已实现', children),
        pending,
      ],
    });
    expect(openingText(input)).toBe(
      `${HEAD}和《示范区儿童发展“十四五”规划》。终期数据显示，两个规划设定量化目标的指标5项中，已实现2项、基本实现1项、未实现1项、终期数据待确认1项；按已有终期数据的4项计算，实现率为50.0%，总体结论待终期数据确认后作出。其中，妇女发展规划3项中已实现1项、基本实现1项、未实现1项；儿童发展规划2项中已实现1项、未实现0项、终期数据待确认1项。方向性指标2项中，1项实现了规划要求的变化。\n本报告采用统计部门审核确认的数据；1项指标尚无2025年数据，采用最近年份数据，文中均注明数据年份。`,
    );
    const f = figures(input);
    expect(f.final).toMatchObject({ quantitative: 5, 已实现: 2, 数据待确认: 1, directional: 2, 方向未达: 1 });
    expect(f.finalByPlan.map((p) => [p.plan.id, p.counts.quantitative])).toEqual([
      ['women', 3],
      ['children', 2],
    ]);
    expect(f.stale).toBe(1);
  });

  it('gives the verdict of one plan by its 实现率: 80 % and 60 % are the thresholds', () => {
    const final = (met: number, notMet: number, basis: 'approved' | 'preliminary' = 'approved') =>
      openingText(
        report({
          kind: 'final',
          basis,
          indicators: [
            ...Array.from({ length: met }, (_, k) => judged(`达${k}`, '已实现')),
            ...Array.from({ length: notMet }, (_, k) => judged(`未${k}`, '未实现')),
          ],
        }),
      );
    expect(final(4, 1)).toBe(
      `${HEAD}。终期数据显示，规划设定量化目标的指标5项中，已实现4项、未实现1项，实现率为80.0%，规划确定的主要目标总体实现。\n${APPROVED}`,
    );
    expect(final(3, 2)).toContain('实现率为60.0%，规划确定的多数目标已经实现。');
    expect(final(1, 1, 'preliminary')).toBe(
      `${HEAD}。终期数据显示，规划设定量化目标的指标2项中，已实现1项、未实现1项，实现率为50.0%，规划目标部分实现，仍有较多指标未达到规划要求。\n本报告采用各单位报送的初步数据（含尚未审核确认的数据），正式数据以统计部门审核确认为准。`,
    );
    // Nothing judged: no rate and no verdict.
    expect(final(0, 0).split('\n')[0]).toBe(
      `${HEAD}。终期数据显示，规划设定量化目标的指标0项中，已实现0项、未实现0项。`,
    );
  });
});

describe('the opening of an annual report', () => {
  const annual = (rate: number | null) =>
    openingText(
      report({
        byPlan: [{ ...domain(rate, { assessed: rate === null ? 0 : 100, met: (rate ?? 0) * 100 }), group: 'women' }],
      }),
    );
  const first = '2025年，示范区深入贯彻实施《示范区妇女发展“十四五”规划》，妇女儿童事业取得新进展。';

  it('words the verdict by the 达标率 at 80, 60 and 40 %', () => {
    expect(annual(0.8)).toBe(
      `${first}监测显示，设有量化目标且有监测数据的指标100项中，80项已达到规划目标，达标率为80.0%，规划实施总体进展顺利。\n${APPROVED}`,
    );
    expect(annual(0.79)).toContain('达标率为79.0%，规划实施总体进展良好。');
    expect(annual(0.6)).toContain('达标率为60.0%，规划实施总体进展良好。');
    expect(annual(0.59)).toContain('达标率为59.0%，规划实施总体平稳推进，部分指标进展滞后。');
    expect(annual(0.4)).toContain('达标率为40.0%，规划实施总体平稳推进，部分指标进展滞后。');
    expect(annual(0.39)).toContain('达标率为39.0%，规划实施进展不平衡，较多指标尚未达到规划目标。');
  });

  it('says nothing of a rate when no indicator could be assessed, and names the years of stale data', () => {
    expect(annual(null)).toBe(`${first}\n${APPROVED}`);
    const stale = ind({ values: [1, 2, 3, 4, 5, null] });
    expect(openingText(report({ indicators: [stale], basis: 'preliminary' })).split('\n')[1]).toBe(
      '本报告采用各单位报送的初步数据（含尚未审核确认的数据），正式数据以统计部门审核确认为准；1项指标尚无2025年数据，采用最近年份数据，文中均注明数据年份。',
    );
  });
});

describe('a warning in plain words', () => {
  it('says why an indicator is hard to reach, by its difficulty', () => {
    const now = '2025年为84.5%（比上年提高0.5个百分点），规划目标为≥90.0%，';
    const hard = (difficulty: '需加快' | '逆向') =>
      plainWarning(screening({}, { difficulty, warning: warning('预计达标困难') }), 2025);
    expect(hard('需加快')).toBe(`${now}进度慢于规划要求，按目前进度到2025年达标有困难。`);
    expect(hard('逆向')).toBe(`${now}近年变化方向与规划要求相反，按目前进度到2025年达标有困难。`);
    const direction = screening(
      { target: '提高' },
      { difficulty: '方向未达', ruleKind: 'direction_only', warning: warning('预计达标困难') },
    );
    expect(plainWarning(direction, 2030)).toBe(
      '2025年为84.5%（比上年提高0.5个百分点），规划要求提高，近年总体未呈现规划要求的变化，按目前进度到2030年达标有困难。',
    );
  });

  it('names the year of the earlier value when the year before has none (not 比上年)', () => {
    const gap = screening(
      { values: [80, null, null, 83, null, 84.5] },
      { difficulty: '需加快', warning: warning('预计达标困难') },
    );
    expect(plainWarning(gap, 2025)).toBe(
      '2025年为84.5%（比2023年提高1.5个百分点），规划目标为≥90.0%，进度慢于规划要求，按目前进度到2025年达标有困难。',
    );
    const alone = screening(
      { values: [null, null, null, null, null, 84.5] },
      { difficulty: '需加快', warning: warning('预计达标困难') },
    );
    expect(plainWarning(alone, 2025)).toBe(
      '2025年为84.5%，规划目标为≥90.0%，进度慢于规划要求，按目前进度到2025年达标有困难。',
    );
  });

  it('writes a gap in 个百分点 at the published precision', () => {
    const gap = ind(
      { name: '男女收入差距', unit: '百分点', precision: 2, better: 'lower', values: [10, 9, 8, 7, 6, 6.5] },
      {
        status: '预计达标困难',
        met: false,
        target: 5,
        comparator: '<=',
        difficulty: '需加快',
        warning: warning('预计达标困难'),
      },
    );
    expect(plainWarning(gap, 2025)).toBe(
      '2025年为6.50个百分点（比上年扩大0.50个百分点），规划目标为≤5.00个百分点，进度慢于规划要求，按目前进度到2025年达标有困难。',
    );
  });

  it('says how a series fluctuates, each kind once, the year only when it is not the one just given', () => {
    const volatile = (flags: never[], over: Partial<NarrativeIndicator> = {}, result = {}) =>
      plainWarning(screening(over, { status: '未达标', flags, warning: warning('波动较大'), ...result }), 2025);
    const now = '2025年为84.5%（比上年提高0.5个百分点），';
    expect(volatile([flag('jump', 2025), flag('band', 2023), flag('jump', 2025)])).toBe(
      `${now}较上年变化超过三成，2023年数值明显偏离前三年平均水平。`,
    );
    // A flag without a year is the latest year's.
    expect(volatile([flag('band'), flag('small_numbers')])).toBe(`${now}明显偏离前三年平均水平。`);
    expect(volatile([])).toBe(`${now}年度间变化明显。`);
    // Without a latest value: no year to leave out.
    const none = { values: [null, null, null, null, null, null] };
    expect(volatile([flag('jump', null), flag('band', 2024)], none, { year: null, value: null })).toBe(
      '当年较上年变化超过三成，2024年数值明显偏离前三年平均水平。',
    );
    expect(volatile([flag('jump', 2025)], none, { year: null, value: null })).toBe('2025年较上年变化超过三成。');
  });

  it('gives the value once when an indicator is both hard to reach and volatile', () => {
    const both = screening(
      {},
      {
        difficulty: '需加快',
        warning: warning('预计达标困难', '波动较大'),
        flags: [flag('band', 2025), flag('zigzag')],
      },
    );
    expect(plainWarning(both, 2025)).toBe(
      '2025年为84.5%（比上年提高0.5个百分点），规划目标为≥90.0%，进度慢于规划要求，按目前进度到2025年达标有困难；2025年数值明显偏离前三年平均水平，近年升降交替、年度间变化明显。',
    );
    const noValue = screening(
      { values: [null, null, null, null, null, null] },
      {
        year: null,
        value: null,
        difficulty: '需加快',
        warning: warning('预计达标困难', '波动较大'),
        flags: [flag('zigzag')],
      },
    );
    expect(plainWarning(noValue, 2025)).toBe('近年升降交替、年度间变化明显。');
  });
});

describe('the warnings section', () => {
  it('counts each statistic once, names the lead unit when there is one, and ends at the last plan year', () => {
    const slow = screening({}, { difficulty: '需加快', warning: warning('预计达标困难') });
    const jumpy = screening(
      { name: '指标乙', code: 'W1-06', leadUnit: null },
      { status: '未达标', warning: warning('波动较大'), flags: [flag('jump', 2025)] },
    );
    const both = screening(
      { name: '指标丙', code: 'W1-07' },
      { difficulty: '需加快', warning: warning('预计达标困难', '波动较大'), flags: [flag('band', 2024)] },
    );
    const shared = { ...both, code: 'C1-07', planId: 'children', sameAs: { code: 'W1-07', planId: 'women' } };
    const text = warningsText(
      report({ plans: [WOMEN, { ...CHILDREN, cycleEnd: 2030 }], indicators: [slow, jumpy, both, shared] }),
    );
    expect(text).toBe(
      [
        '本期监测预警指标3项，其中预计达标困难2项、波动较大2项（1项两类预警兼有）。判断依据见附件“预警依据”。',
        '妇女常见病筛查率（妇女发展规划，区卫生健康委牵头）：预计达标困难。2025年为84.5%（比上年提高0.5个百分点），规划目标为≥90.0%，进度慢于规划要求，按目前进度到2030年达标有困难。',
        '指标乙（妇女发展规划）：波动较大。2025年为84.5%（比上年提高0.5个百分点），较上年变化超过三成。',
        '指标丙（妇女发展规划，区卫生健康委牵头）：预计达标困难、波动较大。2025年为84.5%（比上年提高0.5个百分点），规划目标为≥90.0%，进度慢于规划要求，按目前进度到2030年达标有困难；2024年数值明显偏离前三年平均水平。',
      ].join('\n'),
    );
    expect(figures(report({ indicators: [slow, jumpy, both, shared] }))).toMatchObject({
      warned: 3,
      difficult: 2,
      volatile: 2,
      both: 1,
    });
  });

  it('appears in an annual monitoring report only', () => {
    const keys = (kind: 'annual' | 'final') => draftMonitoring(report({ kind })).map((s) => s.label);
    expect(keys('annual')).toEqual(['总体情况', '监测预警情况', '存在的问题', '对策建议']);
    expect(keys('final')).toEqual(['总体情况', '存在的问题', '对策建议']);
  });
});

describe('存在的问题 and 对策建议 of a final report', () => {
  const area = (k: number) => ({ domainCode: `W${k}`, domainName: `领域${k}` });
  const notMet = ['甲', '乙', '丙', '丁', '戊', '己', '庚'].map((n, k) =>
    judged(`指标${n}`, '未实现', { ...area(k), leadUnit: { name: `单位${k % 3}` } }),
  );
  const shared = {
    ...notMet[0]!,
    code: 'C-甲',
    planId: 'children',
    sameAs: { code: notMet[0]!.code, planId: 'women' },
  };
  const wrongWay = judged('指标辛', '未实现（方向未达）', area(1));
  const basically = judged('指标壬', '基本实现', { ...area(2), leadUnit: null });
  const met = judged('指标癸', '已实现', area(3));
  const input = report({
    kind: 'final',
    plans: [WOMEN, CHILDREN],
    indicators: [...notMet, shared, wrongWay, basically, met],
    supervision: [
      { indicatorName: '指标甲', unitName: '单位0', causes: '原因一。', measures: '措施一；' },
      // An answer on an indicator met by the end of the cycle is no problem of the cycle.
      { indicatorName: '指标癸', unitName: '单位3', causes: '旧原因', measures: '旧措施' },
      { indicatorName: '指标外', unitName: '单位9', causes: '  ', measures: '' },
    ],
    workReports: [
      { unitName: '区教育局', problems: '问题一。', causes: '原因二；', countermeasures: '对策一。' },
      { unitName: '区民政局', problems: '  ', countermeasures: ' ' },
    ],
  });

  it('groups the unmet indicators with the count of table 1, then quotes the causes of the unfinished ones', () => {
    expect(problemsText(input)).toBe(
      [
        '一是部分指标未实现规划目标。指标甲、指标乙、指标丙、指标丁、指标戊、指标己等8项指标未实现规划目标；指标辛未实现规划要求的变化，主要集中在领域0、领域1、领域2、领域3等领域。',
        '二是部分指标与目标仍有小幅差距。指标壬基本实现规划目标，但尚未完全达到目标值。',
        '三是据责任单位督办反馈，指标甲方面，单位0分析原因为：原因一。',
        '四是成员单位报告反映的问题和原因。区教育局反映问题一，主要原因是原因二。',
      ].join('\n'),
    );
  });

  it('carries the unfinished indicators into the next cycle, naming up to six lead units', () => {
    expect(suggestionsText(input)).toBe(
      [
        '一是把未完全实现的目标纳入下一周期重点任务。指标甲、指标乙、指标丙、指标丁、指标戊、指标己等10项指标，单位0、单位1、单位2、区卫生健康委等牵头单位要深入分析原因，在新一轮规划中明确目标和措施，持续推进。',
        '二是抓好督办整改落实。单位0针对指标甲提出措施一。',
        '三是推动成员单位落实对策措施。区教育局提出对策一。',
        '四是做好新一轮规划衔接。总结规划实施经验，将未实现的目标和突出问题纳入新一轮妇女儿童发展规划统筹考虑。',
      ].join('\n'),
    );
    const one = suggestionsText(report({ kind: 'final', indicators: [notMet[1]!, met] }));
    expect(one.split('\n')[0]).toBe(
      '一是把未完全实现的目标纳入下一周期重点任务。指标乙，单位1要深入分析原因，在新一轮规划中明确目标和措施，持续推进。',
    );
    const none = suggestionsText(report({ kind: 'final', indicators: [basically, met] }));
    expect(none.split('\n')[0]).toBe(
      '一是把未完全实现的目标纳入下一周期重点任务。指标壬，各牵头单位要深入分析原因，在新一轮规划中明确目标和措施，持续推进。',
    );
  });

  it('names at most eight missing units, with their number, when no cause has been given', () => {
    const missing = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '子', '丑'].map((n) => `${n}局`);
    const text = problemsText(
      report({
        kind: 'final',
        indicators: [notMet[0]!, met],
        sources: { unitsReported: 0, unitsTotal: 9, noticesIssued: 0, noticesAnswered: 0, unitsMissing: missing },
      }),
    );
    expect(text).toBe(
      '一是部分指标未实现规划目标。指标甲未实现规划目标，主要集中在领域0等领域。\n二是原因分析待补充。截至报告起草时，甲局、乙局、丙局、丁局、戊局、己局、庚局、子局等9家单位尚未提交终期评估报告，相关内容待补充。',
    );
    expect(problemsText(report({ kind: 'final', indicators: [wrongWay] }))).toBe(
      '一是部分指标未实现规划目标。指标辛未实现规划要求的变化，主要集中在领域1等领域。\n二是原因分析待补充。各责任单位尚未提交原因分析。',
    );
  });
});

describe('存在的问题 and 对策建议 of an annual report', () => {
  it('lists the lagging, the unmet and the volatile indicators, and the units’ answers', () => {
    const slow = screening({}, { difficulty: '需加快', warning: warning('预计达标困难') });
    const behind = screening({ name: '指标乙', code: 'W1-06', domainName: '妇女与教育' }, { status: '未达标' });
    const jumpy = screening(
      { name: '指标丙', code: 'W1-07', leadUnit: { name: '区教育局' } },
      { status: '已达标', met: true, warning: warning('波动较大'), flags: [flag('jump', 2025)] },
    );
    const input = report({
      indicators: [slow, behind, jumpy],
      supervision: [
        { indicatorName: '妇女常见病筛查率', unitName: '区卫生健康委', causes: '原因。', measures: '措施。' },
      ],
      workReports: [{ unitName: '区民政局', causes: '人手不足', countermeasures: '增加人手。' }],
    });
    expect(problemsText(input)).toBe(
      [
        '一是部分指标进展滞后。妇女常见病筛查率按目前进度如期达标有困难，涉及妇女与健康等领域。',
        '二是部分指标与规划目标仍有差距。指标乙尚未达到规划目标值。',
        '三是部分指标年度间波动较大。指标丙年度间变化明显，需核实数据口径，分析变化原因。',
        '四是据责任单位督办反馈，妇女常见病筛查率方面，区卫生健康委分析原因为：原因。',
        '五是成员单位报告反映的问题和原因。区民政局反映人手不足。',
      ].join('\n'),
    );
    expect(suggestionsText(input)).toBe(
      [
        '一是聚焦滞后指标，加大推进力度。对妇女常见病筛查率，区卫生健康委要分析原因，制定针对性措施，明确时间节点。',
        '二是加强数据质量管理。对年度间波动较大的指标，核实数据来源和统计口径，分析波动原因。',
        '三是抓好督办整改落实。区卫生健康委针对妇女常见病筛查率提出措施。',
        '四是推动成员单位落实对策措施。区民政局提出增加人手。',
        '五是强化统筹协调和监测评估。发挥妇儿工委协调议事作用，定期通报指标进展，对预警指标跟踪督办。',
      ].join('\n'),
    );
  });

  it('leaves the causes to be supplied when nothing is warned and nobody reported', () => {
    expect(problemsText(report({}))).toBe('一是原因分析待补充。各责任单位尚未提交原因分析。');
    expect(suggestionsText(report({}))).toBe(
      '一是强化统筹协调和监测评估。发挥妇儿工委协调议事作用，定期通报指标进展，对预警指标跟踪督办。',
    );
  });
});

describe('评估工作开展情况', () => {
  const TEAMS = '监测组由区统计局牵头，负责数据收集、审核和统计监测报告；评估组由区妇儿工委办公室牵头，负责评估报告。';

  it('counts each kind of source on its own and names the units that have not reported', () => {
    const sources = {
      unitsReported: 3,
      unitsTotal: 30,
      noticesIssued: 2,
      noticesAnswered: 1,
      unitsMissing: ['区民政局'],
    };
    expect(processText(report({ basis: 'preliminary', sources }))).toBe(
      [
        `根据《示范区妇女发展“十四五”规划》关于监测评估的要求，示范区妇女儿童工作委员会监测评估领导小组组织开展规划实施2025年度评估。${TEAMS}`,
        '评估依据2025年各成员单位报送、含尚未审核确认的监测数据，3家成员单位提交的年度工作报告，2项预警督办事项的办理情况（已反馈1项）。截至报告起草时，区民政局尚未提交年度工作报告，相关内容待补充。',
        '有量化目标的指标以最新年度数据与目标值比较，未达标的按序时进度判断能否如期实现；方向性指标按变化方向判断；定性目标结合成员单位工作报告作出定性评价。',
      ].join('\n'),
    );
    expect(processText(report({})).split('\n')[1]).toBe('评估依据2025年各成员单位报送、统计部门审核确认的监测数据。');
  });

  it('describes the final evaluation over the cycle, with the units’ 评估报告', () => {
    const text = processText(
      report({
        kind: 'final',
        plans: [WOMEN, CHILDREN],
        evaluationReports: [
          { unitName: '区教育局', summary: '总结' },
          { unitName: '区民政局', summary: '总结' },
        ],
        sources: { unitsReported: 0, unitsTotal: 30, noticesIssued: 0, noticesAnswered: 0, unitsMissing: [] },
      }),
    );
    expect(text).toBe(
      [
        `根据《示范区妇女发展“十四五”规划》和《示范区儿童发展“十四五”规划》关于监测评估的要求，示范区妇女儿童工作委员会监测评估领导小组组织开展规划实施终期评估。${TEAMS}`,
        '评估依据2021—2025年各成员单位报送、统计部门审核确认的监测数据，2家成员单位提交的终期评估报告。',
        '有量化目标的指标以2025年数据与目标值比较，分为已实现、基本实现（未达到目标值，但完成了规划要求变化的九成以上）和未实现三类；方向性指标按2021—2025年的变化方向判断；定性目标结合成员单位报告作出定性评价。',
      ].join('\n'),
    );
  });
});

describe('主要成效 and 主要做法和经验 of a final evaluation', () => {
  it('names the five largest moves in the required direction, leaving out falls, a base of 0 and pooled small numbers', () => {
    const achieved = (name: string, values: number[], over: Partial<NarrativeIndicator> = {}) =>
      judged(name, '已实现', { values, unit: '%', ...over });
    const small = judged('指标九', '趋势向好', { values: [5, 4, 3, 2, 1, 0.5], better: 'lower', unit: '/10万' });
    small.result.flags = [flag('small_numbers')];
    const indicators = [
      achieved('指标一', [50, 51, 52, 53, 54, 60]),
      achieved('指标二', [10, 9, 8, 7, 6, 5], { better: 'lower', unit: '‰', domainName: '领域乙' }),
      achieved('指标三', [0, 1, 2, 3, 4, 5], { domainName: '领域丙' }),
      achieved('指标四', [80, 81, 82, 83, 84, 79], { domainName: '领域丁' }),
      achieved('指标五', [20, 21, 22, 23, 24, 25], { domainName: '领域戊' }),
      achieved('指标六', [30, 31, 32, 33, 34, 36], { domainName: '领域己' }),
      achieved('指标七', [40, 41, 42, 43, 44, 41]),
      achieved('指标八', [1, 1, 1, 1, 1, 2]),
      small,
      judged('指标十', '未实现', { values: [5, 4, 3, 2, 1, 1] }),
    ];
    expect(achievementsText(report({ kind: 'final', plans: [WOMEN, CHILDREN], indicators }))).toBe(
      '妇女发展规划实施成效明显。9项指标实现规划目标或规划要求的变化，涉及妇女与健康、领域乙、领域丙、领域丁、领域戊等领域。其中，指标八由2020年的1.0%提高到2025年的2.0%，指标二由2020年的10.0‰降至2025年的5.0‰，指标五由2020年的20.0%提高到2025年的25.0%，指标一由2020年的50.0%提高到2025年的60.0%，指标六由2020年的30.0%提高到2025年的36.0%。',
    );
    expect(achievementsText(report({ kind: 'final', indicators: [small] }))).toBe(
      '妇女发展规划实施成效明显。1项指标实现规划目标或规划要求的变化，涉及妇女与健康领域。',
    );
    expect(achievementsText(report({ kind: 'final', indicators: [indicators[9]!] }))).toBe(
      '（待补充：规划实施以来的主要成效。）',
    );
  });

  it('quotes each unit’s 评估报告, and the 年度工作报告 only of units without one', () => {
    const text = practicesText(
      report({
        kind: 'final',
        evaluationReports: [{ unitName: '区教育局', summary: '总结' }],
        workReports: [
          { unitName: '区教育局', implementation: '做法' },
          { unitName: '区民政局', implementation: '做法二。' },
          { unitName: '区文旅局', implementation: ' ' },
        ],
        sources: { unitsReported: 3, unitsTotal: 30, noticesIssued: 0, noticesAnswered: 0, unitsMissing: ['区民政局'] },
      }),
    );
    expect(text).toBe(
      [
        '规划实施以来，各成员单位按照职责分工，把规划目标任务纳入本部门工作统筹推进。根据1家成员单位的终期评估报告和1家成员单位的年度工作报告，主要做法如下。',
        '（一）其他方面。区教育局总结；区民政局做法二。',
        '截至报告起草时，区民政局尚未提交终期评估报告，相关内容待补充。',
      ].join('\n'),
    );
    const workOnly = report({ kind: 'final', workReports: [{ unitName: '区民政局', implementation: '做法二；' }] });
    expect(practicesText(workOnly)).toBe(
      '规划实施以来，各成员单位按照职责分工，把规划目标任务纳入本部门工作统筹推进。根据1家成员单位的年度工作报告，主要做法如下。\n（一）其他方面。区民政局做法二。',
    );
    expect(practicesText(report({ kind: 'final' }))).toBe(
      '（待补充：各成员单位尚未提交评估报告和年度工作报告，主要做法和经验待汇总后填写。）',
    );
  });

  it('splits an edited text into paragraphs, one per non-empty line', () => {
    expect(paragraphsOf(' 第一段 \r\n\n 第二段\n')).toEqual(['第一段', '第二段']);
  });
});
