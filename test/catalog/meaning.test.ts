// Slips of meaning that pass every check of form but would mis-assess an indicator for five years are refused,
// each with a message that says what to change (issue 13): the wrong number of a 分别 list, "<" for 以下, % on a
// ‰ rate, factor 100000 on a ‰ rate, threshold for 保持在…以上, a whole goal as the quote.

import { describe, expect, it } from 'vitest';
import { type CatalogProblem, validateCatalog } from '../../src/core/catalog/index.ts';

const goals = [
  '新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下。',
  '孕产妇死亡率控制在8.5/10万以下，流动人口孕产妇死亡率得到有效控制。',
  '九年义务教育巩固率保持在99%以上。',
  '3岁以下儿童系统管理率高于90%。',
];

type Edit = Record<string, unknown>;

const base = (code: string, name: string, unit: string, number: number, quote: string, rule: Edit): Edit => ({
  code,
  name,
  unit,
  better: (rule.comparator as string | undefined)?.startsWith('<') ? 'lower' : 'higher',
  rule,
  source: { kind: 'goal', number },
  quote,
  disaggregations: [],
  precision: 2,
  limits: [0, null],
  floor: 1,
});

function indicators(): Edit[] {
  return [
    {
      ...base('C1-01', '新生儿死亡率', '‰', 1, '新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下', {
        kind: 'threshold',
        comparator: '<=',
        value: 3,
      }),
      counts: { numerator: '新生儿死亡数', denominator: '活产数', factor: 1000 },
    },
    base('C1-02', '婴儿死亡率', '‰', 1, '新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下', {
      kind: 'threshold',
      comparator: '<=',
      value: 5,
    }),
    base('C1-03', '孕产妇死亡率', '/10万', 2, '孕产妇死亡率控制在8.5/10万以下', {
      kind: 'threshold',
      comparator: '<=',
      value: 8.5,
    }),
    base('C1-04', '九年义务教育巩固率', '%', 3, '九年义务教育巩固率保持在99%以上', {
      kind: 'maintain',
      comparator: '>=',
      value: 99,
    }),
    base('C1-05', '3岁以下儿童系统管理率', '%', 4, '3岁以下儿童系统管理率高于90%', {
      kind: 'threshold',
      comparator: '>',
      value: 90,
    }),
  ];
}

/** Validate a one-plan folder whose indicators are those above, the one at `index` edited. */
function problemsWith(index: number, edit: Edit): CatalogProblem[] {
  const list = indicators();
  list[index] = { ...list[index], ...edit };
  const plan = {
    id: 'demo-children-2026-2030',
    title: '示范区儿童发展规划',
    shortTitle: '儿童发展规划',
    issuer: '示范区人民政府',
    issuedOn: '2026-06-30',
    cycle: { start: 2026, end: 2030 },
    baseYear: 2025,
    sections: [],
    domains: [
      {
        code: 'C1',
        name: '儿童与健康',
        goals: goals.map((text, i) => ({ number: i + 1, text })),
        measures: [],
        indicators: list,
      },
    ],
  };
  const folder = {
    id: 'demo-2026-2030',
    name: '示范区',
    region: '示范区',
    cycle: { start: 2026, end: 2030, baseYear: 2025 },
    plans: ['children.yaml'],
  };
  const result = validateCatalog({
    folder: { file: 'folder.yaml', data: folder },
    plans: [{ file: 'children.yaml', data: plan }],
  });
  return result.ok ? [] : result.problems;
}

describe('meaning slips are refused with the fix', () => {
  it('accepts the faithful reading', () => {
    expect(problemsWith(0, {})).toEqual([]);
  });

  it('a 分别 list: the value must be the number in the indicator’s position', () => {
    const problems = problemsWith(1, { rule: { kind: 'threshold', comparator: '<=', value: 3 } });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('domains[0].indicators[1].rule.value');
    expect(problems[0]?.message).toContain('“婴儿死亡率”是第 2 个，目标值应为 5.0');
  });

  it('"<" for 以下 is wrong: 以下 includes the number', () => {
    const problems = problemsWith(2, { rule: { kind: 'threshold', comparator: '<', value: 8.5 } });
    expect(problems.map((p) => p.path)).toEqual(['domains[0].indicators[2].rule.comparator']);
    expect(problems[0]?.message).toContain('“以下”表示不高于（含本数），比较符应写 "<="');
  });

  it('">=" for 高于 is wrong too', () => {
    const problems = problemsWith(4, { rule: { kind: 'threshold', comparator: '>=', value: 90 } });
    expect(problems[0]?.message).toContain('比较符应写 ">"');
  });

  it('"%" on a ‰ rate', () => {
    const problems = problemsWith(1, { unit: '%' });
    expect(problems.map((p) => p.path)).toEqual(['domains[0].indicators[1].unit']);
    expect(problems[0]?.message).toContain('请把 unit 改为 "‰"');
  });

  it('factor 100000 on a ‰ rate', () => {
    const problems = problemsWith(0, {
      counts: { numerator: '新生儿死亡数', denominator: '活产数', factor: 100000 },
    });
    expect(problems.map((p) => p.path)).toEqual(['domains[0].indicators[0].counts.factor']);
    expect(problems[0]?.message).toContain('倍数应为 1000');
  });

  it('threshold for 保持在…以上', () => {
    const problems = problemsWith(3, { rule: { kind: 'threshold', comparator: '>=', value: 99 } });
    expect(problems.map((p) => p.path)).toEqual(['domains[0].indicators[3].rule.kind']);
    expect(problems[0]?.message).toContain('请写 kind: maintain');
  });

  it('a whole goal as the quote', () => {
    const problems = problemsWith(2, { quote: goals[1] });
    expect(problems.map((p) => p.path)).toEqual(['domains[0].indicators[2].quote']);
    expect(problems[0]?.message).toContain('如“孕产妇死亡率控制在8.5/10万以下”');
  });

  it('a goal that is one clause may be quoted whole', () => {
    expect(problemsWith(3, { quote: '九年义务教育巩固率保持在99%以上' })).toEqual([]);
  });
});
