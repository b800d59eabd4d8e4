// One computation per question for everyone asking at once (the analysis pages, the catalog an analysis reads).
import { describe, expect, it } from 'vitest';
import { sharedPromise } from '../../src/kernel/shared-promise.ts';

describe('sharedPromise', () => {
  it('gives concurrent callers one computation and forgets a failed one', async () => {
    const cache = new Map<string, Promise<number>>();
    let runs = 0;
    const load = async () => ++runs;
    const [a, b] = await Promise.all([sharedPromise(cache, 'k', 4, load), sharedPromise(cache, 'k', 4, load)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    await expect(sharedPromise(cache, 'bad', 4, () => Promise.reject(new Error('断开')))).rejects.toThrow('断开');
    expect(cache.has('bad')).toBe(false);
    expect(await sharedPromise(cache, 'bad', 4, load)).toBe(2);
  });

  it('drops the oldest entry past the limit', async () => {
    const cache = new Map<string, Promise<string>>();
    for (const k of ['a', 'b', 'c']) await sharedPromise(cache, k, 2, async () => k);
    expect([...cache.keys()]).toEqual(['b', 'c']);
  });
});
