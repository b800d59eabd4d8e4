// Numeric codes the kernel writes into typed arrays; each indexes the Chinese vocabulary of types.ts.
import { DIFFICULTIES, type Difficulty, FINAL_CATEGORIES, type FinalCategory, STATUSES, type Status } from './types.ts';

/** Index into STATUSES. */
export const S = {
  NoData: 0,
  Insufficient: 1,
  Met: 2,
  MetEarly: 3,
  MetAtRisk: 4,
  OnTrack: 5,
  Difficult: 6,
  NotMet: 7,
  Improving: 8,
  ImprovingLastFell: 9,
  Unclear: 10,
} as const;
export const STATUS_COUNT = STATUSES.length;

/** 0 = none, else 1 + index into DIFFICULTIES. */
export const D = { None: 0, Accelerate: 1, Reverse: 2, NoDirection: 3 } as const;

/** Bit per flag kind. */
export const F = { Jump: 1, Band: 2, Zigzag: 4, AnnualStepMissed: 8, SmallNumbers: 16, SmallSample: 32 } as const;
export const FLUCTUATION_BITS = F.Jump | F.Band | F.Zigzag;

export function statusName(code: number): Status {
  return STATUSES[code] as Status;
}

export function difficultyName(code: number): Difficulty | null {
  return code === 0 ? null : (DIFFICULTIES[code - 1] as Difficulty);
}

/** 0 = none (not the target year), else 1 + index into FINAL_CATEGORIES. */
export const FC = {
  None: 0,
  Achieved: 1,
  Basically: 2,
  NotAchieved: 3,
  TrendGood: 4,
  TrendUnclear: 5,
  NoDirection: 6,
} as const;

export function finalCategoryName(code: number): FinalCategory | null {
  return code === 0 ? null : (FINAL_CATEGORIES[code - 1] as FinalCategory);
}
