// What a unit enters for one indicator, year, area and sex (填报), and the context the 审核公式 judge it in.
// Pure types shared by the server, the Excel upload, the demo generator and the web form.

export type Sex = 'total' | 'female' | 'male';

export const SEX_LABELS: Record<Sex, string> = { total: '合计', female: '女', male: '男' };

/** The numbers of one entry; null = not reported. */
export interface EntryNumbers {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

/** What the rules need to know of the indicator (a subset of the catalog's Indicator). */
export interface IndicatorFacts {
  code: string;
  name: string;
  unit: string;
  limits: [number | null, number | null];
  precision: number;
  counts?: { numerator: string; denominator: string; factor: number } | null;
}

/** One value being checked, with the same indicator's other values of the year and its earlier years. */
export interface EntryContext {
  indicator: IndicatorFacts;
  year: number;
  sex: Sex;
  entry: EntryNumbers;
  /** Values of earlier years for the same indicator, area and sex, newest last: [{year, value}]. */
  history: { year: number; value: number }[];
  /** For the total: the female and male values of the same year and area, when reported. */
  bySex?: { female: number | null; male: number | null };
}
