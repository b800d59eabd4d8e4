// The checks of a plan folder beyond its shape (src/core/catalog/validate.ts), each on the smallest folder that
// trips it: the editor of a plan file is told which file, which path and what to change, in Chinese, and a folder
// with any problem yields no catalog. Pure: the folder is built in memory, as the loader would hand it over.

import { describe, expect, it } from 'vitest';
import {
  type CatalogProblem,
  formatPath,
  formatProblems,
  parsePath,
  validateCatalog,
} from '../../src/core/catalog/index.ts';

type Data = Record<string, unknown>;

function indicator(code: string, extra: Data = {}): Data {
  return {
    code,
    name: '孕产妇死亡率',
    unit: '/10万',
    better: 'lower',
    rule: { kind: 'threshold', comparator: '<=', value: 7.5 },
    source: { kind: 'goal', number: 1 },
    quote: '孕产妇死亡率控制在7.5/10万以下',
    disaggregations: [],
    precision: 1,
    limits: [0, null],
    floor: 1,
    ...extra,
  };
}

function domain(code: string, extra: Data = {}): Data {
  return {
    code,
    name: '妇女与健康',
    goals: [
      { number: 1, text: '孕产妇死亡率控制在7.5/10万以下。' },
      { number: 2, text: '宫颈癌和乳腺癌筛查率达到80%以上。' },
    ],
    measures: [{ number: 1, title: '改善农村卫生条件', text: '改善农村卫生条件。实现农村无害化卫生厕所全覆盖。' }],
    indicators: [indicator(`${code}-01`)],
    ...extra,
  };
}

function plan(id: string, extra: Data = {}): Data {
  return {
    id,
    title: '示范区妇女发展规划',
    shortTitle: '妇女发展规划',
    issuer: '示范区人民政府',
    issuedOn: '2026-06-30',
    cycle: { start: 2026, end: 2030 },
    baseYear: 2025,
    sections: [],
    domains: [domain('W1')],
    ...extra,
  };
}

function folder(extra: Data = {}): Data {
  return {
    id: 'demo-2026-2030',
    name: '示范区',
    region: '示范区',
    cycle: { start: 2026, end: 2030, baseYear: 2025 },
    plans: ['women.yaml'],
    ...extra,
  };
}

/** The problems of a folder; plans given as [file, data]. */
function problemsOf(folderData: Data, plans: [string, unknown][]): CatalogProblem[] {
  const result = validateCatalog({
    folder: { file: 'folder.yaml', data: folderData },
    plans: plans.map(([file, data]) => ({ file, data })),
  });
  return result.ok ? [] : result.problems;
}

/** The problems of the one-plan folder with the first indicator of W1 edited. */
function indicatorProblems(extra: Data): CatalogProblem[] {
  return problemsOf(folder(), [
    ['women.yaml', plan('women', { domains: [domain('W1', { indicators: [indicator('W1-01', extra)] })] })],
  ]);
}

const lines = (problems: CatalogProblem[]) => problems.map((p) => `${p.file} ${p.path}：${p.message}`);

describe('a valid folder', () => {
  it('yields its plans in the order folder.yaml lists them, with no problem', () => {
    const result = validateCatalog({
      folder: { file: 'folder.yaml', data: folder({ plans: ['women.yaml', 'children.yaml'] }) },
      plans: [
        { file: 'children.yaml', data: plan('children', { domains: [domain('C1')] }) },
        { file: 'women.yaml', data: plan('women') },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.catalog.plans.map((p) => p.id)).toEqual(['women', 'children']);
    expect(result.catalog.folder.cycle).toEqual({ start: 2026, end: 2030, baseYear: 2025 });
  });

  it('a folder.yaml that does not parse yields no catalog even when the plans are fine', () => {
    const problems = problemsOf(folder({ plans: [] }), [['women.yaml', plan('women')]]);
    expect(lines(problems)).toEqual([
      'folder.yaml plans：“plans”（规划文件列表）至少需要 1 项。 在 plans 下逐行列出规划文件名，如 women.yaml。',
    ]);
  });
});

describe('folder.yaml', () => {
  it('a plan file listed twice, or listed and not provided', () => {
    const problems = problemsOf(folder({ plans: ['women.yaml', 'women.yaml', 'men.yaml'] }), [
      ['women.yaml', plan('women')],
    ]);
    expect(lines(problems)).toEqual([
      'folder.yaml plans[1]：规划文件 women.yaml 重复列出，请删去重复的一行。',
      'folder.yaml plans[2]：未提供规划文件 men.yaml。',
    ]);
  });

  it('a cycle that ends before it starts; one that ends where it starts is a one-year cycle', () => {
    const backwards = problemsOf(folder({ cycle: { start: 2026, end: 2025, baseYear: 2024 } }), [
      ['women.yaml', plan('women', { cycle: { start: 2026, end: 2025 }, baseYear: 2024 })],
    ]);
    expect(lines(backwards)).toEqual(['folder.yaml cycle.end：规划周期的终止年早于起始年，请检查 start 和 end。']);
    const oneYear = problemsOf(folder({ cycle: { start: 2026, end: 2026, baseYear: 2025 } }), [
      ['women.yaml', plan('women', { cycle: { start: 2026, end: 2026 } })],
    ]);
    expect(oneYear).toEqual([]);
  });

  it('predecessor: not the folder itself, and required when an indicator names its predecessor', () => {
    expect(lines(problemsOf(folder({ predecessor: 'demo-2026-2030' }), [['women.yaml', plan('women')]]))).toEqual([
      'folder.yaml predecessor：上一周期（predecessor）不能写本目录自己的 id：请写上一周期规划目录的 id，如 wuqing-2021-2025。',
    ]);
    const withLineage = plan('women', {
      domains: [domain('W1', { indicators: [indicator('W1-01', { predecessor: 'W1-07' })] })],
    });
    expect(lines(problemsOf(folder(), [['women.yaml', withLineage]]))).toEqual([
      'women.yaml domains[0].indicators[0].predecessor：W1-01 写了上一周期的指标 W1-07，但 folder.yaml 没有写上一周期：请在 folder.yaml 加 predecessor（上一周期规划目录的 id），或删去 predecessor。',
    ]);
    expect(problemsOf(folder({ predecessor: 'demo-2021-2025' }), [['women.yaml', withLineage]])).toEqual([]);
  });

  it('predecessor: one previous indicator is continued by one indicator only', () => {
    const twice = plan('women', {
      domains: [
        domain('W1', {
          indicators: [
            indicator('W1-01', { predecessor: 'W1-07' }),
            indicator('W1-02', { predecessor: 'W1-08' }),
            indicator('W1-03', { predecessor: 'W1-07' }),
          ],
        }),
      ],
    });
    expect(lines(problemsOf(folder({ predecessor: 'demo-2021-2025' }), [['women.yaml', twice]]))).toEqual([
      'women.yaml domains[0].indicators[2].predecessor：W1-03 与 W1-01 都写了上一周期的指标 W1-07：一个上一周期指标只能由一个指标延续，请改正其中一个。',
    ]);
  });
});

describe('a plan file', () => {
  it('its cycle must be the folder’s, and its base year before the cycle', () => {
    const problems = problemsOf(folder(), [
      ['women.yaml', plan('women', { cycle: { start: 2026, end: 2035 }, baseYear: 2026 })],
    ]);
    expect(lines(problems)).toEqual([
      'women.yaml cycle：规划周期 2026–2035 与 folder.yaml 的周期 2026–2030 不一致，请改成一致。',
      'women.yaml baseYear：基期年 2026 应早于规划起始年 2026（十四五规划的基期是 2020 年）。',
    ]);
    const otherStart = problemsOf(folder(), [['women.yaml', plan('women', { cycle: { start: 2027, end: 2030 } })]]);
    expect(otherStart.map((p) => p.path)).toEqual(['cycle']);
  });

  it('a domain code used twice in one file points at the first use', () => {
    const problems = problemsOf(folder(), [
      ['women.yaml', plan('women', { domains: [domain('W1'), domain('W2'), domain('W1', { indicators: [] })] })],
    ]);
    expect(lines(problems)).toEqual([
      'women.yaml domains[2].code：领域编号 W1 与 domains[0] 重复，请改用未用过的编号。',
    ]);
  });

  it('a goal or measure text that starts with its number, and a title that is not the first sentence', () => {
    const problems = problemsOf(folder(), [
      [
        'women.yaml',
        plan('women', {
          domains: [
            domain('W1', {
              goals: [
                { number: 1, text: '孕产妇死亡率控制在7.5/10万以下。' },
                { number: 2, text: '2．宫颈癌和乳腺癌筛查率达到80%以上。' },
              ],
              measures: [{ number: 1, title: '改善卫生条件', text: '1、改善农村卫生条件。实现全覆盖。' }],
            }),
          ],
        }),
      ],
    ]);
    expect(lines(problems)).toEqual([
      'women.yaml domains[0].goals[1].text：正文不应以序号开头（如“1．”），序号写在 number 字段里，请删去。',
      'women.yaml domains[0].measures[0].text：正文不应以序号开头（如“1．”），序号写在 number 字段里，请删去。',
      'women.yaml domains[0].measures[0].title：标题应是正文的第一句（不含句号）：“1、改善农村卫生条件”。',
    ]);
  });

  it('goal and measure numbers run from 1 without gaps', () => {
    const problems = problemsOf(folder(), [
      [
        'women.yaml',
        plan('women', {
          domains: [
            domain('W1', {
              goals: [
                { number: 1, text: '孕产妇死亡率控制在7.5/10万以下。' },
                { number: 3, text: '宫颈癌和乳腺癌筛查率达到80%以上。' },
              ],
              measures: [{ number: 2, title: '改善农村卫生条件', text: '改善农村卫生条件。' }],
            }),
          ],
        }),
      ],
    ]);
    expect(lines(problems)).toEqual([
      'women.yaml domains[0].goals[1].number：“妇女与健康”的主要目标的序号应从 1 起连续编号：第 2 条的序号是 3，应为 2。',
      'women.yaml domains[0].measures[0].number：“妇女与健康”的策略措施的序号应从 1 起连续编号：第 1 条的序号是 2，应为 1。',
    ]);
  });
});

describe('an indicator', () => {
  it('its code starts with its domain’s code and a hyphen', () => {
    expect(lines(indicatorProblems({ code: 'W11-01' }))).toEqual([
      'women.yaml domains[0].indicators[0].code：指标编号 W11-01 应以所在领域编号开头，写成 W1-NN。',
    ]);
  });

  it('its source must exist: the message counts the goals or measures there are', () => {
    expect(lines(indicatorProblems({ source: { kind: 'goal', number: 3 } }))).toEqual([
      'women.yaml domains[0].indicators[0].source.number：“妇女与健康”没有第 3 条主要目标（共 2 条），请改成原文所在条目的序号。',
    ]);
    expect(indicatorProblems({ source: { kind: 'measure', number: 2 } }).map((p) => p.message)).toEqual([
      '“妇女与健康”没有第 2 条策略措施（共 1 条），请改成原文所在条目的序号。',
    ]);
  });

  it('a quote from the measure it cites; 全覆盖 states 100%, and only 100%', () => {
    const toilets = {
      name: '农村无害化卫生厕所普及率',
      unit: '%',
      better: 'higher',
      source: { kind: 'measure', number: 1 },
      quote: '实现农村无害化卫生厕所全覆盖',
    };
    expect(indicatorProblems({ ...toilets, rule: { kind: 'threshold', comparator: '>=', value: 100 } })).toEqual([]);
    expect(lines(indicatorProblems({ ...toilets, rule: { kind: 'threshold', comparator: '>=', value: 95 } }))).toEqual([
      'women.yaml domains[0].indicators[0].rule.value：目标规则中的数字 95 没有出现在原文“实现农村无害化卫生厕所全覆盖”中：请核对数字，或让原文包含写明该数字的句子。',
    ]);
    // 100 个 is a count, not a coverage.
    expect(
      indicatorProblems({ ...toilets, unit: '个', rule: { kind: 'threshold', comparator: '>=', value: 100 } }).map(
        (p) => p.path,
      ),
    ).toEqual(['domains[0].indicators[0].rule.value']);
  });

  it('every number of the rule must be in the quote: percent and base year of a relative target, the step', () => {
    // The 10 of the unit /10万 is not a 10 the plan states.
    const relative = indicatorProblems({
      rule: { kind: 'relative_to_base', percent: 10, baseYear: 2020 },
      source: { kind: 'goal', number: 1 },
    });
    expect(relative.map((p) => p.path)).toEqual([
      'domains[0].indicators[0].rule.percent',
      'domains[0].indicators[0].rule.baseYear',
    ]);
    const step = indicatorProblems({ rule: { kind: 'annual_step', step: 7.5 } });
    expect(step).toEqual([]);
    const wrongStep = indicatorProblems({ rule: { kind: 'annual_step', step: 2 } });
    expect(wrongStep.map((p) => p.path)).toEqual(['domains[0].indicators[0].rule.step']);
    const perBody = indicatorProblems({ rule: { kind: 'count_per_body', value: 3, body: '每个村' } });
    expect(perBody.map((p) => p.path)).toEqual(['domains[0].indicators[0].rule.value']);
  });

  it('a threshold that points against the direction is refused, whichever way', () => {
    // The wording 以下 agrees with <=; the direction does not.
    expect(lines(indicatorProblems({ better: 'higher' }))).toEqual([
      'women.yaml domains[0].indicators[0].rule.comparator：比较符 <= 与方向 better: higher 矛盾：越高越好的指标应写 >= 或 >，请核对原文措辞。',
    ]);
    const screening = {
      name: '宫颈癌和乳腺癌筛查率',
      unit: '%',
      source: { kind: 'goal', number: 2 },
      quote: '宫颈癌和乳腺癌筛查率达到80%以上',
    };
    expect(
      indicatorProblems({ ...screening, better: 'higher', rule: { kind: 'threshold', comparator: '>=', value: 80 } }),
    ).toEqual([]);
    expect(
      indicatorProblems({
        ...screening,
        better: 'lower',
        rule: { kind: 'threshold', comparator: '>=', value: 80 },
      }).map((p) => p.message),
    ).toEqual(['比较符 >= 与方向 better: lower 矛盾：越低越好的指标应写 <= 或 <，请核对原文措辞。']);
    // 保持 with the direction against it is refused the same way.
    const held = { ...screening, quote: '宫颈癌和乳腺癌筛查率保持在80%以上' };
    const goals = [
      { number: 1, text: '孕产妇死亡率控制在7.5/10万以下。' },
      { number: 2, text: '宫颈癌和乳腺癌筛查率保持在80%以上。' },
    ];
    const maintain = (extra: Data) =>
      problemsOf(folder(), [
        [
          'women.yaml',
          plan('women', {
            domains: [domain('W1', { goals, indicators: [indicator('W1-01', { ...held, ...extra })] })],
          }),
        ],
      ]);
    expect(maintain({ better: 'higher', rule: { kind: 'maintain', comparator: '>=', value: 80 } })).toEqual([]);
    expect(lines(maintain({ better: 'lower', rule: { kind: 'maintain', comparator: '>=', value: 80 } }))).toEqual([
      'women.yaml domains[0].indicators[0].rule.comparator：比较符 >= 与方向 better: lower 矛盾：越低越好的指标应写 <= 或 <，请核对原文措辞。',
    ]);
  });

  it('maintain where the quote does not say 保持', () => {
    const screening = {
      name: '宫颈癌和乳腺癌筛查率',
      unit: '%',
      better: 'higher',
      source: { kind: 'goal', number: 2 },
      quote: '宫颈癌和乳腺癌筛查率达到80%以上',
      rule: { kind: 'maintain', comparator: '>=', value: 80 },
    };
    expect(lines(indicatorProblems(screening))).toEqual([
      'women.yaml domains[0].indicators[0].rule.kind：原文“宫颈癌和乳腺癌筛查率达到80%以上”没有“保持”的措辞：到期达到的目标请写 kind: threshold；若确应每年保持，请让原文包含“保持”一句。',
    ]);
  });

  it('a whole item as the quote of a direction-only or relational target: the clause with its wording or reference', () => {
    const whole = (text: string, extra: Data) =>
      problemsOf(folder(), [
        [
          'women.yaml',
          plan('women', {
            domains: [
              domain('W1', {
                goals: [{ number: 1, text }],
                indicators: [
                  indicator('W1-01', { unit: '%', better: 'higher', quote: text.replace(/。$/, ''), ...extra }),
                ],
              }),
            ],
          }),
        ],
      ]).map((p) => p.message);
    expect(
      whole('逐步提高女干部比例，各级领导班子配备女干部。', { rule: { kind: 'direction_only', wording: '逐步提高' } }),
    ).toEqual([
      '原文引用了主要目标第 1 条的全文。请只保留设定本指标目标的那一句，如“逐步提高女干部比例”，以便核对数字和措辞。',
    ]);
    expect(
      whole('女性就业人员比例不低于男性就业人员比例，就业环境持续改善。', {
        rule: { kind: 'relational', comparator: '>=', reference: '男性就业人员比例' },
      }),
    ).toEqual([
      '原文引用了主要目标第 1 条的全文。请只保留设定本指标目标的那一句，如“女性就业人员比例不低于男性就业人员比例”，以便核对数字和措辞。',
    ]);
    // A reference written as a code is not a word of the plan: nothing to look for in the clauses.
    expect(
      whole('女性就业人员比例不低于W1-02，就业环境持续改善。', {
        rule: { kind: 'relational', comparator: '>=', reference: 'W1-02' },
      }),
    ).toEqual(['对照指标 W1-02 不存在：请写本目录中已有的指标编号，或直接写对照量的名称（如“女职工比例”）。']);
  });

  it('a number with two decimals is read whole: 2.35 is stated by “2.35‰”, 2.3 is not', () => {
    const rate = (value: number) =>
      problemsOf(folder(), [
        [
          'women.yaml',
          plan('women', {
            domains: [
              domain('W1', {
                goals: [{ number: 1, text: '婴儿死亡率控制在2.35‰以下。' }],
                indicators: [
                  indicator('W1-01', {
                    name: '婴儿死亡率',
                    unit: '‰',
                    precision: 2,
                    quote: '婴儿死亡率控制在2.35‰以下',
                    rule: { kind: 'threshold', comparator: '<=', value },
                  }),
                ],
              }),
            ],
          }),
        ],
      ]).map((p) => p.path);
    expect(rate(2.35)).toEqual([]);
    expect(rate(2.3)).toEqual(['domains[0].indicators[0].rule.value']);
  });

  it('100 % needs 100 or 全覆盖 in the quote', () => {
    expect(
      indicatorProblems({
        name: '宫颈癌和乳腺癌筛查率',
        unit: '%',
        better: 'higher',
        source: { kind: 'goal', number: 2 },
        quote: '宫颈癌和乳腺癌筛查率达到80%以上',
        rule: { kind: 'threshold', comparator: '>=', value: 100 },
      }).map((p) => p.path),
    ).toContain('domains[0].indicators[0].rule.value');
  });

  it('a text numbered with two digits is caught too', () => {
    const problems = problemsOf(folder(), [
      [
        'women.yaml',
        plan('women', {
          domains: [domain('W1', { goals: [{ number: 1, text: '12．孕产妇死亡率控制在7.5/10万以下。' }] })],
        }),
      ],
    ]);
    expect(problems.map((p) => p.path)).toEqual(['domains[0].goals[0].text']);
  });

  it('counts on a unit that is not a rate have no factor to check', () => {
    expect(
      indicatorProblems({
        name: '妇女儿童活动场所数',
        unit: '个',
        better: 'higher',
        quote: '孕产妇死亡率控制在7.5/10万以下',
        rule: { kind: 'direction_only', wording: '控制在' },
        counts: { numerator: '场所数', denominator: '镇街数', factor: 1 },
      }),
    ).toEqual([]);
  });

  it('a breakdown listed twice', () => {
    expect(lines(indicatorProblems({ disaggregations: ['sex', 'area', 'sex'] }))).toEqual([
      'women.yaml domains[0].indicators[0].disaggregations[2]：分解维度 sex 重复，请删去一个。',
    ]);
  });

  it('limits whose minimum is above the maximum; equal limits and open ends pass', () => {
    expect(lines(indicatorProblems({ limits: [100, 0] }))).toEqual([
      'women.yaml domains[0].indicators[0].limits：自然下限 100 大于上限 0，请交换或改正。',
    ]);
    expect(indicatorProblems({ limits: [5, 5] })).toEqual([]);
    expect(indicatorProblems({ limits: [null, 0] })).toEqual([]);
    expect(indicatorProblems({ limits: [null, -5] })).toEqual([]);
    expect(indicatorProblems({ limits: [5, null] })).toEqual([]);
    expect(indicatorProblems({ limits: [100, null] })).toEqual([]);
  });

  it('a counted rate whose factor is not its unit’s, for any kind of rule', () => {
    expect(
      lines(indicatorProblems({ counts: { numerator: '孕产妇死亡数', denominator: '活产数', factor: 1000 } })),
    ).toEqual([
      'women.yaml domains[0].indicators[0].counts.factor：单位为“/10万”的比率，计数口径的倍数应为 100000（现在是 1000）：分子 ÷ 分母 × 100000 才是以“/10万”表示的数值。',
    ]);
    expect(
      indicatorProblems({
        rule: { kind: 'direction_only', wording: '控制在' },
        counts: { numerator: '孕产妇死亡数', denominator: '活产数', factor: 100000 },
      }),
    ).toEqual([]);
    expect(
      indicatorProblems({
        rule: { kind: 'direction_only', wording: '控制在' },
        counts: { numerator: '孕产妇死亡数', denominator: '活产数', factor: 100 },
      }).map((p) => p.path),
    ).toEqual(['domains[0].indicators[0].counts.factor']);
  });

  it('the quote’s rate unit must be the indicator’s, except for a percent change or 个百分点 a year', () => {
    expect(lines(indicatorProblems({ unit: '‰' }))).toEqual([
      'women.yaml domains[0].indicators[0].unit：原文“孕产妇死亡率控制在7.5/10万以下”的单位是“/10万”，指标单位写成了“‰”：请把 unit 改为 "/10万"（/10万 与 ‰ 相差 100 倍）。',
    ]);
    const goals = [{ number: 1, text: '孕产妇死亡率比2020年下降10%，每年下降2%。' }];
    const relative = problemsOf(folder(), [
      [
        'women.yaml',
        plan('women', {
          domains: [
            domain('W1', {
              goals,
              indicators: [
                indicator('W1-01', {
                  quote: '孕产妇死亡率比2020年下降10%',
                  rule: { kind: 'relative_to_base', percent: 10, baseYear: 2020 },
                }),
                indicator('W1-02', { quote: '每年下降2%', unit: '‰', rule: { kind: 'annual_step', step: 2 } }),
                indicator('W1-03', {
                  quote: '孕产妇死亡率比2020年下降10%',
                  rule: { kind: 'direction_only', wording: '下降' },
                }),
              ],
            }),
          ],
        }),
      ],
    ]);
    expect(relative.map((p) => p.path)).toEqual(['domains[0].indicators[2].unit']);
  });
});

describe('across the plans of a folder', () => {
  const two = (women: Data, children: Data) =>
    problemsOf(folder({ plans: ['women.yaml', 'children.yaml'] }), [
      ['women.yaml', women],
      ['children.yaml', children],
    ]);

  it('plan ids, domain codes and indicator codes are unique in the folder', () => {
    expect(lines(two(plan('women'), plan('women')))).toEqual([
      'children.yaml id：规划标识 women 与 women.yaml 中的规划重复，每个规划须有不同的标识。',
      'children.yaml domains[0].code：领域编号 W1 已在 women.yaml domains[0] 使用，同一规划目录内领域编号须唯一。',
      'children.yaml domains[0].indicators[0].code：指标编号 W1-01 与 women.yaml domains[0].indicators[0] 重复。编号是数据的主键，请给新指标用下一个未用过的编号，不要改动已有编号。',
    ]);
  });

  it('a domain code used twice in one file and again in another cites its first use', () => {
    const problems = two(
      plan('women', { domains: [domain('W1'), domain('W1', { indicators: [] })] }),
      plan('children', { domains: [domain('W1', { indicators: [indicator('C1-01')] })] }),
    );
    expect(problems.filter((p) => p.file === 'children.yaml').map((p) => p.message)).toContain(
      '领域编号 W1 已在 women.yaml domains[0] 使用，同一规划目录内领域编号须唯一。',
    );
  });

  it('a domain code repeated in one file is reported once, by that file, not again across files', () => {
    const problems = two(
      plan('women', { domains: [domain('W1'), domain('W1', { indicators: [] })] }),
      plan('children', { domains: [domain('C1')] }),
    );
    expect(problems.map((p) => `${p.file} ${p.path}`)).toEqual(['women.yaml domains[1].code']);
  });

  it('a relational reference written as a code must name another indicator of the folder', () => {
    const relational = (reference: string) =>
      indicator('C1-01', {
        rule: { kind: 'relational', comparator: '<=', reference },
        quote: '孕产妇死亡率控制在7.5/10万以下',
      });
    const children = (reference: string) =>
      plan('children', { domains: [domain('C1', { indicators: [relational(reference)] })] });
    expect(two(plan('women'), children('W1-01'))).toEqual([]);
    expect(two(plan('women'), children('男童入学率'))).toEqual([]);
    expect(lines(two(plan('women'), children('W1-09')))).toEqual([
      'children.yaml domains[0].indicators[0].rule.reference：对照指标 W1-09 不存在：请写本目录中已有的指标编号，或直接写对照量的名称（如“女职工比例”）。',
    ]);
    expect(lines(two(plan('women'), children('C1-01')))).toEqual([
      'children.yaml domains[0].indicators[0].rule.reference：对照指标不能是指标自身。',
    ]);
  });

  it('sameAs names another, unlinked indicator measured the same way', () => {
    const linked = (sameAs: string, extra: Data = {}) =>
      plan('children', { domains: [domain('C1', { indicators: [indicator('C1-01', { sameAs, ...extra })] })] });
    expect(two(plan('women'), linked('W1-01'))).toEqual([]);
    expect(lines(two(plan('women'), linked('C1-01')))).toEqual([
      'children.yaml domains[0].indicators[0].sameAs：同一统计指标不能写指标自身的编号。',
    ]);
    expect(
      two(
        plan('women'),
        linked('W1-01', { better: 'higher', rule: { kind: 'threshold', comparator: '>=', value: 7.5 } }),
      ).map((p) => p.message),
    ).toContain('C1-01 与 W1-01 的方向不同，不是同一统计指标：请统一口径，或删去 sameAs。');
    // The order in which breakdowns are listed does not make two statistics.
    const bySexAndArea = plan('women', {
      domains: [domain('W1', { indicators: [indicator('W1-01', { disaggregations: ['area', 'sex'] })] })],
    });
    expect(two(bySexAndArea, linked('W1-01', { disaggregations: ['sex', 'area'] }))).toEqual([]);
    const bySexFirst = plan('women', {
      domains: [domain('W1', { indicators: [indicator('W1-01', { disaggregations: ['sex', 'area'] })] })],
    });
    expect(two(bySexFirst, linked('W1-01', { disaggregations: ['area', 'sex'] }))).toEqual([]);
    expect(two(bySexAndArea, linked('W1-01', { disaggregations: ['area'] })).map((p) => p.message)).toEqual([
      'C1-01 与 W1-01 的分解维度不同，不是同一统计指标：请统一口径，或删去 sameAs。',
    ]);
  });
});

describe('shape problems in Chinese', () => {
  const shape = (data: unknown) => problemsOf(folder(), [['women.yaml', data]]).map((p) => `${p.path}：${p.message}`);

  it('wrong types, missing fields and unknown fields', () => {
    expect(shape(plan('women', { title: 5 }))).toEqual(['title：“title”（标题）应为文字，现在是数字 5。']);
    expect(shape(plan('women', { title: ['a'] }))).toEqual(['title：“title”（标题）应为文字，现在是列表。']);
    expect(shape(plan('women', { title: null }))).toEqual(['title：“title”（标题）应为文字，现在是空值。']);
    expect(shape(plan('women', { title: { a: 1 } }))).toEqual(['title：“title”（标题）应为文字，现在是字段集合。']);
    expect(shape(plan('women', { title: true }))).toEqual(['title：“title”（标题）应为文字，现在是true。']);
    expect(shape(plan('women', { sections: 'none' }))).toEqual([
      'sections：“sections”（规划章节）应为列表，现在是文字“none”。',
    ]);
    expect(shape(plan('women', { issuer: undefined }))).toEqual(['issuer：缺少必填字段“issuer”（发文机关），请补上。']);
    expect(shape(plan('women', { titel: 'x' }))).toEqual(['：有未知字段 “titel”：请检查拼写，或删除。']);
    expect(shape(plan('women', { titel: 'x', isuer: 'y' }))).toEqual([
      '：有未知字段 “titel”、“isuer”：请检查拼写，或删除。',
    ]);
    expect(shape('not a mapping')).toEqual(['：该项应为字段集合，现在是文字“not a mapping”。']);
  });

  it('values out of range say the bound and the value', () => {
    expect(shape(plan('women', { baseYear: 1900 }))).toEqual([
      'baseYear：“baseYear”（基期年）应不小于 1949，现在是 数字 1900。',
    ]);
    expect(shape(plan('women', { baseYear: 2200 }))).toEqual([
      'baseYear：“baseYear”（基期年）应不大于 2100，现在是 数字 2200。',
    ]);
    expect(shape(plan('women', { title: ' ' }))).toEqual(['title：“title”（标题）不能为空。']);
    expect(shape(plan('women', { domains: [] }))).toEqual(['domains：“domains”（发展领域）至少需要 1 项。']);
    expect(shape(plan('women', { shortTitle: '妇'.repeat(32) }))).toEqual([
      'shortTitle：“shortTitle”（简称）太长，最多 31 个字。 简称用作 Excel 工作表名：不超过 31 个字，不含 [ ] : * ? / \\。',
    ]);
    const floor0 = shape(
      plan('women', { domains: [domain('W1', { indicators: [indicator('W1-01', { floor: 0 })] })] }),
    );
    expect(floor0).toEqual(['domains[0].indicators[0].floor：“floor”（波动下限）应大于 0，现在是 数字 0。']);
    const factor = problemsOf(folder({ finalEvaluation: { progress: 1.5, gap: 0.01 } }), [
      ['women.yaml', plan('women')],
    ]);
    expect(factor.map((p) => p.message)).toEqual(['“progress”（完成所需变化的比例）应不大于 1，现在是 数字 1.5。']);
    const gap = problemsOf(folder({ finalEvaluation: { progress: 0.9, gap: 0.5 } }), [['women.yaml', plan('women')]]);
    expect(gap).toEqual([]);
  });

  it('values not allowed name the allowed ones, with the advice of the field', () => {
    expect(
      shape(plan('women', { domains: [domain('W1', { indicators: [indicator('W1-01', { better: 'up' })] })] })),
    ).toEqual([
      'domains[0].indicators[0].better：“better”（方向）的取值 "up" 无效，应为 "higher"、"lower" 之一。 数值越高越好（如筛查率）写 higher，越低越好（如死亡率）写 lower。',
    ]);
    expect(
      shape(
        plan('women', {
          domains: [domain('W1', { indicators: [indicator('W1-01', { rule: { kind: 'ceiling', value: 1 } })] })],
        }),
      ),
    ).toEqual([
      'domains[0].indicators[0].rule.kind：目标规则种类 "ceiling" 无效。 规则种类应为 threshold、relative_to_base、annual_step、maintain、relational、count_per_body、direction_only 之一，详见 docs/catalog.md。',
    ]);
    expect(shape(plan('women', { issuedOn: '2026/6/30' }))).toEqual([
      'issuedOn：“issuedOn”（印发日期）的格式不正确（现在是文字“2026/6/30”）。 日期写成 2022-07-15 的形式。',
    ]);
    expect(
      shape(plan('women', { domains: [domain('W1', { indicators: [indicator('W1-01', { code: 'W1-1' })] })] })),
    ).toEqual([
      'domains[0].indicators[0].code：“code”（编号）的格式不正确（现在是文字“W1-1”）。 监测指标编号写成“领域编号-两位序号”，如 W1-01；领域编号写成字母加数字，如 W1、C3。',
    ]);
  });

  it('a field without a Chinese label is named as written', () => {
    const problems = problemsOf(folder({ extra: 1 }), [['women.yaml', plan('women')]]);
    expect(problems.map((p) => p.message)).toEqual(['有未知字段 “extra”：请检查拼写，或删除。']);
  });
});

describe('paths and the printed report', () => {
  it('a path is written as in the YAML and read back to the same segments', () => {
    expect(formatPath(['domains', 0, 'indicators', 12, 'rule', 'value'])).toBe('domains[0].indicators[12].rule.value');
    expect(formatPath([0, 'code'])).toBe('[0].code');
    expect(formatPath([])).toBe('');
    expect(parsePath('domains[0].indicators[12].rule.value')).toEqual([
      'domains',
      0,
      'indicators',
      12,
      'rule',
      'value',
    ]);
    expect(parsePath('plans[3]')).toEqual(['plans', 3]);
  });

  it('numbers the problems and gives the file, the line when known, and the path', () => {
    expect(
      formatProblems([
        { file: 'women.yaml', line: 12, path: 'domains[0].code', message: '甲。' },
        { file: 'folder.yaml', path: '', message: '乙。' },
      ]),
    ).toBe('  1. women.yaml 第 12 行 domains[0].code：甲。\n  2. folder.yaml：乙。');
  });
});

describe('a field left out', () => {
  const shape = (data: unknown) => problemsOf(folder(), [['women.yaml', data]]).map((p) => `${p.path}：${p.message}`);
  const withIndicator = (edit: (i: Data) => void) => {
    const i = indicator('W1-01');
    edit(i);
    return shape(plan('women', { domains: [domain('W1', { indicators: [i] })] }));
  };

  it('is reported missing, not as a value "undefined", whatever the field holds', () => {
    expect(withIndicator((i) => delete i.better)).toEqual([
      'domains[0].indicators[0].better：缺少必填字段“better”（方向），请补上。 数值越高越好（如筛查率）写 higher，越低越好（如死亡率）写 lower。',
    ]);
    expect(withIndicator((i) => delete (i.rule as Data).kind)).toEqual([
      'domains[0].indicators[0].rule.kind：缺少必填字段“kind”（种类），请补上。 规则种类应为 threshold、relative_to_base、annual_step、maintain、relational、count_per_body、direction_only 之一，详见 docs/catalog.md。',
    ]);
    expect(withIndicator((i) => delete i.precision)).toEqual([
      'domains[0].indicators[0].precision：缺少必填字段“precision”（保留小数位），请补上。',
    ]);
  });

  it('a field without advice gets none, also inside a source', () => {
    expect(withIndicator((i) => delete (i.source as Data).number)).toEqual([
      'domains[0].indicators[0].source.number：缺少必填字段“number”（序号），请补上。',
    ]);
  });

  it('the kind of a source gets the advice for sources, not for rules', () => {
    expect(withIndicator((i) => delete (i.source as Data).kind)).toEqual([
      'domains[0].indicators[0].source.kind：缺少必填字段“kind”（种类），请补上。 来源条目的种类写 goal（主要目标）或 measure（策略措施）。',
    ]);
    expect(withIndicator((i) => ((i.source as Data).kind = 'section'))).toEqual([
      'domains[0].indicators[0].source.kind：“kind”（种类）的取值 "section" 无效，应为 "goal"、"measure" 之一。 来源条目的种类写 goal（主要目标）或 measure（策略措施）。',
    ]);
  });
});

describe('every field is named in Chinese beside its key', () => {
  const rules: Data[] = [
    { kind: 'threshold', comparator: '<=', value: 7.5 },
    { kind: 'relative_to_base', percent: 10 },
    { kind: 'annual_step', step: 1 },
    { kind: 'relational', comparator: '>=', reference: '女职工比例' },
    { kind: 'count_per_body', value: 1, body: '每个村' },
    { kind: 'direction_only', wording: '逐步提高' },
  ];
  const full = () =>
    plan('women', {
      domains: [
        domain('W1', {
          indicators: rules.map((rule, k) =>
            indicator(`W1-0${k + 1}`, { rule, counts: { numerator: '死亡数', denominator: '活产数', factor: 100000 } }),
          ),
        }),
      ],
    });
  /** Removes the field at `path` of folder.yaml (or women.yaml) and returns the one problem reported there. */
  const without = (inFolder: boolean, path: (string | number)[]) => {
    const data = inFolder ? folder({ finalEvaluation: { progress: 0.9, gap: 0.01 } }) : full();
    let node = data as Record<string | number, unknown>;
    for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
    delete node[path.at(-1) as string | number];
    const problems = inFolder
      ? problemsOf(data, [['women.yaml', full()]])
      : problemsOf(folder(), [['women.yaml', data]]);
    // The other indicators' rules are not in their quotes: only the problem at the removed field is looked at.
    const at = problems.filter((p) => p.path === formatPath(path));
    expect(at).toHaveLength(1);
    return at[0]?.message;
  };
  const ind = (k: number, ...rest: string[]) => ['domains', 0, 'indicators', k, ...rest];

  it.each([
    [true, ['id'], 'id', '标识'],
    [true, ['name'], 'name', '名称'],
    [true, ['region'], 'region', '地区'],
    [true, ['cycle'], 'cycle', '规划周期'],
    [true, ['cycle', 'start'], 'start', '起始年'],
    [true, ['cycle', 'end'], 'end', '终止年'],
    [true, ['cycle', 'baseYear'], 'baseYear', '基期年'],
    [true, ['plans'], 'plans', '规划文件列表'],
    [true, ['finalEvaluation', 'progress'], 'progress', '完成所需变化的比例'],
    [true, ['finalEvaluation', 'gap'], 'gap', '与目标值差距的比例'],
    [false, ['title'], 'title', '标题'],
    [false, ['shortTitle'], 'shortTitle', '简称'],
    [false, ['issuer'], 'issuer', '发文机关'],
    [false, ['issuedOn'], 'issuedOn', '印发日期'],
    [false, ['sections'], 'sections', '规划章节'],
    [false, ['domains'], 'domains', '发展领域'],
    [false, ['domains', 0, 'code'], 'code', '编号'],
    [false, ['domains', 0, 'goals'], 'goals', '主要目标'],
    [false, ['domains', 0, 'measures'], 'measures', '策略措施'],
    [false, ['domains', 0, 'goals', 0, 'number'], 'number', '序号'],
    [false, ['domains', 0, 'goals', 0, 'text'], 'text', '正文'],
    [false, ind(0, 'unit'), 'unit', '单位'],
    [false, ind(0, 'rule'), 'rule', '目标规则'],
    [false, ind(0, 'source'), 'source', '来源条目'],
    [false, ind(0, 'quote'), 'quote', '原文'],
    [false, ind(0, 'disaggregations'), 'disaggregations', '分解维度'],
    [false, ind(0, 'limits'), 'limits', '自然上下限'],
    [false, ind(0, 'floor'), 'floor', '波动下限'],
    [false, ind(0, 'rule', 'comparator'), 'comparator', '比较符'],
    [false, ind(0, 'rule', 'value'), 'value', '目标值'],
    [false, ind(1, 'rule', 'percent'), 'percent', '变化百分比'],
    [false, ind(2, 'rule', 'step'), 'step', '每年步长'],
    [false, ind(3, 'rule', 'reference'), 'reference', '对照指标'],
    [false, ind(4, 'rule', 'body'), 'body', '单位主体'],
    [false, ind(5, 'rule', 'wording'), 'wording', '方向措辞'],
    [false, ind(0, 'counts', 'numerator'), 'numerator', '分子'],
    [false, ind(0, 'counts', 'denominator'), 'denominator', '分母'],
    [false, ind(0, 'counts', 'factor'), 'factor', '倍数'],
  ] as [boolean, (string | number)[], string, string][])('%s %j: “%s”（%s）', (inFolder, path, key, label) => {
    expect(without(inFolder, path)).toMatch(new RegExp(`^缺少必填字段“${key}”（${label}），请补上。`));
  });

  it('optional fields with a value of the wrong kind', () => {
    const wrong = (extra: Data) => indicatorProblems(extra).map((p) => p.message);
    expect(wrong({ counts: 5 })).toEqual(['“counts”（计数口径）应为字段集合，现在是数字 5。']);
    expect(wrong({ floor: '1' })).toEqual(['“floor”（波动下限）应为数字，现在是文字“1”。']);
    const section = problemsOf(folder({ finalEvaluation: 0.9 }), [['women.yaml', plan('women')]]);
    expect(section.map((p) => p.message)).toEqual(['“finalEvaluation”（终期评估容差）应为字段集合，现在是数字 0.9。']);
    const indicators = problemsOf(folder(), [
      ['women.yaml', plan('women', { domains: [domain('W1', { indicators: 5 })] })],
    ]);
    expect(indicators.map((p) => p.message)).toEqual(['“indicators”（监测指标）应为列表，现在是数字 5。']);
    const id = problemsOf(folder({ id: 'Wuqing 2026' }), [['women.yaml', plan('women')]]);
    expect(id.map((p) => p.message)).toEqual([
      '“id”（标识）的格式不正确（现在是文字“Wuqing 2026”）。 标识只能用小写字母、数字和连字符，如 wuqing-women-2021-2025。',
    ]);
    expect(wrong({ note: 5 })).toEqual(['“note”（备注）应为文字，现在是数字 5。']);
    expect(wrong({ sameAs: 5 })).toEqual(['“sameAs”（同一统计指标）应为文字，现在是数字 5。']);
    expect(wrong({ predecessor: 5 })).toEqual(['“predecessor”（上一周期）应为文字，现在是数字 5。']);
    expect(wrong({ rule: { kind: 'count_per_body', value: 1, body: '每个村', countUnit: 5 } })).toEqual([
      '“countUnit”（计数单位）应为文字，现在是数字 5。',
    ]);
    expect(wrong({ precision: 1.5 })).toEqual(['“precision”（保留小数位）应为整数，现在是数字 1.5。']);
    expect(wrong({ limits: 'none' })).toEqual([
      '“limits”（自然上下限）应为列表，现在是文字“none”。 自然上下限写成 [最小值, 最大值]，无上限写 null，如 [0, 100]、[0, null]。',
    ]);
    expect(wrong({ disaggregations: ['town'] })).toEqual([
      '“disaggregations”（分解维度）的取值 "town" 无效，应为 "sex"、"area" 之一。 分解维度只能是 sex（分性别）或 area（分镇街）。',
    ]);
  });
});
