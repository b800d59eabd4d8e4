// 经济社会基本情况 for the figures an office enters one by one: each clause alone, a change of 0 said as 持平, a fall
// as 减少/下降, the region's own word (全县, 全旗), the source without its full stop, and the range checks.
import { describe, expect, it } from 'vitest';
import { type ContextYearFigures, checkContextFigures, contextText } from '../../src/core/narrative/context.ts';
import { CHILDREN, report, WOMEN } from './fixtures.ts';

const text = (base: ContextYearFigures, final: ContextYearFigures, source = '统计公报', region = '示范区') =>
  contextText(report({ kind: 'final', region, context: { base, final, source } }));

describe('经济社会基本情况, figure by figure', () => {
  it('speaks of the whole county, banner or city by the region’s last character, and of a 区 otherwise', () => {
    expect(text({ population: 50 }, { population: 50, children: 10 }, '公报.', '某县')).toBe(
      '2025年末，全县常住人口50.0万人，与2020年末持平；0—17岁儿童10.0万人，占20.0%。（数据来源：公报）',
    );
    expect(text({}, { female: 20, children: 10 }, '', '某旗')).toBe(
      '2025年末，全旗常住人口中女性20.0万人；0—17岁儿童10.0万人。（待补充：数据来源，如统计公报。）',
    );
    expect(text({ children: 10.04 }, { children: 10 }, ' ', '某市')).toBe(
      '2025年末，全市0—17岁儿童10.0万人，与2020年末持平。（待补充：数据来源，如统计公报。）',
    );
    expect(text({ children: 11 }, { children: 10 }, '统计公报。', '示范新城')).toBe(
      '2025年末，全区0—17岁儿童10.0万人，比2020年末减少1.0万人。（数据来源：统计公报）',
    );
  });

  it('says a population that fell as 减少 and one within the precision as 持平', () => {
    expect(text({ population: 50.04 }, { population: 50 })).toBe(
      '2025年末，全区常住人口50.0万人，与2020年末持平。（数据来源：统计公报）',
    );
    expect(text({ population: 51 }, { population: 50, female: 25 })).toBe(
      '2025年末，全区常住人口50.0万人，比2020年末减少1.0万人，其中女性25.0万人，占50.0%。（数据来源：统计公报）',
    );
  });

  it('gives the economy’s growth, a fall, 持平, and the share of 民生支出 with or without the budget', () => {
    expect(text({ gdp: 100 }, { gdp: 100.04 })).toBe(
      '2025年全区地区生产总值100.0亿元，按现价计算与2020年持平。（数据来源：统计公报）',
    );
    expect(text({ gdp: 100, budget: 10 }, { gdp: 90, budget: 10 })).toBe(
      '2025年全区地区生产总值90.0亿元，按现价计算比2020年下降10.0%；一般公共预算支出10.0亿元，与2020年持平。（数据来源：统计公报）',
    );
    expect(text({ livelihoodShare: 70 }, { livelihoodShare: 70.04 })).toBe(
      '2025年全区一般公共预算支出中民生支出占70.0%，与2020年持平。（数据来源：统计公报）',
    );
    expect(text({ livelihoodShare: 70 }, { livelihoodShare: 68, budget: 10 })).toBe(
      '2025年全区一般公共预算支出10.0亿元，其中民生支出占68.0%，比2020年下降2.0个百分点。（数据来源：统计公报）',
    );
    expect(text({}, { livelihoodShare: 68 })).toBe(
      '2025年全区一般公共预算支出中民生支出占68.0%。（数据来源：统计公报）',
    );
  });

  it('compares the incomes with the base year where it is there, each in its own words', () => {
    expect(text({ urbanIncome: 100, ruralIncome: 100 }, { urbanIncome: 110, ruralIncome: 90 })).toBe(
      '2025年，全区城镇、农村居民人均可支配收入分别为110元和90元，比2020年分别增长10.0%和下降10.0%。（数据来源：统计公报）',
    );
    expect(text({ ruralIncome: 100 }, { urbanIncome: 100, ruralIncome: 110 })).toBe(
      '2025年，全区城镇、农村居民人均可支配收入分别为100元和110元，其中农村居民比2020年增长10.0%。（数据来源：统计公报）',
    );
    expect(text({ ruralIncome: 100 }, { urbanIncome: 100 })).toBe(
      '2025年，全区城镇居民人均可支配收入100元。（数据来源：统计公报）',
    );
    // After a sentence that named the year, the income sentence does not name it again.
    expect(text({}, { population: 10, ruralIncome: 100 })).toBe(
      '2025年末，全区常住人口10.0万人。农村居民人均可支配收入100元。（数据来源：统计公报）',
    );
    expect(text({}, { gdp: 10, urbanIncome: 100 })).toBe(
      '2025年全区地区生产总值10.0亿元。城镇居民人均可支配收入100元。（数据来源：统计公报）',
    );
    expect(text({ population: null }, { population: null, gdp: 5 })).toBe(
      '2025年全区地区生产总值5.0亿元。（数据来源：统计公报）',
    );
  });

  it('asks for the figures from the earliest base year of the plans, or for the final year’s when only the base is there', () => {
    expect(contextText(report({ kind: 'final', plans: [{ ...WOMEN, baseYear: 2021 }, CHILDREN] }))).toBe(
      '（待补充：2021—2025年示范区经济社会发展基本情况。请在“报告”页的“经济社会基本情况数据”卡片中填写2020年和2025年的常住人口（其中女性、0—17岁儿童）、地区生产总值、一般公共预算支出及民生支出占比、城镇和农村居民人均可支配收入，并注明数据来源（如统计公报），再次打开本草稿即按所填数据生成本段。）',
    );
    expect(
      contextText(report({ kind: 'final', context: { base: { gdp: 1 }, final: { gdp: null }, source: '' } })),
    ).toBe(
      '（待补充：2025年示范区经济社会发展基本情况。已填写2020年的数据，请在“报告”页的“经济社会基本情况数据”卡片中填写2025年的数据。）',
    );
  });
});

describe('the checks of the entered figures', () => {
  const years = { baseYear: 2020, finalYear: 2025 };

  it('refuses 0, a number that is none, and a figure above its maximum, but accepts the maximum', () => {
    expect(
      checkContextFigures(
        {
          base: { population: 0, female: null, gdp: Number.NaN, livelihoodShare: 100 },
          final: { population: 10, female: 10, children: 10.1, budget: 50001, urbanIncome: 1_000_000 },
          source: '',
        },
        years,
      ),
    ).toEqual([
      { field: 'base.population', message: '2020年常住人口（万人）应大于0且不超过5000' },
      { field: 'base.gdp', message: '2020年地区生产总值（亿元）应大于0且不超过200000' },
      { field: 'final.budget', message: '2025年一般公共预算支出（亿元）应大于0且不超过50000' },
      { field: 'final.children', message: '2025年0—17岁儿童人数（10.1万人）不能多于常住人口（10万人）' },
    ]);
  });

  it('compares the parts with the population of the same year only', () => {
    expect(
      checkContextFigures(
        { base: { children: 3 }, final: { population: 10, female: 11, children: 12 }, source: '' },
        years,
      ),
    ).toEqual([
      { field: 'final.female', message: '2025年女性人数（11万人）不能多于常住人口（10万人）' },
      { field: 'final.children', message: '2025年0—17岁儿童人数（12万人）不能多于常住人口（10万人）' },
    ]);
  });
});
