// The comparators as the plan writes them (src/core/rules.ts): whether a value exactly at the target meets it decides
// 已达标 for every threshold indicator, so each wording is checked at, just above and just below its target.
import { describe, expect, it } from 'vitest';
import { type Comparator, compare } from '../../src/core/rules.ts';

describe('compare: the plan’s wording at the target', () => {
  const cases: [string, Comparator, [below: boolean, at: boolean, above: boolean]][] = [
    ['达到70%以上 / 不低于 / 不少于', '>=', [false, true, true]],
    ['高于', '>', [false, false, true]],
    ['控制在8.5/10万以下 / 以内 / 不高于', '<=', [true, true, false]],
    ['低于', '<', [true, false, false]],
  ];
  for (const [wording, comparator, [below, at, above]] of cases) {
    it(`${wording} (${comparator})`, () => {
      expect(compare(69.9, comparator, 70)).toBe(below);
      expect(compare(70, comparator, 70)).toBe(at);
      expect(compare(70.1, comparator, 70)).toBe(above);
    });
  }
});
