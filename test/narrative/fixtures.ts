// Small report inputs for the narrative drafts' tests: an indicator from its yearly values and result, a domain's
// roll-up, and a report of one plan (示范区, 2020–2025) to vary.
import type { Status } from '../../src/core/assessment/index.ts';
import type {
  NarrativeDomain,
  NarrativeIndicator,
  NarrativeInput,
  NarrativePlan,
} from '../../src/core/narrative/index.ts';

export const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];

export function ind(
  over: Partial<NarrativeIndicator> & { values: (number | null)[] },
  result: Partial<NarrativeIndicator['result']> = {},
): NarrativeIndicator {
  const last = over.values.findLastIndex((v) => v !== null);
  return {
    code: 'W1-03',
    name: '孕产妇死亡率',
    unit: '/10万',
    planId: 'women',
    planTitle: '妇女发展规划',
    domainCode: 'W1',
    domainName: '妇女与健康',
    target: '≤ 8.5/10万（控制在8.5/10万以下）',
    leadUnit: { name: '区卫生健康委' },
    years: YEARS,
    precision: 1,
    ...over,
    result: {
      status: '已达标' as Status,
      ruleKind: 'threshold',
      met: true,
      year: last >= 0 ? YEARS[last]! : null,
      value: last >= 0 ? over.values[last]! : null,
      target: 8.5,
      comparator: '<=',
      warning: null,
      baseValue: over.values[0] ?? null,
      baseYearUsed: 2020,
      ...result,
    },
  };
}

export const counts = (c: Partial<Record<Status, number>>) =>
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

export function domain(rate: number | null, over: Partial<NarrativeDomain> = {}): NarrativeDomain {
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

export const WOMEN: NarrativePlan = {
  id: 'women',
  title: '示范区妇女发展“十四五”规划',
  shortTitle: '妇女发展规划',
  baseYear: 2020,
  cycleEnd: 2025,
};
export const CHILDREN: NarrativePlan = {
  id: 'children',
  title: '示范区儿童发展“十四五”规划',
  shortTitle: '儿童发展规划',
  baseYear: 2020,
  cycleEnd: 2025,
};

/** A report of the women's plan, no 督办 answers or work reports unless given. */
export function report(over: Partial<NarrativeInput> = {}): NarrativeInput {
  return {
    kind: 'annual',
    year: 2025,
    basis: 'approved',
    region: '示范区',
    plans: [WOMEN],
    indicators: [],
    byPlan: [{ ...domain(0.75), group: 'women' }],
    byDomain: [],
    supervision: [],
    workReports: [],
    ...over,
  };
}

/** A final-evaluation indicator judged `category` (its rule direction-only for 趋势向好 and 方向未达). */
export function judged(
  name: string,
  category: NonNullable<NarrativeIndicator['result']['finalCategory']>,
  over: Partial<NarrativeIndicator> = {},
): NarrativeIndicator {
  const directional = category === '趋势向好' || category === '未实现（方向未达）' || category === '趋势不明显';
  return ind(
    { name, code: name, values: [10, 9, 8, 7, 6, 5], ...over },
    {
      ruleKind: directional ? 'direction_only' : 'threshold',
      finalCategory: category,
      met: category === '已实现',
    },
  );
}
