import type { ReportList } from '../../../../src/features/reports/contract.ts';

const COUNT_WORDS = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九'];

/** Scope 'both' means every plan of the cycle: 妇女、儿童两个规划 for a pair; the plan's own name when it is alone. */
export function allPlansLabel(plans: ReportList['plans'] = []): string {
  if (plans.length === 1) return (plans[0] as ReportList['plans'][number]).shortTitle;
  if (plans.length === 0) return '全部规划';
  const names = plans.map((p) => p.shortTitle.replace(/(发展)?规划$/, ''));
  return `${names.join('、')}${COUNT_WORDS[plans.length] ?? plans.length}个规划`;
}

export const scopeOptions = (plans: ReportList['plans'] = []) => [
  { value: 'both', label: allPlansLabel(plans) },
  ...(plans.length > 1 ? plans.map((p) => ({ value: p.id, label: p.shortTitle })) : []),
];

/** 'both' or a plan id in words; plan ids read as 妇女发展规划 / 儿童发展规划 when the list is at hand. */
export const scopeLabel = (scope: string, plans: ReportList['plans'] = []) =>
  scope === 'both' ? allPlansLabel(plans) : (plans.find((p) => p.id === scope)?.shortTitle ?? scope);
