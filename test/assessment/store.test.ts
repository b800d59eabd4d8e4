// SeriesStore: the fast path gives the object API's answer, and incremental updates keep roll-up counts exact.
import { describe, expect, it } from 'vitest';
import { STATUS_COUNT } from '../../src/core/assessment/codes.ts';
import {
  assessIndicator,
  difficultyName,
  SeriesStore,
  STATUSES,
  statusName,
  WARN_DIFFICULT,
  WARN_VOLATILE,
} from '../../src/core/assessment/index.ts';
import type { IndicatorSpec } from '../../src/core/assessment/types.ts';
import { PLAN } from './helpers.ts';

const specs: IndicatorSpec[] = [
  {
    baseYear: 2020,
    targetYear: 2025,
    better: 'lower',
    floor: 1,
    rule: { kind: 'threshold', comparator: '<=', value: 8.5 },
  },
  {
    baseYear: 2020,
    targetYear: 2025,
    better: 'higher',
    limits: [0, 100],
    rule: { kind: 'maintain', comparator: '>=', value: 95 },
  },
  { baseYear: 2020, targetYear: 2025, better: 'higher', rule: { kind: 'direction_only', wording: '逐步提高' } },
];

function filled(): SeriesStore {
  const store = new SeriesStore({ indicators: specs, areas: 4, sexes: 3, firstYear: 2020, lastYear: 2025 });
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let i = 0; i < store.values.length; i++)
    store.values[i] = random() < 0.1 ? Number.NaN : Math.round(random() * 1000) / 10;
  store.assessAll();
  return store;
}

describe('SeriesStore', () => {
  it('each series has the status assessIndicator gives', () => {
    const store = filled();
    for (let ind = 0; ind < specs.length; ind++) {
      for (let area = 0; area < 4; area++) {
        for (let sex = 0; sex < 3; sex++) {
          const s = store.seriesIndex(ind, area, sex);
          const series = [...store.years].map((year, j) => ({ year, value: store.values[s * 6 + j] as number }));
          const expected = assessIndicator({ id: 'x', ...(specs[ind] as IndicatorSpec), series });
          expect(statusName(store.status[s] as number)).toBe(expected.status);
          expect(store.result(ind, area, sex, 'x')).toEqual(expected);
        }
      }
    }
  });

  it('one changed value re-assesses its series and keeps the counts equal to a full recount', () => {
    const store = filled();
    store.setValue(0, 2, 1, 2024, 3);
    store.setValue(1, 0, 0, 2025, null);
    const incremental = Int32Array.from(store.countsByIndicator);
    const byArea = Int32Array.from(store.countsByArea);
    store.assessAll();
    expect(store.countsByIndicator).toEqual(incremental);
    expect(store.countsByArea).toEqual(byArea);
  });
});

// What pages and reports read from the store: the status counts of an indicator (达标 n 个区/性别…) and of an area
// (its numeric-target indicators only: a direction-only target has no 达标), and the per-series figures behind the
// warning lists. Each is checked against the readable result of the same series, counted independently.
const AREAS = 4;
const SEXES = 3;
const NUMERIC = [0, 1]; // specs[2] is direction-only

/** Series of 0–6 years from 2020 (so before, at and without the target year), values spread around the targets. */
function varied(): SeriesStore {
  const store = new SeriesStore({ indicators: specs, areas: AREAS, sexes: SEXES, firstYear: 2020, lastYear: 2025 });
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let s = 0; s < store.seriesCount; s++) {
    const years = Math.floor(random() * 7);
    const level = [5, 8, 11, 94, 97, 99][Math.floor(random() * 6)] as number;
    for (let j = 0; j < years; j++) store.values[s * 6 + j] = Math.round((level + (random() - 0.5) * 4) * 10) / 10;
  }
  store.assessAll();
  return store;
}

function tally(store: SeriesStore): { byIndicator: number[]; byArea: number[] } {
  const byIndicator = new Array<number>(specs.length * STATUS_COUNT).fill(0);
  const byArea = new Array<number>(AREAS * STATUS_COUNT).fill(0);
  for (let ind = 0; ind < specs.length; ind++) {
    for (let area = 0; area < AREAS; area++) {
      for (let sex = 0; sex < SEXES; sex++) {
        const code = STATUSES.indexOf(store.result(ind, area, sex).status);
        byIndicator[ind * STATUS_COUNT + code] = (byIndicator[ind * STATUS_COUNT + code] as number) + 1;
        if (NUMERIC.includes(ind))
          byArea[area * STATUS_COUNT + code] = (byArea[area * STATUS_COUNT + code] as number) + 1;
      }
    }
  }
  return { byIndicator, byArea };
}

describe('SeriesStore: what the pages read', () => {
  it('a new store counts every series as 无数据; by area only the numeric-target indicators', () => {
    const store = new SeriesStore({ indicators: specs, areas: AREAS, sexes: SEXES, firstYear: 2020, lastYear: 2025 });
    const noData = STATUSES.indexOf('无数据');
    for (let ind = 0; ind < specs.length; ind++) {
      for (let code = 0; code < STATUS_COUNT; code++)
        expect(store.countsByIndicator[ind * STATUS_COUNT + code]).toBe(code === noData ? AREAS * SEXES : 0);
    }
    for (let area = 0; area < AREAS; area++) {
      for (let code = 0; code < STATUS_COUNT; code++)
        expect(store.countsByArea[area * STATUS_COUNT + code]).toBe(code === noData ? NUMERIC.length * SEXES : 0);
    }
    expect(store.result(1, 3, 2)).toMatchObject({ id: '1/3/2', status: '无数据', year: null, value: null });
    expect([...store.met]).toEqual(new Array(store.seriesCount).fill(-1));
    expect([...store.apr, ...store.projected, ...store.slope].every(Number.isNaN)).toBe(true);
  });

  it('the status counts by indicator and by area are the tally of the readable results, also after edits', () => {
    const store = varied();
    const counted = tally(store);
    // Many statuses occur, differently in each area: a count in the wrong row or area would show.
    expect(counted.byIndicator.filter((k) => k > 0).length).toBeGreaterThan(12);
    const rows = [0, 1, 2, 3].map((a) => counted.byArea.slice(a * STATUS_COUNT, (a + 1) * STATUS_COUNT).join());
    expect(new Set(rows).size).toBe(AREAS);
    expect([...store.countsByIndicator]).toEqual(counted.byIndicator);
    expect([...store.countsByArea]).toEqual(counted.byArea);

    // Edits that move series between statuses, in several areas and sexes, one of them direction-only.
    const before = store.result(0, 3, 2).status;
    store.setValue(0, 3, 2, 2025, 0.5); // ≤ 8.5 in the target year: met
    expect(store.result(0, 3, 2).status).toBe('已达标');
    expect(before).not.toBe('已达标');
    for (const year of [2020, 2021, 2022, 2023, 2024, 2025]) store.setValue(1, 1, 0, year, null);
    expect(store.result(1, 1, 0).status).toBe('无数据');
    store.setValue(2, 2, 1, 2025, 1000); // a last-year rise of a higher-is-better direction
    store.setValue(1, 2, 2, 2024, 99);
    const recounted = tally(store);
    expect([...store.countsByIndicator]).toEqual(recounted.byIndicator);
    expect([...store.countsByArea]).toEqual(recounted.byArea);
    expect(recounted).not.toEqual(counted);
  });

  it('per series: met, APR, projection, slope, difficulty, flags and warnings are those of the readable result', () => {
    const store = varied();
    const seen = { difficult: 0, volatile: 0, apr: 0, met: 0, notMet: 0 };
    for (let ind = 0; ind < specs.length; ind++) {
      for (let area = 0; area < AREAS; area++) {
        for (let sex = 0; sex < SEXES; sex++) {
          const s = store.seriesIndex(ind, area, sex);
          const r = store.result(ind, area, sex);
          expect(store.met[s]).toBe(r.met === null ? -1 : r.met ? 1 : 0);
          expect(nullable(store.apr[s] as number)).toBe(r.apr);
          expect(nullable(store.projected[s] as number)).toBe(r.projection?.value ?? null);
          // The slope is kept at the target year too, where nothing is projected any more.
          if (r.projection) expect(store.slope[s]).toBe(r.projection.slope);
          else if (r.n < 2) expect(store.slope[s]).toBeNaN();
          expect(difficultyName(store.difficulty[s] as number)).toBe(r.difficulty);
          const kinds = r.warning?.kinds ?? [];
          const bits = store.warning[s] as number;
          expect(Boolean(bits & WARN_DIFFICULT)).toBe(kinds.includes('预计达标困难'));
          expect(Boolean(bits & WARN_VOLATILE)).toBe(kinds.includes('波动较大'));
          expect(store.flags[s] === 0).toBe(r.flags.length === 0);
          if (bits & WARN_DIFFICULT) seen.difficult++;
          if (bits & WARN_VOLATILE) seen.volatile++;
          if (r.apr !== null) seen.apr++;
          if (r.met === true) seen.met++;
          if (r.met === false) seen.notMet++;
        }
      }
    }
    // The data reach every kind of figure, or the comparison above would prove little.
    for (const k of Object.values(seen)) expect(k).toBeGreaterThan(0);
  });

  it('a 预计达标困难 warning without that status: a maintain target met now but projected to fall below it', () => {
    const store = new SeriesStore({ indicators: specs, areas: 1, sexes: 1, firstYear: 2020, lastYear: 2025 });
    for (const [j, v] of [99, 98, 97, 96].entries()) store.setValue(1, 0, 0, 2020 + j, v);
    const r = store.result(1, 0, 0);
    expect(r.status).toBe('已达标（有回落风险）');
    expect(r.warning?.kinds).toEqual(['预计达标困难']);
    expect(store.warning[store.seriesIndex(1, 0, 0)]).toBe(WARN_DIFFICULT);
  });

  it('a year outside the store is refused in Chinese, never written into the neighbouring series', () => {
    const store = new SeriesStore({ indicators: specs, areas: 2, sexes: 1, firstYear: 2020, lastYear: 2025 });
    expect(() => store.setValue(0, 0, 0, 2026, 5)).toThrow(new RangeError('年份2026不在2020—2025之内'));
    expect(() => store.setValue(0, 1, 0, 2019, 5)).toThrow(new RangeError('年份2019不在2020—2025之内'));
    expect(() => store.setReference(0, 0, 0, 2026, 5)).toThrow(RangeError);
    expect(() => store.setCounts(0, 0, 0, 2026, 1, 2)).toThrow(RangeError);
    expect(store.result(0, 1, 0).status).toBe('无数据');
    expect(store.result(0, 0, 0).status).toBe('无数据');
    // The first and last years are inside.
    store.setValue(0, 1, 0, 2020, 9);
    store.setValue(0, 1, 0, 2025, 8);
    expect(store.result(0, 1, 0)).toMatchObject({ baseYearUsed: 2020, year: 2025, value: 8, status: '已达标' });
    expect(store.result(0, 0, 0).status).toBe('无数据');
  });

  it('a relational target judged on the references set per year, as assessIndicator judges it', () => {
    const relational: IndicatorSpec = {
      ...PLAN,
      better: 'higher',
      limits: [0, 100],
      rule: { kind: 'relational', comparator: '>=', reference: '女党员比例' },
    };
    const store = new SeriesStore({ indicators: [relational], areas: 1, sexes: 2, firstYear: 2020, lastYear: 2025 });
    const values = [30, 31, 33, 34];
    const refs = [32, 32, 32.5, 33];
    values.forEach((v, j) => {
      store.setValue(0, 0, 1, 2020 + j, v);
      // Without its reference a year does not count for a relational target.
      expect(store.result(0, 0, 1).status).toBe('无数据');
    });
    refs.forEach((ref, j) => {
      store.setReference(0, 0, 1, 2020 + j, ref);
    });
    const expected = assessIndicator({
      id: 'r',
      ...relational,
      series: values.map((value, j) => ({ year: 2020 + j, value, reference: refs[j] as number })),
    });
    expect(store.result(0, 0, 1, 'r')).toEqual(expected);
    expect(expected.met).toBe(true);
    expect(statusName(store.status[1] as number)).toBe(expected.status);
    expect(store.result(0, 0, 0).status).toBe('无数据');
    // Deleting a reference drops that year again.
    store.setReference(0, 0, 1, 2023, null);
    expect(store.result(0, 0, 1)).toMatchObject({ year: 2022, value: 33 });
  });

  it('a rare-event rate given by its counts, as assessIndicator judges it (pooled, 小数波动)', () => {
    const rate: IndicatorSpec = {
      ...PLAN,
      better: 'lower',
      factor: 100000,
      rule: { kind: 'threshold', comparator: '<=', value: 8.5 },
    };
    const store = new SeriesStore({ indicators: [rate], areas: 2, sexes: 1, firstYear: 2020, lastYear: 2025 });
    const deaths = [1, 0, 2, 0, 1];
    const births = 12000;
    deaths.forEach((k, j) => {
      store.setCounts(0, 1, 0, 2020 + j, k, births);
    });
    const expected = assessIndicator({
      id: 'm',
      ...rate,
      series: deaths.map((k, j) => ({ year: 2020 + j, value: null, numerator: k, denominator: births })),
    });
    expect(expected.flags.map((f) => f.kind)).toContain('small_numbers');
    expect(store.result(0, 1, 0, 'm')).toEqual(expected);
    // One indicator: its row counts area 0 as 无数据 and area 1 under its status; each area's row one series.
    const code = STATUSES.indexOf(expected.status);
    expect(store.countsByIndicator[0]).toBe(1);
    expect(store.countsByIndicator[code]).toBe(1);
    expect(store.countsByArea[0]).toBe(1);
    expect(store.countsByArea[STATUS_COUNT + code]).toBe(1);
    // Deleting the counts of every year leaves no data.
    deaths.forEach((_, j) => {
      store.setCounts(0, 1, 0, 2020 + j, null, null);
    });
    expect(store.result(0, 1, 0).status).toBe('无数据');
    expect(store.countsByIndicator[0]).toBe(2);
  });

  it('years held outside an indicator’s base..target are ignored for it', () => {
    const store = new SeriesStore({ indicators: specs, areas: 1, sexes: 1, firstYear: 2018, lastYear: 2027 });
    expect(store.years.length).toBe(10);
    store.setValue(0, 0, 0, 2018, 1);
    store.setValue(0, 0, 0, 2027, 1);
    expect(store.result(0, 0, 0).status).toBe('无数据');
    store.setValue(0, 0, 0, 2021, 9);
    store.setValue(0, 0, 0, 2022, 8.9);
    expect(store.result(0, 0, 0)).toMatchObject({ baseYearUsed: 2021, year: 2022, n: 2 });
  });
});

function nullable(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}
