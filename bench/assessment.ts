// Benchmark of the assessment engine at national scale: 3,000 areas × 160 indicators × 3 sexes × 2020–2025
// (≈ 8.6 M values, 1.44 M series of 6 points), deterministic (seeded PRNG). Times a full re-assessment beside a
// plain typed-array scan of the same values, and one incremental re-assessment after a single value change.
// Best of 3 runs each. Run: npx tsx bench/assessment.ts
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { SeriesStore } from '../src/core/assessment/store.ts';
import type { IndicatorSpec } from '../src/core/assessment/types.ts';

const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const AREAS = 3000;
const INDICATORS = 160;
const SEXES = 3;
const FIRST_YEAR = 2020;
const LAST_YEAR = 2025;
const RUNS = 3;

/** mulberry32: a small, fast, seeded PRNG so every run generates the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A mix of the plan's rule kinds, all on percentages (0–100). */
function indicatorSpecs(random: () => number): IndicatorSpec[] {
  const common = { baseYear: FIRST_YEAR, targetYear: LAST_YEAR, limits: [0, 100] as const, precision: 1, floor: 1 };
  return Array.from({ length: INDICATORS }, (_, i): IndicatorSpec => {
    const higher = random() < 0.7;
    const better = higher ? 'higher' : 'lower';
    const value = Math.round((higher ? 60 + random() * 35 : 2 + random() * 20) * 10) / 10;
    switch (i % 6) {
      case 0:
      case 1:
      case 2:
        return { ...common, better, rule: { kind: 'threshold', comparator: higher ? '>=' : '<=', value } };
      case 3:
        return { ...common, better, rule: { kind: 'maintain', comparator: higher ? '>=' : '<=', value } };
      case 4:
        return { ...common, better, rule: { kind: 'relative_to_base', percent: 10 + Math.floor(random() * 20) } };
      default:
        return { ...common, better, rule: { kind: 'direction_only', wording: higher ? '逐步提高' : '逐步下降' } };
    }
  });
}

function generate(): SeriesStore {
  const random = prng(20210101);
  const store = new SeriesStore({
    indicators: indicatorSpecs(random),
    areas: AREAS,
    sexes: SEXES,
    firstYear: FIRST_YEAR,
    lastYear: LAST_YEAR,
  });
  const years = LAST_YEAR - FIRST_YEAR + 1;
  const values = store.values;
  for (let s = 0; s < store.seriesCount; s++) {
    const start = 5 + random() * 90;
    const trend = (random() - 0.4) * 4;
    const noise = random() * 3;
    for (let j = 0; j < years; j++) {
      // About 3% of values missing, as in real reporting.
      const v = random() < 0.03 ? Number.NaN : start + trend * j + (random() - 0.5) * 2 * noise;
      values[s * years + j] = Math.min(100, Math.max(0, Math.round(v * 10) / 10));
    }
  }
  return store;
}

/** The floor of any per-value work: one pass computing sum, min and max, skipping missing values. */
function scan(values: Float64Array): number {
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    // biome-ignore lint/suspicious/noSelfCompare: the fastest NaN test; the baseline must be the fastest plain scan.
    if (v !== v) continue;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return sum + min + max;
}

function bestOf(runs: number, fn: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export async function benchAssessment(): Promise<{ lines: string[] }> {
  const store = generate();
  let sink = 0;
  // Warm both paths first so each is timed as optimized code, not as on-stack-replacement of a cold loop.
  for (let i = 0; i < 3; i++) sink += scan(store.values);
  store.assessAll();
  const scanMs = bestOf(RUNS, () => {
    sink += scan(store.values);
  });
  const fullMs = bestOf(RUNS, () => store.assessAll());
  // Incremental: change one value, re-assess its series and roll-up counts (best of 3 different changes).
  const random = prng(7);
  const incrementalMs = bestOf(RUNS, () => {
    const indicator = Math.floor(random() * INDICATORS);
    const area = Math.floor(random() * AREAS);
    store.setValue(indicator, area, 0, LAST_YEAR - 1, Math.round(random() * 1000) / 10);
  });
  const n = store.values.length;
  return {
    lines: [
      `assessment: ${store.seriesCount.toLocaleString('en')} series, ${n.toLocaleString('en')} values (${AREAS} areas × ${INDICATORS} indicators × ${SEXES} sexes × ${store.years.length} years)`,
      `  full re-assessment   ${fullMs.toFixed(1)} ms (best of ${RUNS})`,
      `  typed-array scan     ${scanMs.toFixed(1)} ms (best of ${RUNS}; checksum ${sink.toFixed(0)})`,
      `  ratio full / scan    ${(fullMs / scanMs).toFixed(1)}× (budget ≤ 20×; full budget ≤ 2000 ms)`,
      `  incremental (1 value) ${incrementalMs.toFixed(3)} ms (best of ${RUNS}; budget ≤ 10 ms)`,
      `  load average ${loadNow()} (other work on the machine slows every figure)`,
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { lines } = await benchAssessment();
  for (const line of lines) console.log(line);
}
