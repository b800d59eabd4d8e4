// The catalog as plain JSON, the shape `tianping catalog --json` prints and other tools consume.
// Deliberately flat: indicators in one list, each naming its plan (id) and domain (name).

import type { TargetRule } from '../rules.ts';
import type { Catalog, Disaggregation, IndicatorEntry, SourceRef } from './types.ts';

export interface CatalogJson {
  plans: {
    id: string;
    title: string;
    domains: {
      name: string;
      goals: { number: number; text: string }[];
      measures: { number: number; text: string }[];
    }[];
  }[];
  indicators: {
    code: string;
    plan: string;
    domain: string;
    source: SourceRef;
    name: string;
    unit: string;
    rule: TargetRule;
    quote: string;
    disaggregations: Disaggregation[];
  }[];
}

/** Every indicator with its plan and domain, in catalog order. */
export function catalogIndicators(catalog: Catalog): IndicatorEntry[] {
  return catalog.plans.flatMap((plan) =>
    plan.domains.flatMap((domain) => domain.indicators.map((indicator) => ({ plan, domain, indicator }))),
  );
}

export function toCatalogJson(catalog: Catalog): CatalogJson {
  return {
    plans: catalog.plans.map((plan) => ({
      id: plan.id,
      title: plan.title,
      domains: plan.domains.map((domain) => ({
        name: domain.name,
        goals: domain.goals.map((g) => ({ number: g.number, text: g.text })),
        measures: domain.measures.map((m) => ({ number: m.number, text: m.text })),
      })),
    })),
    indicators: catalogIndicators(catalog).map(({ plan, domain, indicator }) => ({
      code: indicator.code,
      plan: plan.id,
      domain: domain.name,
      source: { kind: indicator.source.kind, number: indicator.source.number },
      name: indicator.name,
      unit: indicator.unit,
      // A relative target means nothing without its base year: fill it from the plan when the file leaves it out.
      rule:
        indicator.rule.kind === 'relative_to_base'
          ? { ...indicator.rule, baseYear: indicator.rule.baseYear ?? plan.baseYear }
          : { ...indicator.rule },
      quote: indicator.quote,
      disaggregations: [...indicator.disaggregations],
    })),
  };
}
