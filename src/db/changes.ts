import type { Db } from './connection.ts';

// A few reads are asked on every request and change rarely: the session behind a cookie, the settings, the
// analysis version. Asking the database each time was most of a dashboard request's cost (issue 16: four queries
// of ≈ 1 ms on PGlite for a page whose analysis is already in memory). They are kept in memory under a change
// clock instead, which moves on every change notice (migration 0015: any write to the tables those reads come from,
// by this server, another instance, the CLI or plain SQL, notifies at commit). A read remembered at one tick is
// used only while the clock still shows that tick, so it is never older than the last notice received.
// When the notices may be missed (PostgreSQL's listening connection is down) the clock is unsure and every read
// goes to the database.

export const CHANGE_CHANNEL = 'tianping_change';

export class ChangeClock {
  #tick = 0;
  #sure = true;

  /** The current tick; while unsure, a new one at every call, so nothing remembered is ever used. */
  now(): number {
    return this.#sure ? this.#tick : ++this.#tick;
  }

  /** Something changed (a notice arrived, or this server wrote and will not wait for its own notice). */
  tick(): void {
    this.#tick++;
  }

  /** Notices may be missed from now on (false) or arrive again (true, after listening has resumed). */
  setSure(sure: boolean): void {
    this.#sure = sure;
    this.#tick++;
  }
}

/** Past this many keys (one per signed-in session), those of earlier ticks are dropped. */
const MAX_REMEMBERED = 1000;

const clocks = new WeakMap<Db, ChangeClock>();
const remembered = new WeakMap<ChangeClock, Map<string, { tick: number; value: Promise<unknown> }>>();

export function attachClock(db: Db, clock: ChangeClock): void {
  clocks.set(db, clock);
  remembered.set(clock, new Map());
}

/** The clock of a database handle; none for a transaction's handle (its reads must see its own writes). */
export function clockOf(db: Db): ChangeClock | undefined {
  return clocks.get(db);
}

/** This server wrote to a table of migration 0015 and reads it back before the notice can have arrived. */
export function noteChange(db: Db): void {
  clocks.get(db)?.tick();
}

/**
 * `load()`, remembered under `key` until the next change notice. Only for reads of the tables of migration 0015.
 * Concurrent callers share one query; a failed read is not remembered. The value is shared: callers must not
 * change it.
 */
export function rememberedRead<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  const clock = clocks.get(db);
  if (!clock) return load();
  const store = remembered.get(clock) as Map<string, { tick: number; value: Promise<unknown> }>;
  const tick = clock.now();
  const hit = store.get(key);
  if (hit && hit.tick === tick) return hit.value as Promise<T>;
  if (store.size >= MAX_REMEMBERED) {
    for (const [k, entry] of store) if (entry.tick !== tick) store.delete(k);
  }
  const value = load();
  store.set(key, { tick, value });
  value.catch(() => {
    if (store.get(key)?.value === value) store.delete(key);
  });
  return value;
}
