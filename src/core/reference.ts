// 对比数据 (reference values): the 天津市 and 全国 figures a district's value is compared with. Pure data and checks,
// shared by the database schema, the server, the narrative and the web app.
import { roundTo } from './assessment/compile.ts';
import { num } from './assessment/format.ts';

export const REFERENCE_SCOPES = ['tianjin', 'national'] as const;
/** Stored as a stable code; shown in Chinese (REFERENCE_SCOPE_LABELS). */
export type ReferenceScope = (typeof REFERENCE_SCOPES)[number];

export const REFERENCE_SCOPE_LABELS: Record<ReferenceScope, string> = { tianjin: '天津市', national: '全国' };

/** A reference figure as the reports and pages read it. */
export interface ReferenceFigure {
  scope: ReferenceScope;
  year: number;
  value: number;
  /** The publication it was taken from, e.g. 《2024年天津市妇女儿童发展规划统计监测报告》 */
  source: string;
}

export const MAX_SOURCE_LENGTH = 200;

/** What a reference value must satisfy, as the indicator it compares with states it. */
export interface ReferenceRules {
  unit: string;
  precision: number;
  /** The statistic's natural range ([0, 100] for %); null is open. */
  limits: readonly [number | null, number | null];
}

/**
 * The value as stored: rounded to the indicator's published decimals (四舍五入, as the assessment rounds). Refused
 * with a Chinese message when it cannot be a value of the statistic (outside its natural range).
 */
export function checkReferenceValue(
  value: number,
  rules: ReferenceRules,
): { ok: true; value: number } | { ok: false; message: string } {
  if (!Number.isFinite(value)) return { ok: false, message: '应为数字' };
  const rounded = roundTo(value, 10 ** rules.precision);
  const [min, max] = rules.limits;
  const shown = `${num(rounded, rules.precision)}${rules.unit}`;
  if (min !== null && rounded < min) {
    return { ok: false, message: `${shown}小于该指标可能的最小值 ${min}${rules.unit}` };
  }
  if (max !== null && rounded > max) {
    return { ok: false, message: `${shown}大于该指标可能的最大值 ${max}${rules.unit}` };
  }
  return { ok: true, value: rounded };
}

/** 天津市 and 全国 as chart lines over the given years (null where no figure is recorded). */
export function referenceSeries(
  years: readonly number[],
  figures: readonly ReferenceFigure[],
): { name: string; values: (number | null)[] }[] {
  return REFERENCE_SCOPES.map((scope) => ({
    name: REFERENCE_SCOPE_LABELS[scope],
    values: years.map((y) => figures.find((f) => f.scope === scope && f.year === y)?.value ?? null),
  }));
}
