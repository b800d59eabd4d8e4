import type { AssessmentInput, SeriesPoint } from '../../src/core/assessment/types.ts';

/** Values from 2020 on; null = missing. */
export function series(values: readonly (number | null)[], from = 2020): SeriesPoint[] {
  return values.map((value, i) => ({ year: from + i, value }));
}

export const PLAN = { baseYear: 2020, targetYear: 2025 } as const;

export function input(
  partial: Partial<AssessmentInput> & Pick<AssessmentInput, 'rule' | 'better' | 'series'>,
): AssessmentInput {
  return { id: 'x', ...PLAN, ...partial };
}
