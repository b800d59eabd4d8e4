// The status reason and the flag messages, sentence by sentence (METHODOLOGY.md §H): what a statistician reads
// beside each status, with the figures to check by hand. One case per branch of statusReason and buildFlags.
import { describe, expect, it } from 'vitest';
import { assessIndicator } from '../../src/core/assessment/index.ts';
import type { AssessmentInput } from '../../src/core/assessment/types.ts';
import { input, series } from './helpers.ts';

type Spec = Pick<AssessmentInput, 'rule' | 'better' | 'series'> & Partial<AssessmentInput>;
const assess = (spec: Spec) => assessIndicator(input(spec));
const reason = (spec: Spec) => assess(spec).statusReason;
const atLeast = (value: number) => ({ kind: 'threshold', comparator: '>=', value }) as const;
const atMost = (value: number) => ({ kind: 'threshold', comparator: '<=', value }) as const;
const upward = { kind: 'direction_only', wording: '逐步提高' } as const;
const downward = { kind: 'direction_only', wording: '逐步下降' } as const;
/** Maternal deaths a year per 5 700 births, from 2020 (a rare-event rate per 10万). */
const deaths = (counts: number[]) =>
  counts.map((numerator, i) => ({ year: 2020 + i, value: null, numerator, denominator: 5700 }));
const rare = { better: 'lower', factor: 100000 } as const;

describe('status reason: no trend to judge', () => {
  it('no data, and one year with the base year missing', () => {
    expect(reason({ better: 'higher', rule: atLeast(70), series: [] })).toBe('2020—2025年无数据。');
    expect(reason({ better: 'higher', rule: atLeast(70), series: series([null, 60]) })).toBe(
      '基期2020年缺数，以2021年（60.0）代替；仅有2021年1年数据（60.0），数据不足，无法判断趋势。',
    );
  });
});

describe('status reason: numeric targets', () => {
  it('预计可达标: schedule not behind, APR ≥ 0.95', () => {
    expect(reason({ better: 'higher', rule: atLeast(70), series: series([60, 62]) })).toBe(
      '2021年为62.0，未达到目标≥70.0；序时进度CS=0.200（应达E=0.200，未落后）；按首末两点趋势（斜率2.0000/年）推算2025年为70.00，APR=1.000≥0.95，预计可达标。',
    );
  });

  it('需加快 (0 < APR < 0.95) and 逆向 (APR ≤ 0)', () => {
    // (64 − 60)/20 = 0.2 of the way at 2/5 of the time; the line 60 → 64 reaches 70 in 2025: APR 10/20.
    expect(reason({ better: 'higher', rule: atLeast(80), series: series([60, null, 64]) })).toBe(
      '2022年为64.0，未达到目标≥80.0；序时进度CS=0.200（应达E=0.400，落后）；按首末两点趋势（斜率2.0000/年）推算2025年为70.00，APR=0.500<0.95，预计达标困难（需加快）。',
    );
    expect(reason({ better: 'lower', rule: atMost(8.5), series: series([10, 10.4, 10.9]) })).toBe(
      '2022年为10.9，未达到目标≤8.5；序时进度CS=−0.600（应达E=0.400，落后）；按首末两点趋势（斜率0.4500/年）推算2025年为12.25，APR=−1.500≤0，预计达标困难（逆向）。',
    );
  });

  it('提前达标, and an annual step met on this year’s path only', () => {
    expect(reason({ better: 'higher', rule: atLeast(70), series: series([60, 65, 70]) })).toBe(
      '2022年为70.0，达到目标≥70.0，提前达标。',
    );
    expect(
      reason({ better: 'lower', rule: { kind: 'annual_step', step: 1 }, series: series([20, 19, 18.5, 17]) }),
    ).toBe('2023年为17.0，达到目标≤17.0（当年路径目标），已达标。');
  });

  it('at the target year: met or not met, never a forecast', () => {
    const run = (last: number) =>
      reason({ better: 'higher', rule: atLeast(70), series: series([60, 62, 64, 66, 68, last]) });
    expect(run(70)).toBe('2025年为70.0，达到目标≥70.0，已到目标年，已达标。');
    expect(run(69)).toBe('2025年为69.0，未达到目标≥70.0，已到目标年，未达标。');
  });

  it('constant-target rule: met at base, 保持类, 关系类; trend falling or not, and the projected miss', () => {
    expect(reason({ better: 'lower', rule: atMost(8.5), series: series([7, 6.8, 6.9, 6.5]) })).toBe(
      '2023年为6.5，达到目标≤8.5（基期已达标，按恒定目标规则），趋势未回落，已达标。',
    );
    const keep = { kind: 'maintain', comparator: '>=', value: 99 } as const;
    expect(reason({ better: 'higher', limits: [0, 100], rule: keep, series: series([99.1, 99.3, 99.5]) })).toBe(
      '2022年为99.5，达到目标≥99.0（保持类目标，按恒定目标规则），趋势未回落，已达标。',
    );
    expect(reason({ better: 'higher', limits: [0, 100], rule: keep, series: series([100, 99.7, 99.4, 99.1]) })).toBe(
      '2023年为99.1，达到目标≥99.0（保持类目标，按恒定目标规则），趋势回落，已达标（有回落风险）；按Theil–Sen趋势（斜率−0.3000/年）推算2025年为98.50，将不满足目标，预计达标困难（逆向）。',
    );
    const relational = { kind: 'relational', comparator: '>=', reference: '女党员比例' } as const;
    const points = [
      { year: 2020, value: 30, reference: 28 },
      { year: 2021, value: 31, reference: 29 },
      { year: 2022, value: 31.5, reference: 30.6 },
    ];
    // For a relational rule the line is the gap value − reference: 2, 2, 0.9 → −0.75 in 2025.
    expect(reason({ better: 'higher', rule: relational, series: points })).toBe(
      '2022年为31.5，达到参照值30.6（关系类目标，按恒定目标规则），趋势回落，已达标（有回落风险）；按首末两点趋势（斜率−0.5500/年）推算2025年为−0.75，将不满足目标，预计达标困难（逆向）。',
    );
  });
});

describe('status reason: direction-only targets', () => {
  it('趋势向好 (Theil–Sen), 末年回落, 方向未达, and a falling target going down', () => {
    expect(reason({ better: 'higher', rule: upward, series: series([50, 52, 55, 57]) })).toBe(
      '2023年为57.0，较上期增加2.0；按Theil–Sen趋势（斜率2.4167/年）推算2025年为61.96，要求提高，趋势向好。',
    );
    expect(reason({ better: 'higher', rule: upward, series: series([50, 52, 55, 54]) })).toBe(
      '2023年为54.0，较上期减少1.0；按Theil–Sen趋势（斜率1.6667/年）推算2025年为58.83，要求提高，趋势向好但末年回落。',
    );
    expect(reason({ better: 'higher', rule: upward, series: series([50, 49, 49, 48]) })).toBe(
      '2023年为48.0，较上期减少1.0；按Theil–Sen趋势（斜率−0.5833/年）推算2025年为46.96，要求提高，预计达标困难（方向未达）。',
    );
    expect(reason({ better: 'lower', rule: downward, series: series([10, 9, 8]) })).toBe(
      '2022年为8.0，较上期减少1.0；按首末两点趋势（斜率−1.0000/年）推算2025年为5.00，要求下降，趋势向好。',
    );
  });

  it('a change that rounds to nothing is 与上期持平, not "增加0.0"', () => {
    expect(reason({ better: 'lower', rule: downward, series: series([8.3, 8.1, 8.02, 8.04]) })).toMatch(
      /^2023年为8\.0，与上期持平；/,
    );
  });

  it('at the natural limit, and a projection clipped to it', () => {
    expect(reason({ better: 'higher', limits: [0, 100], rule: upward, series: series([98, 99, 100]) })).toBe(
      '2022年为100.0，已处于自然极限（100.0），无可再提高，趋势向好。',
    );
    expect(reason({ better: 'higher', limits: [0, 100], rule: upward, series: series([80, 90, 98]) })).toBe(
      '2022年为98.0，较上期增加8.0；按首末两点趋势（斜率9.0000/年）推算2025年为100.00（已截至自然界限），要求提高，趋势向好。',
    );
  });

  it('rare events: pooled halves, the right way, not significant, significant', () => {
    // 2020–21 against 2022–23: 5 and 2 deaths, 2 and 4 (binom.test(4, 6): p = 44/64), 1 and 13.
    expect(reason({ ...rare, rule: downward, series: deaths([3, 2, 1, 1]) })).toBe(
      '事件数少，按前后两段合并率比较：前段43.9，后段17.5，要求下降，方向符合要求，趋势向好。',
    );
    expect(reason({ ...rare, rule: downward, series: deaths([1, 1, 2, 2]) })).toBe(
      '事件数少，按前后两段合并率比较：前段17.5，后段35.1，要求下降，差异无统计学意义（精确条件二项检验 p=0.688），趋势不明显（事件数少）。',
    );
    expect(reason({ ...rare, rule: downward, series: deaths([0, 1, 6, 7]) })).toBe(
      '事件数少，按前后两段合并率比较：前段8.8，后段114.0，要求下降，方向相反且差异有统计学意义（精确条件二项检验 p=0.002<0.05），预计达标困难（方向未达）。',
    );
  });
});

describe('status reason: small numbers judged on the pooled counts', () => {
  it('met, whole interval beyond the target, interval containing it, and at the target year', () => {
    // 1 death in 22 800 births (2021–2024) is 4.4 /10万, exact interval [0.0253, 5.5716] × 10万/22 800.
    expect(reason({ ...rare, rule: atMost(8.5), series: deaths([1, 0, 0, 1, 0]) })).toBe(
      '小数波动按合并计数判断：2021—2024年合并率4.4（1例/22800），95%精确置信区间[0.1, 24.4]，达到目标≤8.5，提前达标。',
    );
    expect(reason({ ...rare, rule: atMost(8.5), series: deaths([3, 4, 3, 5, 4]) })).toBe(
      '小数波动按合并计数判断：2021—2024年合并率70.2（16例/22800），95%精确置信区间[40.1, 114.0]，整个区间均未达到目标≤8.5，预计达标困难（逆向）。',
    );
    expect(reason({ ...rare, rule: atMost(8.5), series: deaths([1, 0, 2, 0, 1]) })).toBe(
      '小数波动按合并计数判断：2021—2024年合并率13.2（3例/22800），95%精确置信区间[2.7, 38.5]，未达到目标≤8.5但区间包含目标值，差异无统计学意义，暂不预警。',
    );
    expect(reason({ ...rare, rule: atMost(8.5), series: deaths([1, 0, 2, 0, 1, 1]) })).toBe(
      '小数波动按合并计数判断：2021—2025年合并率14.0（4例/28500），95%精确置信区间[3.8, 35.9]，未达到目标≤8.5，未达标。',
    );
  });
});

describe('flag messages and the warning', () => {
  const messages = (spec: Spec) => assess(spec).flags.map((f) => [f.kind, f.message]);

  it('jump, band and zigzag, each with its numbers; the warning lists the reason and then the flags', () => {
    const r = assess({ better: 'higher', floor: 1, rule: atLeast(90), series: series([10, 12, 11, 13, 6]) });
    expect(r.flags.map((f) => [f.kind, f.message])).toEqual([
      ['jump', '2024年较上年下降53.8%，超过30%（由13.0变为6.0，变动7.0，不低于下限1.0）'],
      ['band', '2024年数值6.0为前3年均值12.0的0.50倍，超出[0.67, 1.33]'],
      ['zigzag', '5个年份中变动方向反转3次，年均变动幅度3.000大于趋势斜率绝对值0.250的2倍'],
    ]);
    expect(r.warning).toEqual({
      kind: '预计达标困难',
      kinds: ['预计达标困难', '波动较大'],
      reasons: [r.statusReason, ...r.flags.map((f) => f.message)],
    });
  });

  it('a jump from 0 has no percentage', () => {
    expect(messages({ better: 'higher', floor: 1, rule: atLeast(90), series: series([5, 5, 0, 6]) })[0]).toEqual([
      'jump',
      '2023年较上年上升（上年为0），超过30%（由0.0变为6.0，变动6.0，不低于下限1.0）',
    ]);
  });

  it('波动较大 alone when the status is fine', () => {
    const r = assess({ better: 'higher', floor: 1, rule: atLeast(90), series: series([50, 60, 50, 60, 50, 60]) });
    expect(r.warning).toEqual({
      kind: '波动较大',
      kinds: ['波动较大'],
      reasons: ['6个年份中变动方向反转4次，年均变动幅度10.000大于趋势斜率绝对值0.000的2倍'],
    });
  });

  it('annual steps missed, raising and lowering', () => {
    const step = { kind: 'annual_step', step: 1 } as const;
    expect(messages({ better: 'higher', rule: step, series: series([20, 21, 21.5, 23]) })).toEqual([
      ['annual_step_missed', '2022年年度目标未完成：要求每年提高1.0以上'],
    ]);
    expect(messages({ better: 'lower', rule: step, series: series([20, 19, 18.5, 17]) })).toEqual([
      ['annual_step_missed', '2022年年度目标未完成：要求每年降低1.0以上'],
    ]);
  });

  it('small numbers and small sample', () => {
    expect(messages({ ...rare, rule: atMost(8.5), series: deaths([1, 0, 2, 0, 1]) })).toEqual([
      [
        'small_numbers',
        '小数波动：年均仅0.8例，不按逐年率判断波动；2021—2024年合计3例/22800，合并率13.2，95%精确置信区间[2.7, 38.5]',
      ],
    ]);
    const tenChildren = [9, 10, 5].map((numerator, i) => ({ year: 2020 + i, value: null, numerator, denominator: 10 }));
    expect(messages({ better: 'higher', factor: 100, rule: atLeast(90), series: tenChildren })).toEqual([
      ['small_sample', '小样本：2022年分母仅10（不足20），逐年变动不作波动判断'],
    ]);
  });
});

describe('status reason: boundaries and the rarer paths', () => {
  it('an APR of exactly 0 (the projection back at the base) reads ≤0, 逆向', () => {
    expect(reason({ better: 'higher', rule: atLeast(70), series: series([60, 61, 60]) })).toBe(
      '2022年为60.0，未达到目标≥70.0；序时进度CS=0.000（应达E=0.400，落后）；按首末两点趋势（斜率0.0000/年）推算2025年为60.00，APR=0.000≤0，预计达标困难（逆向）。',
    );
  });

  it('an annual step that already reaches the final target is 提前达标, not "the year’s path"', () => {
    // Path 23 in 2023, final target 25: 26 meets both.
    expect(reason({ better: 'higher', rule: { kind: 'annual_step', step: 1 }, series: series([20, 21, 22, 26]) })).toBe(
      '2023年为26.0，达到目标≥23.0，提前达标。',
    );
  });

  it('constant targets not met, and not met at the base: 未达标 and 关系类 are still judged by the constant rule', () => {
    const keep = { kind: 'maintain', comparator: '>=', value: 99 } as const;
    expect(reason({ better: 'higher', limits: [0, 100], rule: keep, series: series([98, 98.4, 98.6]) })).toBe(
      '2022年为98.6，未达到目标≥99.0（保持类目标，按恒定目标规则），趋势未回落，未达标。',
    );
    const relational = { kind: 'relational', comparator: '>=', reference: '女党员比例' } as const;
    const points = [
      { year: 2020, value: 27, reference: 28 },
      { year: 2021, value: 29, reference: 28.5 },
      { year: 2022, value: 30, reference: 29 },
    ];
    expect(reason({ better: 'higher', rule: relational, series: points })).toBe(
      '2022年为30.0，达到参照值29.0（关系类目标，按恒定目标规则），趋势未回落，已达标。',
    );
  });

  it('a flat series is not 趋势回落', () => {
    expect(reason({ better: 'higher', rule: atLeast(70), series: series([75, 75, 75]) })).toBe(
      '2022年为75.0，达到目标≥70.0（基期已达标，按恒定目标规则），趋势未回落，已达标。',
    );
  });

  it('a relational target’s trend follows its comparator: a gap growing towards a ≤ reference is 趋势回落', () => {
    const atMostRef = (comparator: '<=' | '>', better: 'higher' | 'lower', values: number[]) =>
      reason({
        better,
        rule: { kind: 'relational', comparator, reference: '参照值' },
        series: values.map((value, i) => ({ year: 2020 + i, value, reference: 12 })),
      });
    expect(atMostRef('<=', 'lower', [10, 10.5, 11])).toBe(
      '2022年为11.0，达到参照值12.0（关系类目标，按恒定目标规则），趋势回落，已达标（有回落风险）；按首末两点趋势（斜率0.5000/年）推算2025年为0.50，将不满足目标，预计达标困难（逆向）。',
    );
    expect(atMostRef('<=', 'lower', [11, 10.5, 10])).toBe(
      '2022年为10.0，达到参照值12.0（关系类目标，按恒定目标规则），趋势未回落，已达标。',
    );
    // Even when `better` says otherwise, "高于参照值" falling towards it is a fall: the text agrees with the status.
    expect(atMostRef('>', 'lower', [14, 13.5, 13])).toBe(
      '2022年为13.0，达到参照值12.0（关系类目标，按恒定目标规则），趋势回落，已达标（有回落风险）；按首末两点趋势（斜率−0.5000/年）推算2025年为−0.50，将不满足目标，预计达标困难（逆向）。',
    );
  });

  it('a lower-is-better direction at its natural limit 0', () => {
    expect(reason({ better: 'lower', rule: downward, series: series([2, 1, 0]) })).toBe(
      '2022年为0.0，已处于自然极限（0.0），无可再下降，趋势向好。',
    );
  });

  it('rare-event rates under an annual step or a relational target are judged year by year, not pooled', () => {
    // 3, 2, 2, 1 deaths per 10 000 births: 30, 20, 20, 10 /10万 (the 小数波动 flag is still raised).
    const perTenThousand = (counts: number[], reference?: number) =>
      counts.map((numerator, i) => ({ year: 2020 + i, value: null, numerator, denominator: 10000, reference }));
    const step = { ...rare, rule: { kind: 'annual_step', step: 1 } } as const;
    expect(reason({ ...step, series: perTenThousand([3, 2, 2, 1]) })).toBe('2023年为10.0，达到目标≤27.0，提前达标。');
    expect(reason({ ...step, series: perTenThousand([3, 2, 2, 1, 1, 1]) })).toBe(
      '2025年为10.0，达到目标≤25.0，已到目标年，已达标。',
    );
    const relational = {
      ...rare,
      rule: { kind: 'relational', comparator: '<=', reference: '全市孕产妇死亡率' },
    } as const;
    const r = assess({ ...relational, series: perTenThousand([1, 1, 0, 1], 20) });
    expect(r.flags.map((f) => f.kind)).toEqual(['small_numbers']);
    expect(r.statusReason).toBe('2023年为10.0，达到参照值20.0（关系类目标，按恒定目标规则），趋势未回落，已达标。');
    expect(reason({ ...relational, series: perTenThousand([1, 1, 0, 1, 0, 1], 20) })).toBe(
      '2025年为10.0，达到参照值20.0，已到目标年，已达标。',
    );
  });
});

describe('flags: the figures behind each message, and which of them make the 波动较大 warning', () => {
  it('a band over the two years before, with the numbers of the jump and the band', () => {
    const r = assess({ better: 'higher', floor: 1, rule: atLeast(90), series: series([10, 10, 20]) });
    expect(r.flags).toEqual([
      {
        kind: 'jump',
        year: 2022,
        message: '2022年较上年上升100.0%，超过30%（由10.0变为20.0，变动10.0，不低于下限1.0）',
        numbers: { previous: 10, value: 20, change: 10, ratio: 1, floor: 1 },
      },
      {
        kind: 'band',
        year: 2022,
        message: '2022年数值20.0为前2年均值10.0的2.00倍，超出[0.67, 1.33]',
        numbers: { value: 20, mean: 10, ratio: 2, floor: 1 },
      },
    ]);
  });

  it('a missed annual step is no 波动较大 reason; its flag carries the step', () => {
    const r = assess({ better: 'higher', rule: { kind: 'annual_step', step: 1 }, series: series([20, 21, 21.5, 30]) });
    expect(r.flags.map((f) => f.kind)).toEqual(['jump', 'band', 'annual_step_missed']);
    expect(r.flags[2]).toEqual({
      kind: 'annual_step_missed',
      year: 2022,
      message: '2022年年度目标未完成：要求每年提高1.0以上',
      numbers: { step: 1 },
    });
    expect(r.warning).toEqual({
      kind: '波动较大',
      kinds: ['波动较大'],
      reasons: [r.flags[0]?.message, r.flags[1]?.message],
    });
  });

  it('小样本 carries its denominator', () => {
    const tenChildren = [9, 10, 5].map((numerator, i) => ({ year: 2020 + i, value: null, numerator, denominator: 10 }));
    expect(assess({ better: 'higher', factor: 100, rule: atLeast(90), series: tenChildren }).flags).toEqual([
      expect.objectContaining({ kind: 'small_sample', numbers: { denominator: 10 } }),
    ]);
  });
});
