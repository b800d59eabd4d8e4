// SeriesStore: the fast path gives the object API's answer, and incremental updates keep roll-up counts exact.
import { describe, expect, it } from 'vitest';
import { assessIndicator, SeriesStore, statusName } from '../../src/core/assessment/index.ts';
import type { IndicatorSpec } from '../../src/core/assessment/types.ts';

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
