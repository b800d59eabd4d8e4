import { useCallback, useSyncExternalStore } from 'react';

// Values by row key that components subscribe to one row at a time. A form keeps its table's rows here instead of
// passing them down as props: a keystroke re-renders the cells of the rows it changed, and the table (hundreds of
// cells, an antd Table re-rendering all of them on any change of its props) is left alone.

export interface RowStore<T> {
  get(key: string): T | undefined;
  /** Takes the rows of this render. Read at once by what renders now; the others hear of it in notify(). */
  set(rows: ReadonlyMap<string, T>): void;
  /** Tells the subscribers of each row whose value is not the one they were last told of (after the commit). */
  notify(): void;
  subscribe(key: string, listener: () => void): () => void;
}

export function createRowStore<T>(): RowStore<T> {
  let current: ReadonlyMap<string, T> = new Map();
  let told: ReadonlyMap<string, T> = current;
  const listeners = new Map<string, Set<() => void>>();
  return {
    get: (key) => current.get(key),
    set(rows) {
      current = rows;
    },
    notify() {
      const before = told;
      told = current;
      for (const [key, set] of listeners) if (current.get(key) !== before.get(key)) for (const l of set) l();
    },
    subscribe(key, listener) {
      const set = listeners.get(key) ?? new Set();
      set.add(listener);
      listeners.set(key, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
      };
    },
  };
}

/** The value of one row, re-rendering the caller when (and only when) it changes. */
export function useRow<T>(store: RowStore<T>, key: string): T | undefined {
  const subscribe = useCallback((listener: () => void) => store.subscribe(key, listener), [store, key]);
  return useSyncExternalStore(subscribe, () => store.get(key));
}
