// Right after a save answers, the entry form knows what is saved: the rows are no longer dirty and the next save
// (a 提交 clicked before the reload arrives) sends the new versions — not the old ones, which the server would
// answer as a conflict with the save just made.
import { describe, expect, it } from 'vitest';
import type { TaskItem, ValueRow } from '../../src/features/collection/contract.ts';
import {
  type Draft,
  draftOf,
  type EntryRow,
  inputOf,
  locallySaved,
  sameDraft,
} from '../../web/src/features/collection/entryModel.ts';

const item = { indicator: { id: 7, counts: null }, areaId: null } as unknown as TaskItem;
const row: EntryRow = { key: '7|2025|0|total', item, year: 2025, sex: 'total', span: 1, yearSpan: 1 };
const typed: Draft = {
  value: 98.6,
  numerator: null,
  denominator: null,
  source: ' 区教育局年报 ',
  caliberNote: '',
  comment: '',
  explanation: '',
};

describe('the entry form after a save', () => {
  it('a new row: saved as typed, with the id and version the server gave', () => {
    const saved = locallySaved(undefined, row, typed, { id: 41, version: 1 });
    expect(sameDraft(typed, draftOf(saved))).toBe(true);
    expect(saved).toMatchObject({
      id: 41,
      version: 1,
      indicatorId: 7,
      year: 2025,
      sex: 'total',
      source: '区教育局年报',
    });
    expect(inputOf(row, typed, saved).expectedVersion).toBe(1);
  });

  it('a changed row: keeps what the form knew and moves to the new version', () => {
    const before = { ...locallySaved(undefined, row, typed, { id: 41, version: 3 }), locked: false, unitId: 5 };
    const changed = { ...typed, value: 99.1 };
    const saved = locallySaved(before as ValueRow, row, changed, { id: 41, version: 4 });
    expect(saved).toMatchObject({ version: 4, value: 99.1, unitId: 5 });
    expect(sameDraft(changed, draftOf(saved))).toBe(true);
    expect(inputOf(row, changed, saved).expectedVersion).toBe(4);
  });
});
