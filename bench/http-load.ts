// A small loopback load loop (no extra dependency): N connections, each sending requests back to back for a
// while (Node's fetch keeps connections alive); latencies per request, p50/p95/p99 and throughput.

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export type Shot = () => Promise<boolean>;

export async function load(connections: number, seconds: number, shots: Shot[]): Promise<LoadResult[]> {
  const until = performance.now() + seconds * 1000;
  const latencies: number[][] = shots.map(() => []);
  const errors = shots.map(() => 0);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      const k = c % shots.length;
      while (performance.now() < until) {
        const t0 = performance.now();
        const ok = await (shots[k] as Shot)().catch(() => false);
        latencies[k]?.push(performance.now() - t0);
        if (!ok) errors[k] = (errors[k] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return latencies.map((list, k) => {
    const sorted = Float64Array.from(list).sort();
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
    return {
      requests: list.length,
      errors: errors[k] ?? 0,
      perSecond: list.length / elapsed,
      p50: q(0.5),
      p95: q(0.95),
      p99: q(0.99),
    };
  });
}

export const fmt = (name: string, r: LoadResult) =>
  `${name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95
    .toFixed(1)
    .padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  errors ${r.errors}/${r.requests}`;
