/**
 * The promise remembered in `cache` under `key`, or `load()` remembered there: concurrent callers share one
 * computation, a failed one is forgotten (the next caller tries again), and past `max` entries the oldest goes.
 * The value is shared: callers must not change it.
 */
export function sharedPromise<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  max: number,
  load: () => Promise<T>,
): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = load();
    if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}
