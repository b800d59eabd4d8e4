import { describe, expect, it } from 'vitest';
import type { Status } from '../../src/core/assessment/index.ts';
import {
  domainHeading,
  domainText,
  draftEvaluation,
  draftMonitoring,
  indicatorSentence,
  KEY,
  type NarrativeDomain,
  type NarrativeInput,
  openingText,
  problemsText,
  suggestionsText,
  warningsText,
} from '../../src/core/narrative/index.ts';
import { ind } from './fixtures.ts';

const counts = (c: Partial<Record<Status, number>>) =>
  ({
    无数据: 0,
    数据不足: 0,
    已达标: 0,
    提前达标: 0,
    '已达标（有回落风险）': 0,
    预计可达标: 0,
    预计达标困难: 0,
    未达标: 0,
    趋势向好: 0,
    趋势向好但末年回落: 0,
    '趋势不明显（事件数少）': 0,
    ...c,
  }) as Record<Status, number>;

function domain(rate: number | null, over: Partial<NarrativeDomain> = {}): NarrativeDomain {
  return {
    group: '1',
    planId: 'women',
    domainCode: 'W1',
    domainName: '妇女与健康',
    total: 10,
    assessed: 4,
    met: 3,
    rate,
    counts: counts({ 已达标: 3, 预计达标困难: 1 }),
    directionOnly: 2,
    qualitative: 4,
    noData: 0,
    ...over,
  };
}

const maternal = ind({ values: [17.5, 12.0, 10.1, 9.3, 8.7, 8.2] });
const screening = ind(
  { code: 'W1-05', name: '孕产妇系统管理率', unit: '%', target: '≥ 90%', values: [80.0, 81.2, 82.0, 83.1, 84.2, 84.2] },
  {
    status: '预计达标困难',
    met: false,
    target: 90,
    comparator: '>=',
    warning: {
      kind: '预计达标困难',
      kinds: ['预计达标困难'],
      reasons: ['2025年为84.2，未达到目标≥90.0；序时进度落后。'],
    },
  },
);

function input(over: Partial<NarrativeInput> = {}): NarrativeInput {
  return {
    kind: 'annual',
    year: 2025,
    basis: 'approved',
    region: '武清区',
    plans: [
      {
        id: 'women',
        title: '天津市武清区妇女发展“十四五”规划',
        shortTitle: '妇女发展规划',
        baseYear: 2020,
        cycleEnd: 2025,
      },
    ],
    indicators: [maternal, screening],
    byPlan: [{ ...domain(0.75), group: 'women' }],
    byDomain: [domain(0.75)],
    supervision: [
      {
        indicatorName: '孕产妇系统管理率',
        unitName: '区卫生健康委',
        causes: '流动孕产妇建档不及时。',
        measures: '推行孕产妇全程电子化管理。',
      },
    ],
    workReports: [
      { unitName: '区教育局', problems: '部分学校心理健康教师配备不足', countermeasures: '按标准配齐心理健康教师' },
    ],
    ...over,
  };
}

describe('indicator sentences', () => {
  it('phrases a change of a rate per 10万 in 个十万分点, since last year and since the base year', () => {
    expect(indicatorSentence(maternal, 'annual')).toBe(
      '2025年，孕产妇死亡率为8.2/10万，比上年下降0.5个十万分点，比2020年下降9.3个十万分点，已达到规划目标。',
    );
  });

  it('phrases a percentage, 与上年基本持平 and the gap to the target, without contradicting the change', () => {
    expect(indicatorSentence(screening, 'annual')).toBe(
      '2025年，孕产妇系统管理率为84.2%，与上年基本持平，比2020年提高4.2个百分点，距规划目标（≥90.0%）尚有差距，按近年进度如期达到有困难。',
    );
    const up = ind(
      { name: '妇女常见病筛查率', unit: '%', values: [80, 81, 82, 83, 84.0, 86.5] },
      { status: '未达标', met: false, target: 90, comparator: '>=' },
    );
    expect(indicatorSentence(up, 'annual')).toContain(
      '比上年提高2.5个百分点，比2020年提高6.5个百分点，尚未达到规划目标（≥90.0%）',
    );
    // 基本持平 is never followed by 有所回落.
    const flat = ind(
      { name: '妇女健康素养水平', unit: '%', values: [50, 52, 54, 56, 58.0, 58.0] },
      { status: '趋势向好但末年回落', ruleKind: 'direction_only', met: null },
    );
    expect(indicatorSentence(flat, 'annual')).not.toContain('回落');
  });

  it('says 上升 (never 提高) for an adverse rate that rises, and 扩大/缩小 for gaps', () => {
    const caries = ind(
      { name: '12岁儿童龋患率', unit: '%', better: 'lower', values: [30, 31, 32, 33, 34.0, 35.5] },
      { status: '未达标', met: false, target: 25, comparator: '<=' },
    );
    expect(indicatorSentence(caries, 'annual')).toContain('比上年上升1.5个百分点');
    const gap = ind(
      { name: '男女收入差距', unit: '百分点', better: 'lower', values: [10, 9, 8, 7, 6.0, 5.0] },
      { status: '趋势向好', ruleKind: 'direction_only', met: null },
    );
    expect(indicatorSentence(gap, 'annual')).toContain('比上年缩小1.0个百分点');
  });

  it('uses 千分点 for ‰, names the year when the year before is missing, and speaks of the latest year with data', () => {
    const infant = ind({ name: '婴儿死亡率', unit: '‰', values: [3.0, 2.9, null, 2.8, 2.5, null] }, { target: 5 });
    expect(indicatorSentence(infant, 'annual')).toBe(
      '2024年，婴儿死亡率为2.5‰，比上年下降0.3个千分点，比2020年下降0.5个千分点，已达到规划目标。',
    );
    const gap = ind({ name: '婴儿死亡率', unit: '‰', values: [3.0, null, 2.9, null, 2.5, null] }, { target: 5 });
    expect(indicatorSentence(gap, 'annual')).toContain('比2022年下降0.4个千分点');
  });

  it('judges a final report by the final category, in the past tense, with no forecast', () => {
    const met = ind(maternal, { finalCategory: '已实现' });
    expect(indicatorSentence(met, 'final', 2025)).toBe(
      '2025年，孕产妇死亡率为8.2/10万，比2020年下降9.3个十万分点，实现规划目标（≤8.5/10万）。',
    );
    const short = { ...screening, result: { ...screening.result, finalCategory: '未实现' as const } };
    expect(indicatorSentence(short, 'final', 2025)).toContain('未实现规划目标（≥90.0%）');
    const pending = ind(
      { ...screening, values: [80.0, 81.2, 82.0, 83.1, 84.2, null] },
      { status: '预计达标困难', met: false, target: 90, comparator: '>=', finalCategory: null },
    );
    const s = indicatorSentence(pending, 'final', 2025);
    expect(s).toContain('2025年数据尚未确认');
    expect(s).not.toMatch(/预计|推算|按目前趋势|可望/);
  });

  it('says so when there are no data', () => {
    expect(
      indicatorSentence(
        ind({ values: [null, null, null, null, null, null] }, { status: '无数据', met: null }),
        'annual',
      ),
    ).toBe('孕产妇死亡率暂无监测数据。');
  });
});

describe('domain headings', () => {
  it('derive the verdict from the roll-up and assert nothing the body does not show', () => {
    expect(domainHeading(domain(0.9))).toBe('妇女健康水平持续提高');
    expect(domainHeading(domain(0.6))).toBe('妇女健康水平稳步提高');
    expect(domainHeading(domain(0.3))).toBe('妇女健康水平有待进一步提高');
    expect(domainHeading({ domainName: '儿童与安全', rate: 1 })).toBe('儿童安全保障水平持续提高');
    expect(domainHeading({ domainName: '妇女与环境', rate: 0.6 })).toBe('妇女发展环境稳步优化');
    // No assessed indicator and no direction-only data: the plain domain name.
    expect(domainHeading({ domainName: '妇女与法律', rate: null })).toBe('妇女与法律');
  });
});

describe('final domain texts', () => {
  it('tell apart a direction judged good over the cycle whose last value is not beyond the base year', () => {
    const literacy = (code: string, name: string, values: number[]) =>
      ind(
        { code, name, unit: '%', target: '提高', better: 'higher', values },
        { status: '趋势向好', ruleKind: 'direction_only', met: null, finalCategory: '趋势向好' },
      );
    const rising = literacy('W1-20', '妇女心理健康素养水平', [20.5, 20.9, 21.2, 21.4, 21.6, 21.8]);
    const backBelow = literacy('W1-21', '妇女健康素养水平', [26.0, 21.0, 22.1, 23.0, 24.5, 24.0]);
    const text = domainText(domain(0.6), [rising, backBelow], 'final', 2025);
    expect(text).toContain('妇女心理健康素养水平为21.8%，比2020年提高1.3个百分点，实现规划要求的变化');
    expect(text).toContain('妇女健康素养水平为24.0%，比2020年下降2.0个百分点，期间总体呈规划要求的变化趋势');
    expect(text).toContain('但2025年仍低于2020年水平');
    expect(text).not.toMatch(/下降2\.0个百分点[^。]*均实现规划要求的变化/);
    // Staying at the natural limit is the change asked for (METHODOLOGY v2 §10): no "not beyond 2020".
    const drowning = ind(
      { code: 'C2-03', name: '儿童溺水死亡率', better: 'lower', target: '持续下降', values: [0, 0, 0, 0, 0, 0] },
      { status: '趋势向好', ruleKind: 'direction_only', met: null, finalCategory: '趋势向好' },
    );
    expect(domainText(domain(0.6), [drowning], 'final', 2025)).not.toContain('但2025年');
    // A rate to be lowered that ended above its base year's is "still above" it, not "not beyond" it.
    const crime = ind(
      {
        code: 'C7-02',
        name: '未成年人犯罪人数占未成年人人口数量的比重',
        better: 'lower',
        target: '降低',
        values: [0.044, 0.05, 0.047, 0.046, 0.043, 0.045],
      },
      { status: '趋势向好', ruleKind: 'direction_only', met: null, finalCategory: '趋势向好' },
    );
    const crimeText = domainText(domain(0.6), [crime], 'final', 2025);
    expect(crimeText).toContain('期间总体呈规划要求的变化趋势（降低），但2025年仍高于2020年水平');
    expect(crimeText).not.toContain('未超过');
  });

  it('explain a direction missed over the cycle although the last value is below the base year', () => {
    // 1.1 → 0.6 is a fall, yet the series rose over the cycle: "下降…，未实现规划要求的变化（减少）" alone contradicts itself.
    const syphilis = ind(
      {
        code: 'W1-10',
        name: '梅毒母婴传播率',
        unit: '%',
        target: '减少',
        better: 'lower',
        values: [1.1, 0.9, 0.9, 1.2, 2.0, 0.6],
      },
      { status: '预计达标困难', ruleKind: 'direction_only', met: null, finalCategory: '未实现（方向未达）' },
    );
    const text = domainText(domain(0.6), [syphilis], 'final', 2025);
    expect(text).toContain(
      '梅毒母婴传播率为0.6%，比2020年下降0.5个百分点，但期间总体呈上升趋势，未实现规划要求的变化（减少）',
    );
    const rising = { ...syphilis, values: [1.1, 0.9, 1.2, 1.4, 2.0, 1.6] };
    rising.result = { ...syphilis.result, value: 1.6 };
    expect(domainText(domain(0.6), [rising], 'final', 2025)).toContain(
      '比2020年上升0.5个百分点，未实现规划要求的变化（减少）',
    );
  });
});

describe('report texts', () => {
  it('opens with the overall verdict and the 达标率 of the roll-up', () => {
    const text = openingText(input());
    expect(text).toContain(
      '设有量化目标且有监测数据的指标4项中，3项已达到规划目标，达标率为75.0%，规划实施总体进展良好',
    );
    expect(text).toContain('监测预警指标1项，其中预计达标困难1项、波动较大0项');
    expect(text).toContain('本报告采用统计部门审核确认的数据。');
  });

  it('gives each plan its rate when the report covers both', () => {
    const text = openingText(
      input({
        plans: [
          { id: 'women', title: '妇女规划', shortTitle: '妇女发展规划', baseYear: 2020, cycleEnd: 2025 },
          { id: 'children', title: '儿童规划', shortTitle: '儿童发展规划', baseYear: 2020, cycleEnd: 2025 },
        ],
        byPlan: [
          { ...domain(0.5, { assessed: 4, met: 2 }), group: 'women' },
          { ...domain(1, { assessed: 2, met: 2 }), group: 'children' },
        ],
      }),
    );
    expect(text).toContain('《妇女规划》和《儿童规划》');
    expect(text).toContain('指标6项中，4项已达到规划目标，达标率为66.7%');
    expect(text).toContain('妇女发展规划4项中达标2项（50.0%），儿童发展规划2项中达标2项（100.0%）');
  });

  it('lists the warnings in plain words, the method’s numbers left to the technical annex', () => {
    const projected = ind(
      { name: '孕产妇系统管理率', unit: '%', values: [80.0, 81.2, 82.0, 83.1, 84.2, null] },
      {
        status: '预计达标困难',
        met: false,
        target: 90,
        comparator: '>=',
        difficulty: '需加快',
        projection: { slope: 1, intercept: 0, method: 'theil-sen', value: 85.25, clipped: false },
        flags: [
          {
            kind: 'zigzag',
            message: '5个年份中变动方向反转3次，年均变动幅度1.483大于趋势斜率绝对值0.302的2倍',
            numbers: {},
          },
        ],
        warning: {
          kind: '预计达标困难',
          kinds: ['预计达标困难', '波动较大'],
          reasons: ['CS=0.420', '5个年份中变动方向反转3次'],
        },
      },
    );
    const text = warningsText(input({ indicators: [projected] }));
    expect(text.split('\n')[1]).toBe(
      '孕产妇系统管理率（妇女发展规划，区卫生健康委牵头）：预计达标困难、波动较大。2024年为84.2%（比上年提高1.1个百分点），规划目标为≥90.0%，进度慢于规划要求，按目前进度到2025年达标有困难；近年升降交替、年度间变化明显。',
    );
    expect(text).not.toMatch(/斜率|CS=|\[0\.67|不低于下限|Theil/);
    expect(warningsText(input({ indicators: [maternal] }))).toBe('本期监测未发现预计达标困难或波动较大的指标。');
  });

  it('drafts 存在的问题 and 对策建议 from the warnings, the 督办 answers and the work reports', () => {
    const problems = problemsText(input()).split('\n');
    expect(problems[0]).toMatch(/^一是部分指标进展滞后。孕产妇系统管理率按目前进度如期达标有困难/);
    expect(problems.join('\n')).toContain('孕产妇系统管理率方面，区卫生健康委分析原因为：流动孕产妇建档不及时');
    expect(problems.join('\n')).toContain('区教育局反映部分学校心理健康教师配备不足');
    const suggestions = suggestionsText(input());
    expect(suggestions).toMatch(/^一是聚焦滞后指标，加大推进力度。对孕产妇系统管理率，区卫生健康委要/);
    expect(suggestions).toContain('区卫生健康委针对孕产妇系统管理率提出推行孕产妇全程电子化管理');
    expect(suggestions).toContain('区教育局提出按标准配齐心理健康教师');
  });

  it('quotes a unit’s 督办 answer on an indicator once, the latest', () => {
    const base = input();
    const first = base.supervision[0]!;
    const again = { ...first, causes: '2024年：专业人员仍不足', measures: '2024年：继续下沉专业人员' };
    const text = `${problemsText({ ...base, supervision: [first, again] })}\n${suggestionsText({ ...base, supervision: [first, again] })}`;
    expect(text).toContain('2024年：专业人员仍不足');
    expect(text).toContain('2024年：继续下沉专业人员');
    expect(text.split(`${first.indicatorName}方面，${first.unitName}分析原因为`)).toHaveLength(2);
  });

  it('names the units that have not reported instead of counting 0家', () => {
    const text = problemsText(
      input({
        supervision: [],
        workReports: [],
        sources: {
          unitsReported: 0,
          unitsTotal: 2,
          noticesIssued: 0,
          noticesAnswered: 0,
          unitsMissing: ['区教育局', '区民政局'],
        },
      }),
    );
    expect(text).toContain('区教育局、区民政局尚未提交年度工作报告');
    expect(text).not.toContain('0家');
  });

  it('keys the sections of both report kinds', () => {
    expect(draftMonitoring(input()).map((s) => s.key)).toEqual([
      KEY.opening,
      'domain.W1.heading',
      'domain.W1.text',
      KEY.warnings,
      KEY.problems,
      KEY.suggestions,
    ]);
    const evaluation = draftEvaluation(
      input({
        kind: 'final',
        sources: { unitsReported: 3, unitsTotal: 30, noticesIssued: 2, noticesAnswered: 1, unitsMissing: [] },
      }),
    );
    expect(evaluation.map((s) => s.label)).toEqual([
      '总体评价',
      '经济社会基本情况',
      '评估工作开展情况',
      '主要成效',
      '妇女与健康：标题',
      '妇女与健康：正文',
      '主要做法和经验',
      '存在的问题及原因',
      '对策建议',
    ]);
    expect(evaluation[2]!.text).toContain('3家成员单位提交的年度工作报告，2项预警督办事项的办理情况（已反馈1项）');
    expect(evaluation.map((s) => s.text).join('\n')).not.toMatch(/预计|推算|按目前趋势|可望|如期实现/);
  });
});
