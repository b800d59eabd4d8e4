// Exact (Garwood) Poisson confidence interval for an event count, for small-number rates (METHODOLOGY.md §G).
// lower = Γ⁻¹(α/2; k), upper = Γ⁻¹(1 − α/2; k + 1), i.e. χ²(α/2, 2k)/2 and χ²(1 − α/2, 2k + 2)/2.
// Pure: the regularized incomplete gamma function (series / continued fraction, Numerical Recipes §6.2)
// and its inverse by bisection, accurate to ~1e-12.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(a) for a > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function lnGamma(a: number): number {
  if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - lnGamma(1 - a);
  const z = a - 1;
  let s = LANCZOS[0] as number;
  for (let i = 1; i < 9; i++) s += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Regularized lower incomplete gamma P(a, x) = γ(a, x)/Γ(a), a > 0, x ≥ 0. */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lnPre = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    // Series: P = e^{−x} x^a / Γ(a+1) · Σ x^n / ((a+1)…(a+n)).
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return sum * Math.exp(lnPre);
  }
  // Continued fraction for Q = 1 − P (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 - Math.exp(lnPre) * h;
}

/** x such that P(a, x) = p (the gamma quantile with scale 1), by bisection. */
export function gammaQuantile(p: number, a: number): number {
  let lo = 0;
  let hi = Math.max(1, a);
  while (gammaP(a, hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (gammaP(a, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Exact two-sided (1 − alpha) interval for the mean of a Poisson count k (k = 3 → [0.619, 8.767]). */
export function poissonInterval(k: number, alpha = 0.05): [number, number] {
  const lower = k === 0 ? 0 : gammaQuantile(alpha / 2, k);
  return [lower, gammaQuantile(1 - alpha / 2, k + 1)];
}

/** ln C(n, k) · p^k · (1 − p)^(n − k): the binomial log-probability. */
function binomialLogPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (p === 1) return k === n ? 0 : Number.NEGATIVE_INFINITY;
  return lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p);
}

/**
 * Exact two-sided binomial test of k successes in n trials with probability p: the total probability of every
 * outcome no more likely than k (as R's binom.test, with its relative tolerance 1 + 1e-7). n = 0 gives 1.
 */
export function binomialTwoSidedP(k: number, n: number, p: number): number {
  if (n === 0) return 1;
  const observed = binomialLogPmf(k, n, p) + Math.log1p(1e-7);
  let total = 0;
  for (let i = 0; i <= n; i++) {
    const lp = binomialLogPmf(i, n, p);
    if (lp <= observed) total += Math.exp(lp);
  }
  return Math.min(1, total);
}
