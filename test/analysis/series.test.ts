// How an indicator's values are found before it is judged (compute.ts shareSeries), on the towns' aggregated values:
// a linked indicator (sameAs) reads its owner's towns; a successor (lineage) gets its predecessor's base-year towns
// wherever it has none of its own.
import { describe, expect, it } from 'vitest';
import { type Meta, shareSeries } from '../../src/features/analysis/compute.ts';
import type { RawValues, TownValues } from '../../src/features/analysis/raw-values.ts';

const block = (indicatorId: number, year: number, locked: boolean, towns: [number, number | null][]): TownValues => ({
  indicatorId,
  year,
  locked,
  isDemo: false,
  areaIds: towns.map(([a]) => a),
  values: towns.map(([, v]) => v),
});
// Only what shareSeries reads of the catalog.
const meta = (m: Pick<Meta, 'owners' | 'predecessors' | 'baseYear'>) => m as Meta;
const towns = (raw: RawValues, id: number) =>
  raw.towns
    .filter((b) => b.indicatorId === id)
    .flatMap((b) => b.areaIds.map((a, i) => [b.year, a, b.values[i], b.locked]))
    .sort();

describe('the towns of a continued or shared series', () => {
  it("gives a successor its predecessor's base-year towns it lacks, approved or not, and nothing of other years", () => {
    const raw: RawValues = {
      district: [],
      towns: [
        block(1, 2025, true, [
          [10, 1.5],
          [11, 2.5],
        ]),
        block(1, 2025, false, [[12, 3.5]]),
        block(1, 2024, true, [[10, 9]]),
        block(2, 2025, true, [[11, 7]]),
        block(2, 2026, false, [[10, 8]]),
      ],
    };
    const out = shareSeries(meta({ owners: new Map(), predecessors: new Map([[2, 1]]), baseYear: 2025 }), raw);
    expect(towns(out, 2)).toEqual(
      [
        [2025, 10, 1.5, true],
        [2025, 11, 7, true],
        [2025, 12, 3.5, false],
        [2026, 10, 8, false],
      ].sort(),
    );
    // The predecessor itself is the previous cycle's: not in this cycle's values.
    expect(towns(out, 1)).toEqual([]);
  });

  it("gives a linked indicator its owner's towns, never its own", () => {
    const raw: RawValues = {
      district: [],
      towns: [block(3, 2022, true, [[10, 4]]), block(4, 2022, true, [[10, 99]])],
    };
    const owners = new Map([[4, { id: 3, code: 'W1-01', planId: 'women' }]]);
    const out = shareSeries(meta({ owners, predecessors: new Map(), baseYear: 2020 }), raw);
    expect(towns(out, 4)).toEqual([[2022, 10, 4, true]]);
    expect(towns(out, 3)).toEqual([[2022, 10, 4, true]]);
  });
});
