import type { ReportList } from '../../../../src/features/reports/contract.ts';

export const BOTH = { value: 'both', label: '妇女、儿童两个规划' };

export const scopeOptions = (plans: ReportList['plans'] = []) => [
  BOTH,
  ...plans.map((p) => ({ value: p.id, label: p.shortTitle })),
];

/** 'both' or a plan id in words; plan ids read as 妇女发展规划 / 儿童发展规划 when the list is at hand. */
export const scopeLabel = (scope: string, plans: ReportList['plans'] = []) =>
  scope === 'both' ? BOTH.label : (plans.find((p) => p.id === scope)?.shortTitle ?? scope);
