import type { Better, TargetRule } from '../../core/rules.ts';

// Pure generation of demo series (演示数据): for an indicator and a scenario, the values of base year..last year.
// Deterministic: the same seed gives the same numbers on every machine.

/** `nearly`: on track until the target year, which ends just short of the target (基本实现 in the final evaluation). */
export type Scenario = 'met' | 'on_track' | 'nearly' | 'at_risk' | 'volatile' | 'gap';

/** mulberry32: a small, well-known seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashSeed(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/**
 * Most indicators met or on track, two or three ending just short (基本实现); a handful at risk (预计达标困难) and volatile (波动较大), so the warning screens
 * have something to show without reading like a district where a fifth of the plan fails; a few with a missing year.
 */
export function scenarioFor(random: () => number): Scenario {
  const r = random();
  if (r < 0.55) return 'met';
  if (r < 0.84) return 'on_track';
  if (r < 0.86) return 'nearly';
  if (r < 0.92) return 'at_risk';
  if (r < 0.95) return 'volatile';
  return 'gap';
}

/**
 * 镇街 values around the district's: each town keeps its own place above or below the district from year to year
 * (a town's rate moves with the district's, not ±40% at random), the offsets average zero so the towns' plain
 * mean is the district value, and they shrink where the district is near a limit (a district at 100% has every
 * town at 100%). `offsets` are one per town, from townOffsets.
 */
export function townValues(
  total: number,
  offsets: readonly number[],
  limits: [number | null, number | null],
  precision: number,
): number[] {
  const up = Math.max(0, ...offsets);
  const down = Math.max(0, ...offsets.map((o) => -o));
  const room = (limit: number | null, need: number, side: number) =>
    limit === null || need === 0 ? 1 : Math.max(0, side * (limit - total)) / need;
  const shrink = Math.min(1, room(limits[1], up, 1), room(limits[0], down, -1));
  return offsets.map((o) => round(clip(total + o * shrink, limits), precision));
}

/**
 * Per-town offsets for an indicator: a spread of about ±4 points for a coverage rate, ±15% of the level for a
 * small rate or any other unit, centred so that they average zero.
 */
export function townOffsets(level: number, unit: string, towns: number, random: () => number): number[] {
  const amplitude = unit === '%' ? Math.min(4, Math.abs(level) * 0.15) : Math.abs(level) * 0.15;
  const raw = Array.from({ length: towns }, () => (random() - 0.5) * 2 * amplitude);
  const mean = raw.reduce((a, b) => a + b, 0) / Math.max(towns, 1);
  return raw.map((o) => o - mean);
}

export interface SeriesSpec {
  rule: TargetRule;
  better: Better;
  unit: string;
  limits: [number | null, number | null];
  precision: number;
  baseYear: number;
  targetYear: number;
  lastYear: number;
  scenario: Scenario;
  /** Reported with numerator and denominator. */
  fromCounts: boolean;
  /** A plausible base-year level for an indicator without a numeric target (PLAUSIBLE_LEVELS). */
  level?: number;
}

/**
 * Base-year levels near published Tianjin / national figures for the indicators whose plan sets a direction only,
 * so that a demo report reads like a real one (no 62.9% anxiety prevalence, no 96元/月 低保). By indicator name;
 * others take a generic level for their unit.
 */
export const PLAUSIBLE_LEVELS: Record<string, number> = {
  妇女人均预期寿命: 83.5,
  妇女人均健康预期寿命: 72.5,
  流动人口孕产妇死亡率: 12.0,
  适龄妇女乳腺癌人群筛查率: 62.0,
  宫颈癌早诊早治率: 88.0,
  乳腺癌早诊早治率: 85.0,
  妇女心理健康素养水平: 20.5,
  妇女焦虑障碍患病率: 5.2,
  妇女抑郁症患病率: 3.9,
  妇女健康素养水平: 26.0,
  孕产妇贫血率: 14.5,
  男女两性科学素质水平差距: 4.8,
  女性平均受教育年限: 10.8,
  高技能人才中的女性比例: 28.0,
  男女非农就业率差距: 9.5,
  男女收入差距: 18.0,
  女性从业人员职业病发病率: 2.4,
  // Women in decision-making: shares near published figures (village heads and chief posts are around a tenth).
  党员代表大会中女代表比例: 31.5,
  '区委、人大、政府、政协担任正职的女干部占同级正职干部的比例': 12.5,
  '区委、区政府工作部门担任正职的女干部占同级正职干部的比例': 16.0,
  与妇女权益相关部门领导班子中女干部比例: 38.0,
  '乡镇（街道）党（工）委、政府领导班子中任正职的女干部比例': 10.5,
  企业董事会成员中的女性比例: 21.0,
  企业监事会成员中的女性比例: 29.0,
  企业管理层中的女性比例: 34.0,
  企事业职工代表大会中女性比例: 36.0,
  村党组织成员中女性比例: 20.5,
  村党组织书记中女性比例: 9.5,
  村民委员会主任中女性比例: 10.8,
  社会组织女性负责人比例: 28.0,
  妇女失业保险参保率: 46.0,
  妇女工伤保险参保率: 52.0,
  '社会救助标准（城乡最低生活保障标准）': 1010,
  男女两性家务劳动时间差距: 75,
  // Tianjin's 孤儿基本生活保障 is about 2,000元/月 (集中养育 a little more): never the generic level of 元/月.
  孤儿基本生活保障水平: 2050,
  儿童超重率: 11.2,
  儿童肥胖率: 8.1,
  儿童新发近视率: 9.5,
  儿童溺水死亡率: 1.8,
  托育机构数量: 36,
  托位数量: 1850,
  城乡社区儿童之家覆盖率: 92.0,
  公益性儿童校外活动场所数量: 12,
  公益性儿童校外活动场所利用率: 78.0,
  未成年人犯罪人数占未成年人人口数量的比重: 0.062,
};

const round = (x: number, precision: number) => Number(x.toFixed(precision));

function clip(x: number, [lo, hi]: [number | null, number | null]): number {
  return Math.min(hi ?? Number.POSITIVE_INFINITY, Math.max(lo ?? Number.NEGATIVE_INFINITY, x));
}

/** A sensible scale for an indicator without a number in its target (direction-only, relational). */
function typicalLevel(unit: string, random: () => number, rareShare: boolean): number {
  switch (unit) {
    case '%':
      // A share reported with its counts (犯罪人数占比, 母婴传播率) is a rare event; other shares are coverage.
      return rareShare ? 0.5 + random() * 2 : 40 + random() * 50;
    case '‰':
      return 2 + random() * 6;
    case '/10万':
      return 5 + random() * 20;
    case '岁':
      return 78 + random() * 5;
    case '年':
      return 11 + random() * 4;
    default:
      return 10 + random() * 90;
  }
}

/** Values for baseYear..lastYear (null where the scenario leaves a gap). */
export function demoSeries(spec: SeriesSpec, random: () => number): (number | null)[] {
  const d = spec.better === 'higher' ? 1 : -1;
  const span = spec.targetYear - spec.baseYear;
  const years = spec.lastYear - spec.baseYear + 1;
  const rule = spec.rule;
  let target: number;
  let start: number;
  switch (rule.kind) {
    case 'threshold':
    case 'maintain':
      target = rule.value;
      break;
    case 'count_per_body':
      target = 100;
      break;
    default:
      target = Number.NaN;
  }
  const scale = Number.isFinite(target)
    ? Math.max(Math.abs(target), 1)
    : (spec.level ?? typicalLevel(spec.unit, random, spec.fromCounts));
  const atCeiling =
    rule.kind === 'maintain' ||
    rule.kind === 'count_per_body' ||
    (rule.kind === 'threshold' && target >= 99 && spec.unit === '%');
  if (atCeiling) {
    // Near-ceiling targets (保持在99%以上, 100%): met ones hold just on the right side, at-risk ones just below.
    // On-track ones hold at the target too: a series just under a 100% target reads as 预计达标困难 every year.
    start = target + d * (spec.scenario === 'at_risk' ? -1.5 : spec.scenario === 'met' ? 0.4 : 0.1);
  } else if (Number.isFinite(target)) {
    // 3–8% of the target short at the base year, as most of a district's rates are already near the plan's levels.
    start = target - d * scale * (0.03 + random() * 0.05);
  } else {
    start = spec.level ?? scale;
  }
  if (rule.kind === 'relative_to_base') target = start * (1 - d * (rule.percent / 100));
  if (rule.kind === 'annual_step') target = start + d * rule.step * span;
  const numericTarget = Number.isFinite(target);
  // A direction without a number: a modest, steady move the right way over the cycle.
  // Life expectancy and years of schooling move slowly: about 1% over a cycle, not 4%.
  if (!Number.isFinite(target)) target = start * (1 + d * (spec.unit === '岁' || spec.unit === '年' ? 0.01 : 0.04));

  // Where the scenario is at the target year: met ones cross the target early (about 60% into the cycle),
  // on-track ones just in time, at-risk ones get about half way.
  const gap = target - start;
  const end = atCeiling
    ? start + d * (spec.scenario === 'at_risk' ? -0.5 : 0.2)
    : spec.scenario === 'met'
      ? start + gap / 0.6
      : spec.scenario === 'on_track'
        ? start + gap * 1.05
        : spec.scenario === 'at_risk'
          ? start + gap * 0.55
          : start + gap * 1.1;
  // Year-to-year noise: life expectancy and schooling years move by hundredths, not by most of a year.
  const slow = spec.unit === '岁' || spec.unit === '年';
  const noise = scale * (spec.unit === '%' ? 0.004 : slow ? 0.0008 : 0.01);
  const values: (number | null)[] = [];
  for (let i = 0; i < years; i++) {
    const linear = start + ((end - start) * i) / span;
    const wobble =
      spec.scenario === 'volatile' && i > 0
        ? (i % 2 === 0 ? 1 : -1) * scale * (slow ? 0.006 : 0.12)
        : (random() - 0.5) * 2 * noise;
    values.push(round(clip(linear + wobble, spec.limits), spec.precision));
  }
  if (spec.scenario === 'gap' && years > 3) values[1 + Math.floor(random() * (years - 2))] = null;
  // Just short in the target year: 93% of the required change, or 0.4% of a target held at a ceiling (基本实现 is
  // ≥ 90% of the change, or within 1% of a maintained target).
  if (spec.scenario === 'nearly' && numericTarget && years - 1 === span) {
    const short = atCeiling ? target - d * scale * 0.004 : start + gap * 0.93;
    values[span] = round(clip(short, spec.limits), spec.precision);
  }
  return values;
}

/**
 * Counts for a rate from counts: Poisson numerators, steady denominators. A rare event where lower is better
 * (maternal deaths per live births) runs at 70% of its ceiling, 115% when at risk; a share where higher is better
 * (治疗率 of the few infected mothers) runs between its floor and 100%, a few points under the floor when at risk.
 */
/** The district's resident population in thousands (about 115万, the 2020 census), for totals that follow a rate. */
export const DEMO_POPULATION_THOUSANDS = 1153;

/**
 * Totals that follow another indicator, so that a pair reads consistently: 托位 = 每千人口托位数 × 常住人口（千人）,
 * and about 80 places a 托育机构 (no 55 institutions with 51 places between them).
 */
export const DERIVED_SERIES: Record<string, { from: string; factor: number }> = {
  托位数量: { from: '每千人口拥有3岁以下婴幼儿托位数', factor: DEMO_POPULATION_THOUSANDS },
  托育机构数量: { from: '托位数量', factor: 1 / 80 },
};

/**
 * Counts that are part of another indicator's counts: 新生儿死亡 ⊂ 婴儿死亡 ⊂ 5岁以下儿童死亡 over the same births,
 * 流动人口孕产妇死亡 ⊂ 孕产妇死亡 (流动人口活产数 a quarter of 活产数). `share` is the part of the outer events that
 * are inner ones. So a demo never shows an infant mortality above the under-five one.
 */
export const NESTED_COUNTS: Record<string, { within: string; share: number; denominatorShare: number }> = {
  婴儿死亡数: { within: '5岁以下儿童死亡数', share: 0.8, denominatorShare: 1 },
  新生儿死亡数: { within: '婴儿死亡数', share: 0.6, denominatorShare: 1 },
  流动人口孕产妇死亡数: { within: '孕产妇死亡数', share: 0.4, denominatorShare: 0.25 },
};

/** The inner counts of NESTED_COUNTS: each outer event is an inner one with probability `share`. */
export function nestedCounts(
  outer: readonly { numerator: number; denominator: number }[],
  nest: { share: number; denominatorShare: number },
  random: () => number,
): { numerator: number; denominator: number }[] {
  return outer.map(({ numerator, denominator }) => {
    let inner = 0;
    for (let k = 0; k < numerator; k++) if (random() < nest.share) inner++;
    return { numerator: inner, denominator: Math.round(denominator * nest.denominatorShare) };
  });
}

/** How many steps an indicator's demo series depends on others' (DERIVED_SERIES, NESTED_COUNTS): generate in this order. */
export function derivationDepth(name: string, numerator: string | undefined): number {
  const derived = DERIVED_SERIES[name];
  if (derived) return 1 + derivationDepth(derived.from, undefined);
  const nest = numerator === undefined ? undefined : NESTED_COUNTS[numerator];
  return nest ? 1 + derivationDepth('', nest.within) : 0;
}

/**
 * Denominators of a district of 115万 people: about 7,000 births a year and 21.6万 children (0—17岁), so that a
 * child mortality per 10万 rests on some twenty deaths a year, not on one.
 */
export const DEMO_DENOMINATORS: Record<string, number> = { 活产数: 7000, 儿童人口数: 216000, 未成年人人口数: 216000 };

export function demoCounts(
  targetRate: number,
  factor: number,
  years: number,
  random: () => number,
  scenario: Scenario,
  better: Better = 'lower',
  population?: number,
): { numerator: number; denominator: number }[] {
  // A population named in DEMO_DENOMINATORS; else births for rates per 10万 and ‰, and for shares a group sized so
  // that a few events occur (孕产妇 infected with 梅毒 …).
  const denominatorBase =
    population ?? (factor >= 1000 ? 7000 : Math.round(Math.max(60, 500 / Math.max(targetRate, 0.1))));
  const higher = better === 'higher' && factor === 100;
  const rate = higher
    ? scenario === 'at_risk'
      ? targetRate - 3
      : targetRate + (factor - targetRate) * 0.6
    : scenario === 'at_risk'
      ? targetRate * 1.15
      : targetRate * 0.7;
  const out: { numerator: number; denominator: number }[] = [];
  for (let i = 0; i < years; i++) {
    const denominator = Math.round(denominatorBase * (1 + (random() - 0.5) * 0.1));
    // A high share counts its few misses (the untreated), so the noise is that of a rare event too.
    const misses = higher ? poisson(((factor - rate) * denominator) / factor, random) : 0;
    const numerator = higher ? denominator - misses : poisson((rate * denominator) / factor, random);
    out.push({ numerator: Math.max(0, Math.min(numerator, denominator)), denominator });
  }
  return out;
}

function poisson(mean: number, random: () => number): number {
  // Knuth's method: fine for the small means of rare events.
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}
