// 对比数据 in the report texts: one plain clause per 天津市 / 全国 figure of the year the district's value is for, in
// the units' words (个百分点 for %, 个千分点 for ‰), and nothing where no figure exists for that year.
import { describe, expect, it } from 'vitest';
import type { Status } from '../../src/core/assessment/index.ts';
import {
  domainText,
  type NarrativeDomain,
  type NarrativeIndicator,
  referenceClause,
  referenceSentence,
} from '../../src/core/narrative/index.ts';
import type { ReferenceFigure } from '../../src/core/reference.ts';

const YEARS = [2020, 2021, 2022, 2023, 2024];

function ind(over: Partial<NarrativeIndicator>, value: number, year = 2024): NarrativeIndicator {
  return {
    code: 'W2-02',
    name: '高中阶段毛入学率',
    unit: '%',
    planId: 'women',
    planTitle: '妇女发展规划',
    domainCode: 'W2',
    domainName: '妇女与教育',
    target: '≥ 98%',
    leadUnit: { name: '区教育局' },
    years: YEARS,
    values: YEARS.map((y) => (y === year ? value : y < year ? value - 1 : null)),
    precision: 1,
    ...over,
    result: {
      status: '已达标' as Status,
      ruleKind: 'threshold',
      met: true,
      year,
      value,
      target: 98,
      comparator: '>=',
      warning: null,
      baseValue: value - 2,
      baseYearUsed: 2020,
    },
  };
}

const fig = (scope: ReferenceFigure['scope'], year: number, value: number): ReferenceFigure => ({
  scope,
  year,
  value,
  source: '《统计监测报告》',
});

describe('reference comparisons in the report texts', () => {
  it('speaks in the unit: 个百分点 for %, 个千分点 for ‰, the unit for rates per 10万, 基本持平 within rounding', () => {
    expect(referenceClause(93.0, fig('national', 2024, 91.8), { unit: '%', precision: 1 })).toBe(
      '高于全国平均水平（91.8%）1.2个百分点',
    );
    expect(referenceClause(2.1, fig('tianjin', 2024, 2.35), { unit: '‰', precision: 2 })).toBe(
      '低于天津市平均水平（2.35‰）0.25个千分点',
    );
    expect(referenceClause(8.2, fig('national', 2024, 14.3), { unit: '/10万', precision: 1 })).toBe(
      '低于全国平均水平（14.3/10万）6.1/10万',
    );
    expect(referenceClause(91.84, fig('national', 2024, 91.8), { unit: '%', precision: 1 })).toBe(
      '与全国平均水平（91.8%）基本持平',
    );
  });

  it('compares the latest value with the figures of its year only, 天津市 before 全国', () => {
    const school = ind(
      { references: [fig('national', 2024, 92.0), fig('tianjin', 2024, 97.5), fig('national', 2023, 91.8)] },
      99.1,
    );
    expect(referenceSentence([school])).toBe(
      '与天津市、全国比较，2024年高中阶段毛入学率（99.1%）高于天津市平均水平（97.5%）1.6个百分点，高于全国平均水平（92.0%）7.1个百分点。',
    );
    // Figures of other years only: nothing is said.
    expect(referenceSentence([ind({ references: [fig('national', 2023, 91.8)] }, 99.1)])).toBe('');
    expect(referenceSentence([ind({}, 99.1)])).toBe('');
  });

  it('adds the sentence to a domain text only where a figure exists for the year', () => {
    const d: NarrativeDomain = {
      group: '1',
      planId: 'women',
      domainCode: 'W2',
      domainName: '妇女与教育',
      total: 2,
      assessed: 2,
      met: 2,
      rate: 1,
      counts: {} as Record<Status, number>,
      directionOnly: 0,
      qualitative: 0,
      noData: 0,
    };
    const plain = domainText(d, [ind({}, 99.1)], 'annual', 2025);
    expect(plain).not.toMatch(/平均水平|比较/);
    const compared = domainText(d, [ind({ references: [fig('national', 2024, 92.0)] }, 99.1)], 'annual', 2025);
    expect(compared.split('\n').at(-1)).toBe(
      '与全国比较，2024年高中阶段毛入学率（99.1%）高于全国平均水平（92.0%）7.1个百分点。',
    );
    expect(compared.replace(/\n[^\n]*$/, '')).toBe(plain);
  });
});
