import { describe, expect, it } from 'vitest';
import { createRowStore } from '../../web/src/features/collection/rowStore.ts';

// The entry form's cells subscribe to their row: a keystroke must reach the cells of the rows it changed, and only
// those (the others not re-rendering is what keeps a 69-row form quick to type in).

describe('RowStore of the entry form', () => {
  it('tells, after the commit, the subscribers of the rows whose value changed, and no one else', () => {
    const store = createRowStore<{ v: number }>();
    const a1 = { v: 1 };
    const b1 = { v: 1 };
    store.set(
      new Map([
        ['a', a1],
        ['b', b1],
      ]),
    );
    store.notify();
    const told: string[] = [];
    store.subscribe('a', () => told.push('a'));
    store.subscribe('b', () => told.push('b'));

    const a2 = { v: 2 };
    store.set(
      new Map([
        ['a', a2],
        ['b', b1],
      ]),
    );
    expect(store.get('a')).toBe(a2); // what renders now reads the new value at once
    expect(told).toEqual([]); // the others hear of it only in notify()
    store.notify();
    expect(told).toEqual(['a']);
    store.notify();
    expect(told).toEqual(['a']); // told once
  });

  it('stops telling a subscriber that left', () => {
    const store = createRowStore<number>();
    let calls = 0;
    const leave = store.subscribe('a', () => calls++);
    leave();
    store.set(new Map([['a', 1]]));
    store.notify();
    expect(calls).toBe(0);
  });
});
