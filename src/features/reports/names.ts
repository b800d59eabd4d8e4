// Small pure helpers the report builders share: the report kind's finality, the plans' joint name, domain order.
import type { ReportKind } from '../../core/reports.ts';
import type { ReportContext } from './generate.ts';

export const isFinal = (kind: ReportKind) => kind === 'final_monitoring' || kind === 'final_evaluation';

/**
 * The plans' joint name as the issuing notice writes it: 天津市示范区妇女发展“十四五”规划 and 天津市示范区儿童发展“十四五”规划
 * → 天津市示范区妇女和儿童发展“十四五”规划 (common beginning and end kept, the parts that differ joined by 和).
 */
export function jointTitle(titles: readonly string[]): string {
  if (titles.length === 1) return titles[0]!;
  let head = 0;
  while (titles.every((t) => t[head] === titles[0]![head] && head < t.length)) head++;
  let tail = 0;
  while (titles.every((t) => t.length - tail > head && t.at(-1 - tail) === titles[0]!.at(-1 - tail))) tail++;
  const middles = titles.map((t) => t.slice(head, t.length - tail));
  if (middles.some((m) => !m)) return titles.join('、');
  return `${titles[0]!.slice(0, head)}${middles.join('和')}${titles[0]!.slice(titles[0]!.length - tail)}`;
}

/** Domains in the plans' order. */
export function domainsInOrder(ctx: ReportContext) {
  const planIndex = new Map(ctx.plans.map((p, i) => [p.id, i]));
  return [...ctx.analysis.byDomain].sort(
    (a, b) =>
      (planIndex.get(a.planId) ?? 0) - (planIndex.get(b.planId) ?? 0) ||
      a.domainCode.localeCompare(b.domainCode, 'en', { numeric: true }),
  );
}
