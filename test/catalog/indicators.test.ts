// The indicators: every quote is the plan's own words, every target number is the one the quote states,
// and the headline targets read as the plan sets them.

import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Catalog,
  catalogIndicators,
  describeIndicatorTarget,
  type Indicator,
  type IndicatorEntry,
  toCatalogJson,
} from '../../src/core/catalog/index.ts';
import { TARGET_RULE_KINDS } from '../../src/core/rules.ts';
import { defaultPlanDir, loadPlanFolder } from '../../src/features/catalog/load.ts';

let catalog: Catalog;
let entries: IndicatorEntry[];

beforeAll(async () => {
  catalog = await loadPlanFolder(defaultPlanDir());
  entries = catalogIndicators(catalog);
});

function byName(planId: string, name: string): IndicatorEntry {
  const found = entries.filter((e) => e.plan.id === planId && e.indicator.name === name);
  expect(found, name).toHaveLength(1);
  return found[0] as IndicatorEntry;
}

function ruleNumber(i: Indicator): number | undefined {
  const r = i.rule;
  if (r.kind === 'threshold' || r.kind === 'maintain' || r.kind === 'count_per_body') return r.value;
  if (r.kind === 'relative_to_base') return r.percent;
  if (r.kind === 'annual_step') return r.step;
  return undefined;
}

describe('indicators', () => {
  it('number between 40 and 80 per plan, with unique, well-formed codes', () => {
    for (const plan of catalog.plans) {
      const n = entries.filter((e) => e.plan === plan).length;
      expect(n).toBeGreaterThanOrEqual(40);
      expect(n).toBeLessThanOrEqual(80);
    }
    const codes = entries.map((e) => e.indicator.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { domain, indicator } of entries) expect(indicator.code).toMatch(new RegExp(`^${domain.code}-\\d{2}$`));
  });

  it('quote each a verbatim part of the goal or measure they cite', () => {
    for (const { domain, indicator } of entries) {
      const items = indicator.source.kind === 'goal' ? domain.goals : domain.measures;
      const item = items.find((it) => it.number === indicator.source.number);
      expect(item, indicator.code).toBeDefined();
      expect(item?.text, indicator.code).toContain(indicator.quote);
    }
  });

  it('state each numeric target in their quote', () => {
    for (const { indicator } of entries) {
      const value = ruleNumber(indicator);
      if (value === undefined) continue;
      const numbers = (indicator.quote.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
      const fullCoverage = value === 100 && indicator.quote.includes('全覆盖');
      expect(numbers.includes(value) || fullCoverage, `${indicator.code} ${value} in ${indicator.quote}`).toBe(true);
    }
  });

  it('use only the rule kinds of the algebra, with a wording for every direction', () => {
    for (const { indicator } of entries) {
      expect(TARGET_RULE_KINDS).toContain(indicator.rule.kind);
      if (indicator.rule.kind === 'direction_only') expect(indicator.rule.wording.length).toBeGreaterThan(0);
    }
  });

  it('孕产妇死亡率: ≤ 8.5 /10万, from goal 2 of 妇女与健康, judged on counts', () => {
    const { domain, indicator, plan } = byName('wuqing-women-2021-2025', '孕产妇死亡率');
    expect(domain.name).toBe('妇女与健康');
    expect(indicator.code).toBe('W1-03');
    expect(indicator.unit).toBe('/10万');
    expect(indicator.better).toBe('lower');
    expect(indicator.rule).toEqual({ kind: 'threshold', comparator: '<=', value: 8.5 });
    expect(indicator.source).toEqual({ kind: 'goal', number: 2 });
    expect(indicator.quote).toBe('孕产妇死亡率控制在8.5/10万以下');
    expect(indicator.counts).toEqual({ numerator: '孕产妇死亡数', denominator: '活产数', factor: 100000 });
    expect(indicator.floor).toBe(17.5);
    expect(describeIndicatorTarget(indicator, plan, catalog)).toBe('≤ 8.5/10万（控制在8.5/10万以下）');
  });

  it('孕产妇系统管理率: ≥ 90%, from inside measure 4', () => {
    const { indicator } = byName('wuqing-women-2021-2025', '孕产妇系统管理率');
    expect(indicator.rule).toEqual({ kind: 'threshold', comparator: '>=', value: 90 });
    expect(indicator.source).toEqual({ kind: 'measure', number: 4 });
    expect(indicator.quote).toBe('孕产妇系统管理率达到90%以上');
  });

  it('the three newborn screenings are three indicators, each ≥ 95%', () => {
    for (const name of ['新生儿苯丙酮尿症筛查率', '新生儿甲状腺功能减低症筛查率', '新生儿听力筛查率']) {
      const { domain, indicator } = byName('wuqing-children-2021-2025', name);
      expect(domain.name).toBe('儿童与健康');
      expect(indicator.rule).toEqual({ kind: 'threshold', comparator: '>=', value: 95 });
      expect(indicator.source).toEqual({ kind: 'measure', number: 5 });
      expect(indicator.quote).toContain(name);
    }
  });

  it('reads the other rule forms as the plan writes them', () => {
    const w = 'wuqing-women-2021-2025';
    const c = 'wuqing-children-2021-2025';
    const target = (planId: string, name: string) => {
      const e = byName(planId, name);
      return describeIndicatorTarget(e.indicator, e.plan, catalog);
    };
    expect(target(w, '适龄妇女宫颈癌人群筛查率')).toBe('≥ 70%（达到70%以上）');
    expect(target(w, '九年制义务教育巩固率')).toBe('保持 ≥ 99%（保持在99%以上）');
    expect(target(c, '儿童意外伤害死亡率')).toBe('较2020年下降20%');
    expect(target(c, '儿童青少年总体近视率')).toBe('每年降低1个百分点');
    expect(target(w, '适龄妇女乳腺癌人群筛查率')).toBe('逐步提高');
    expect(target(w, '党员代表大会中女代表比例')).toBe('不低于 中国共产党女党员比例');
    expect(target(c, '新生儿死亡率')).toBe('≤ 3.0‰（控制在3.0‰以下）');
    expect(target(c, '3岁以下儿童系统管理率')).toBe('> 90%（高于90%）');
    expect(target(c, '12岁儿童龋患率')).toBe('≤ 25%（控制在25%以下）');
    expect(byName(w, '配备女干部的区委、人大、政府、政协领导班子比例').indicator.rule.kind).toBe('count_per_body');
  });

  it('marks area where the plan counts per town; a gap between the sexes is one figure, not one per sex', () => {
    expect(byName('wuqing-children-2021-2025', '适龄儿童免疫规划疫苗接种率').indicator.disaggregations).toEqual([
      'area',
    ]);
    // A 男女…差距 per sex would ask the unit for a "women's gap" and a "men's gap" (and the 审核公式 would want the
    // gap between them).
    for (const gap of ['男女两性科学素质水平差距', '男女非农就业率差距', '男女收入差距', '男女两性家务劳动时间差距']) {
      expect(byName('wuqing-women-2021-2025', gap).indicator.disaggregations).toEqual([]);
    }
  });
});

describe('toCatalogJson', () => {
  it('has exactly the documented shape', () => {
    const json = toCatalogJson(catalog);
    expect(Object.keys(json)).toEqual(['plans', 'indicators']);
    const plan = json.plans[0];
    expect(Object.keys(plan ?? {})).toEqual(['id', 'title', 'domains']);
    expect(Object.keys(plan?.domains[0] ?? {})).toEqual(['name', 'goals', 'measures']);
    expect(plan?.domains[0]?.measures[0]).toEqual({
      number: 1,
      text: catalog.plans[0]?.domains[0]?.measures[0]?.text,
    });
    const first = json.indicators[0];
    expect(Object.keys(first ?? {})).toEqual([
      'code',
      'plan',
      'domain',
      'source',
      'name',
      'unit',
      'rule',
      'quote',
      'disaggregations',
    ]);
    expect(json.indicators).toHaveLength(entries.length);
    const maternal = json.indicators.find((i) => i.name === '孕产妇死亡率');
    expect(maternal).toMatchObject({ plan: 'wuqing-women-2021-2025', domain: '妇女与健康' });
  });

  it('fills the base year of relative targets from the plan', () => {
    const json = toCatalogJson(catalog);
    for (const i of json.indicators) {
      if (i.rule.kind === 'relative_to_base') expect(i.rule.baseYear).toBe(2020);
    }
    expect(json.indicators.some((i) => i.rule.kind === 'relative_to_base')).toBe(true);
  });
});
