// 经济社会基本情况: the final evaluation's paragraph from the figures the office entered — only what was entered,
// shares and growth computed at one decimal, the base year compared only where both years are there — and a
// placeholder saying what to enter and where until then.
import { describe, expect, it } from 'vitest';
import {
  type ContextFigures,
  checkContextFigures,
  contextText,
  draftEvaluation,
  KEY,
  type NarrativeInput,
} from '../../src/core/narrative/index.ts';

function input(context?: ContextFigures): NarrativeInput {
  return {
    kind: 'final',
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
    indicators: [],
    byPlan: [],
    byDomain: [],
    supervision: [],
    workReports: [],
    ...(context ? { context } : {}),
  };
}

const FULL: ContextFigures = {
  base: {
    population: 115.1,
    female: 56.5,
    children: 21.2,
    gdp: 1087.6,
    budget: 166.8,
    livelihoodShare: 75.2,
    urbanIncome: 42150,
    ruralIncome: 27460,
  },
  final: {
    population: 115.3,
    female: 57.0,
    children: 21.6,
    gdp: 1268.4,
    budget: 181.5,
    livelihoodShare: 78.6,
    urbanIncome: 52380,
    ruralIncome: 35120,
  },
  source: '武清区统计公报',
};

describe('经济社会基本情况', () => {
  it('writes the population, economy and income sentences with computed shares and growth, and the source', () => {
    expect(contextText(input(FULL))).toBe(
      '2025年末，全区常住人口115.3万人，比2020年末增加0.2万人，其中女性57.0万人，占49.4%；' +
        '0—17岁儿童21.6万人，占18.7%，比2020年末增加0.4万人。' +
        '2025年全区地区生产总值1268.4亿元，按现价计算比2020年增长16.6%；' +
        '一般公共预算支出181.5亿元，比2020年增长8.8%，其中民生支出占78.6%，比2020年提高3.4个百分点。' +
        '城镇、农村居民人均可支配收入分别为52380元和35120元，比2020年分别增长24.3%和27.9%。' +
        '（数据来源：武清区统计公报）',
    );
  });

  it('leaves out a clause whose figure is missing and compares only where the base year is there', () => {
    const text = contextText(
      input({
        base: { urbanIncome: 42150 },
        final: { population: 115.3, female: 57.0, gdp: 1268.4, urbanIncome: 52380, ruralIncome: 35120 },
        source: '武清区统计公报',
      }),
    );
    expect(text).toBe(
      '2025年末，全区常住人口115.3万人，其中女性57.0万人，占49.4%。' +
        '2025年全区地区生产总值1268.4亿元。' +
        '城镇、农村居民人均可支配收入分别为52380元和35120元，其中城镇居民比2020年增长24.3%。' +
        '（数据来源：武清区统计公报）',
    );
    expect(text).not.toContain('0—17岁儿童');
    expect(text).not.toContain('一般公共预算');
  });

  it('names the final year when the incomes are all there is, and says a decline as one', () => {
    expect(contextText(input({ base: { ruralIncome: 36000 }, final: { ruralIncome: 35120 }, source: '' }))).toBe(
      '2025年，全区农村居民人均可支配收入35120元，比2020年下降2.4%。（待补充：数据来源，如统计公报。）',
    );
  });

  it('keeps a placeholder saying what to enter and where until figures are entered', () => {
    for (const context of [undefined, { base: {}, final: {}, source: '武清区统计公报' }]) {
      const text = contextText(input(context));
      expect(text).toMatch(/^（待补充：/);
      expect(text).toContain('“报告”页的“经济社会基本情况数据”卡片');
      expect(text).toContain('2020年和2025年');
    }
    // Base-year figures alone say nothing of the final year.
    expect(contextText(input({ base: { population: 115.1 }, final: {}, source: '' }))).toContain(
      '请在“报告”页的“经济社会基本情况数据”卡片中填写2025年的数据',
    );
  });

  it('is the evaluation report section 经济社会基本情况', () => {
    const section = draftEvaluation(input(FULL)).find((s) => s.key === KEY.context)!;
    expect(section.label).toBe('经济社会基本情况');
    expect(section.text).toBe(contextText(input(FULL)));
  });

  it('refuses out-of-range figures and parts larger than their whole, naming the year and the figure', () => {
    const years = { baseYear: 2020, finalYear: 2025 };
    expect(checkContextFigures(FULL, years)).toEqual([]);
    expect(
      checkContextFigures(
        { base: { livelihoodShare: 120 }, final: { population: 115.3, female: 157, gdp: -1 }, source: '' },
        years,
      ),
    ).toEqual([
      { field: 'base.livelihoodShare', message: '2020年民生支出占比（%）应大于0且不超过100' },
      { field: 'final.gdp', message: '2025年地区生产总值（亿元）应大于0且不超过200000' },
      { field: 'final.female', message: '2025年女性人数（157万人）不能多于常住人口（115.3万人）' },
    ]);
  });
});
