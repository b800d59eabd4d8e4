// A 天津市 or 全国 figure as the office enters it (src/core/reference.ts): stored at the indicator's published
// decimals, refused in Chinese when the statistic cannot take it, and drawn as one chart line per scope with gaps
// where no figure was recorded. Pure: the same checks the API and the spreadsheet import apply.
import { describe, expect, it } from 'vitest';
import { checkReferenceValue, type ReferenceFigure, referenceSeries } from '../../src/core/reference.ts';

const percent = { unit: '%', precision: 1, limits: [0, 100] as const };

describe('checkReferenceValue', () => {
  it('rounds half up to the indicator’s decimals, as the assessment does', () => {
    expect(checkReferenceValue(91.84, percent)).toEqual({ ok: true, value: 91.8 });
    expect(checkReferenceValue(91.85, percent)).toEqual({ ok: true, value: 91.9 });
    expect(checkReferenceValue(2.345, { unit: '‰', precision: 2, limits: [0, 1000] })).toEqual({
      ok: true,
      value: 2.35,
    });
  });

  it('accepts the natural limits themselves, also when the entered value rounds onto them', () => {
    expect(checkReferenceValue(100, percent)).toEqual({ ok: true, value: 100 });
    expect(checkReferenceValue(100.04, percent)).toEqual({ ok: true, value: 100 });
    expect(checkReferenceValue(0, percent)).toEqual({ ok: true, value: 0 });
  });

  it('refuses a value beyond them, shown at the published decimals', () => {
    expect(checkReferenceValue(100.06, percent)).toEqual({ ok: false, message: '100.1%大于该指标可能的最大值 100%' });
    expect(checkReferenceValue(-0.5, percent)).toEqual({ ok: false, message: '−0.5%小于该指标可能的最小值 0%' });
  });

  it('an open end takes any value; a value that is not a number is refused', () => {
    const perBirths = { unit: '/10万', precision: 1, limits: [0, null] as const };
    expect(checkReferenceValue(123456.78, perBirths)).toEqual({ ok: true, value: 123456.8 });
    const open = { unit: '岁', precision: 1, limits: [null, 120] as const };
    expect(checkReferenceValue(-3, open)).toEqual({ ok: true, value: -3 });
    expect(checkReferenceValue(Number.NaN, percent)).toEqual({ ok: false, message: '应为数字' });
    expect(checkReferenceValue(Number.POSITIVE_INFINITY, perBirths)).toEqual({ ok: false, message: '应为数字' });
  });
});

describe('referenceSeries', () => {
  it('one line per scope, 天津市 first, the figure of each year or a gap', () => {
    const figures: ReferenceFigure[] = [
      { scope: 'national', year: 2022, value: 14.3, source: '全国统计监测报告' },
      { scope: 'tianjin', year: 2021, value: 9.1, source: '天津市统计监测报告' },
      { scope: 'tianjin', year: 2023, value: 8.7, source: '天津市统计监测报告' },
    ];
    expect(referenceSeries([2021, 2022, 2023], figures)).toEqual([
      { name: '天津市', values: [9.1, null, 8.7] },
      { name: '全国', values: [null, 14.3, null] },
    ]);
  });

  it('a figure of 0 is drawn, not left as a gap', () => {
    const figures: ReferenceFigure[] = [{ scope: 'national', year: 2024, value: 0, source: '全国统计监测报告' }];
    expect(referenceSeries([2024], figures)).toEqual([
      { name: '天津市', values: [null] },
      { name: '全国', values: [0] },
    ]);
  });
});
