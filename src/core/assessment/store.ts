// SeriesStore: every series of a monitoring system (indicator × area × sex) in flat typed arrays, assessed by
// the same kernel as assessIndicator. One changed value re-assesses one series and adjusts its roll-up counts.

import { toResult } from './assess.ts';
import { FLUCTUATION_BITS, S, STATUS_COUNT } from './codes.ts';
import { type CompiledRule, compileRule, Kind } from './compile.ts';
import { assessSeries, KernelOut } from './kernel.ts';
import type { AssessmentResult, IndicatorSpec } from './types.ts';

export interface StoreShape {
  indicators: readonly IndicatorSpec[];
  areas: number;
  sexes: number;
  /** Years held for every series, firstYear..lastYear (each indicator still judges only its base..target years). */
  firstYear: number;
  lastYear: number;
}

/** Bits of SeriesStore.warning. */
export const WARN_DIFFICULT = 1;
export const WARN_VOLATILE = 2;

export class SeriesStore {
  readonly indicators: readonly IndicatorSpec[];
  readonly areas: number;
  readonly sexes: number;
  readonly years: Float64Array;
  readonly seriesCount: number;
  /** Value of series s in year years[j] at values[s × years.length + j]; NaN = missing. */
  readonly values: Float64Array;
  references: Float64Array | null = null;
  numerators: Float64Array | null = null;
  denominators: Float64Array | null = null;

  // Results per series: status / difficulty codes (codes.ts), met (−1/0/1), flag bits, warning bits, figures.
  readonly status: Uint8Array;
  readonly difficulty: Uint8Array;
  readonly met: Int8Array;
  readonly flags: Uint8Array;
  readonly warning: Uint8Array;
  readonly apr: Float64Array;
  readonly projected: Float64Array;
  readonly slope: Float64Array;
  /** Status counts per indicator (indicator × STATUS_COUNT) and per area over numeric-target indicators. */
  readonly countsByIndicator: Int32Array;
  readonly countsByArea: Int32Array;

  private readonly rules: CompiledRule[];
  private readonly out = new KernelOut();

  constructor(shape: StoreShape) {
    this.indicators = shape.indicators;
    this.areas = shape.areas;
    this.sexes = shape.sexes;
    const yearCount = shape.lastYear - shape.firstYear + 1;
    this.years = Float64Array.from({ length: yearCount }, (_, j) => shape.firstYear + j);
    this.rules = shape.indicators.map(compileRule);
    const count = shape.indicators.length * shape.areas * shape.sexes;
    this.seriesCount = count;
    this.values = new Float64Array(count * yearCount).fill(Number.NaN);
    this.status = new Uint8Array(count);
    this.difficulty = new Uint8Array(count);
    this.met = new Int8Array(count).fill(-1);
    this.flags = new Uint8Array(count);
    this.warning = new Uint8Array(count);
    this.apr = new Float64Array(count).fill(Number.NaN);
    this.projected = new Float64Array(count).fill(Number.NaN);
    this.slope = new Float64Array(count).fill(Number.NaN);
    this.countsByIndicator = new Int32Array(shape.indicators.length * STATUS_COUNT);
    this.countsByArea = new Int32Array(shape.areas * STATUS_COUNT);
    // Every series starts as 无数据.
    this.recount();
  }

  seriesIndex(indicator: number, area: number, sex: number): number {
    return (indicator * this.areas + area) * this.sexes + sex;
  }

  /** Offset of (series, year) in the value arrays. */
  offset(series: number, year: number): number {
    const j = year - (this.years[0] as number);
    if (j < 0 || j >= this.years.length)
      throw new RangeError(`年份${year}不在${this.years[0]}—${this.years[this.years.length - 1]}之内`);
    return series * this.years.length + j;
  }

  /** Sets one value (null = delete) and re-assesses that series. */
  setValue(indicator: number, area: number, sex: number, year: number, value: number | null): void {
    const s = this.seriesIndex(indicator, area, sex);
    this.values[this.offset(s, year)] = value ?? Number.NaN;
    this.reassess(s);
  }

  setReference(indicator: number, area: number, sex: number, year: number, reference: number | null): void {
    const s = this.seriesIndex(indicator, area, sex);
    this.references ??= new Float64Array(this.values.length).fill(Number.NaN);
    this.references[this.offset(s, year)] = reference ?? Number.NaN;
    this.reassess(s);
  }

  setCounts(
    indicator: number,
    area: number,
    sex: number,
    year: number,
    numerator: number | null,
    denominator: number | null,
  ): void {
    const s = this.seriesIndex(indicator, area, sex);
    this.numerators ??= new Float64Array(this.values.length).fill(Number.NaN);
    this.denominators ??= new Float64Array(this.values.length).fill(Number.NaN);
    const at = this.offset(s, year);
    this.numerators[at] = numerator ?? Number.NaN;
    this.denominators[at] = denominator ?? Number.NaN;
    this.reassess(s);
  }

  /** Assesses every series (after a bulk load into `values`) and rebuilds the roll-up counts. */
  assessAll(): void {
    const perIndicator = this.areas * this.sexes;
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i] as CompiledRule;
      const end = (i + 1) * perIndicator;
      for (let s = i * perIndicator; s < end; s++) this.run(rule, s);
    }
    this.recount();
  }

  /** Re-assesses one series and moves it between status counts. */
  reassess(s: number): void {
    const indicator = Math.floor(s / (this.areas * this.sexes));
    const before = this.status[s] as number;
    this.run(this.rules[indicator] as CompiledRule, s);
    const after = this.status[s] as number;
    if (before === after) return;
    this.count(s, before, -1);
    this.count(s, after, 1);
  }

  /** The full readable result of one series. */
  result(indicator: number, area: number, sex: number, id = `${indicator}/${area}/${sex}`): AssessmentResult {
    const s = this.seriesIndex(indicator, area, sex);
    const rule = this.rules[indicator] as CompiledRule;
    this.assessInto(rule, s, this.out);
    const spec = this.indicators[indicator] as IndicatorSpec;
    return toResult({ id, precision: spec.precision, rule: spec.rule }, rule, this.out);
  }

  private assessInto(rule: CompiledRule, s: number, o: KernelOut): void {
    const len = this.years.length;
    assessSeries(rule, this.years, this.values, this.references, this.numerators, this.denominators, s * len, len, o);
  }

  private run(rule: CompiledRule, s: number): void {
    const o = this.out;
    this.assessInto(rule, s, o);
    this.status[s] = o.status;
    this.difficulty[s] = o.difficulty;
    this.met[s] = o.met;
    this.flags[s] = o.flags;
    this.warning[s] =
      (o.status === S.Difficult || o.projectedMiss ? WARN_DIFFICULT : 0) |
      (o.flags & FLUCTUATION_BITS ? WARN_VOLATILE : 0);
    this.apr[s] = o.apr;
    this.projected[s] = o.xhat;
    this.slope[s] = o.slope;
  }

  private count(s: number, status: number, delta: number): void {
    const indicator = Math.floor(s / (this.areas * this.sexes));
    const i = indicator * STATUS_COUNT + status;
    this.countsByIndicator[i] = (this.countsByIndicator[i] as number) + delta;
    if ((this.rules[indicator] as CompiledRule).kind === Kind.DirectionOnly) return;
    const area = Math.floor(s / this.sexes) % this.areas;
    const a = area * STATUS_COUNT + status;
    this.countsByArea[a] = (this.countsByArea[a] as number) + delta;
  }

  private recount(): void {
    this.countsByIndicator.fill(0);
    this.countsByArea.fill(0);
    for (let s = 0; s < this.seriesCount; s++) this.count(s, this.status[s] as number, 1);
  }
}
