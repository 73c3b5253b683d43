import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z ≤ 1.
 *
 * - 0 ≤ z ≤ 0.5: the power series, summed until the remaining tail is below machine precision.
 * - 0.5 < z < 1: the series where it converges within 2,000 terms without cancellation; beyond, it is too
 *   slow (ratio → z), and the argument is mapped to 1 − z < 0.5 by the connection formula (Abramowitz &
 *   Stegun 15.3.6). That formula has poles where c − a − b is
 *   an integer; there the limiting forms with digamma sums are used (A&S 15.3.10–12), and close to one
 *   the value is interpolated across it.
 * - z = 1: Gauss's theorem (only where c − a − b > 0; the series diverges otherwise).
 * - z < 0: Pfaff's transformation maps z to z / (z − 1) ∈ (0, 1).
 * - a or b a non-positive integer: a polynomial, summed directly for any z.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite)) throw new RangeError(`hyp2f1: non-finite argument (${a}, ${b}, ${c}, ${z})`);
  if (z > 1) throw new RangeError(`hyp2f1: z = ${z} is beyond 1 (the function is complex there)`);
  // The larger non-positive integer among a and b ends the polynomial; it must end before (c)ₙ reaches 0.
  const end = Math.max(isPole(a) ? a : -Infinity, isPole(b) ? b : -Infinity);
  const terminates = end > -Infinity;
  if (isPole(c) && !(end > c)) throw new RangeError(`hyp2f1: c = ${c} is a non-positive integer`);
  if (z === 0) return 1;
  if (terminates) return series(a, b, c, z);
  if (z < 0) {
    // (1 − z)^−a F(a, c − b; c; z/(z − 1)), or the same with a and b swapped: the smaller exponent overflows least.
    const [p, q] = Math.abs(a) <= Math.abs(b) ? [a, b] : [b, a];
    return Math.pow(1 - z, -p) * hyp2f1(p, c - q, c, z / (z - 1));
  }
  if (z <= 0.5) return series(a, b, c, z);
  if (z === 1) {
    if (c - a - b <= 0) throw new RangeError(`hyp2f1: diverges at z = 1 when c − a − b = ${c - a - b} ≤ 0`);
    return gammaRatio([c, c - a - b], [c - a, c - b]);
  }
  // The series still converges here, only more slowly (ratio → z); where it does so within a budget, and
  // without cancellation, it is the most accurate — as when c is large against a·b, which the transformation
  // below handles badly (its own series then have huge parameters).
  const direct = trySeries(a, b, c, z, DIRECT_BUDGET);
  if (direct !== null) return direct;
  const m = c - a - b;
  const k = Math.round(m);
  if (m === k) return atIntegerGap(a, b, k, z);
  if (Math.abs(m - k) >= NEAR_INTEGER) return connection(a, b, c, z);
  // Near an integer gap the connection formula's gammas approach their poles and cancel: a parabola through
  // the exact value at the integer and the formula's values a safe distance either side (analytic in c).
  const h = NEAR_INTEGER;
  const below = connection(a, b, a + b + k - h, z);
  const at = atIntegerGap(a, b, k, z);
  const above = connection(a, b, a + b + k + h, z);
  const u = (m - k) / h;
  return at + (u * (above - below)) / 2 + (u * u * (above - 2 * at + below)) / 2;
}

/** Within this distance of an integer, c − a − b is treated as one (the connection formula would lose ~1e-16/distance). */
const NEAR_INTEGER = 1e-4;
const MAX_TERMS = 100_000;
/** Terms the direct series may take for 0.5 < z < 1 before the transformation is used: enough up to z ≈ 0.98. */
const DIRECT_BUDGET = 2_000;

function isPole(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/** Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, stopped once the terms shrink geometrically and their tail is below 1e-17 of the sum. */
function series(a: number, b: number, c: number, z: number): number {
  const sum = trySeries(a, b, c, z, MAX_TERMS, Infinity);
  if (sum === null) throw new RangeError(`hyp2f1: the series did not converge in ${MAX_TERMS} terms (${a}, ${b}, ${c}, ${z})`);
  return sum;
}

/** The series, or null when it needs more than maxTerms terms or its terms outgrow the sum by more than maxGrowth (cancellation). */
function trySeries(a: number, b: number, c: number, z: number, maxTerms: number, maxGrowth = 1e8): number | null {
  let term = 1;
  let sum = 1;
  let largest = 1;
  for (let n = 0; n < maxTerms; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    largest = Math.max(largest, Math.abs(term));
    const ratio = Math.abs((((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * z);
    if (term === 0 || (ratio < 1 && (Math.abs(term) * ratio) / (1 - ratio) <= 1e-17 * Math.abs(sum))) {
      return largest <= maxGrowth * Math.abs(sum) ? sum : null;
    }
  }
  return null;
}

/** A&S 15.3.6: ₂F₁ at z from two series at 1 − z, for c − a − b not an integer. */
function connection(a: number, b: number, c: number, z: number): number {
  const m = c - a - b;
  const w = 1 - z;
  const first = gammaRatio([c, m], [c - a, c - b]);
  const second = gammaRatio([c, -m], [a, b]);
  return (
    (first === 0 ? 0 : first * series(a, b, 1 - m, w)) + (second === 0 ? 0 : Math.pow(w, m) * second * series(c - a, c - b, 1 + m, w))
  );
}

/**
 * ₂F₁(a, b; a + b + k; z) for an integer k, 0.5 < z < 1: A&S 15.3.11 (15.3.10 when k = 0), in w = 1 − z.
 * A negative k is first turned positive by Euler's transformation, F = w^k F(a + k, b + k; c; z).
 */
function atIntegerGap(a: number, b: number, k: number, z: number): number {
  const w = 1 - z;
  if (k < 0) return Math.pow(w, k) * atIntegerGap(a + k, b + k, -k, z);
  const c = a + b + k;
  let finite = 0;
  for (let n = 0, term = 1; n < k; n++) {
    finite += term;
    term *= (((a + n) * (b + n)) / ((n + 1) * (1 - k + n))) * w;
  }
  if (k > 0) finite *= gammaRatio([k, c], [a + k, b + k]);
  // Σ (a+k)ₙ(b+k)ₙ / (n! (n+k)!) wⁿ [ln w − ψ(n+1) − ψ(n+k+1) + ψ(a+k+n) + ψ(b+k+n)], each ψ stepped by ψ(x+1) = ψ(x) + 1/x.
  const lnW = Math.log(w);
  let psiN = digamma(1);
  let psiNK = digamma(k + 1);
  let psiA = digamma(a + k);
  let psiB = digamma(b + k);
  let term = 1;
  let sum = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    const add = term * (lnW - psiN - psiNK + psiA + psiB);
    sum += add;
    const ratio = (((a + k + n) * (b + k + n)) / ((n + 1) * (n + k + 1))) * w;
    if (Math.abs(ratio) < 1 && (add === 0 || (Math.abs(add) * Math.abs(ratio)) / (1 - Math.abs(ratio)) <= 1e-17 * Math.abs(sum))) {
      return finite - Math.pow(-w, k) * gammaRatio([c], [a, b, k + 1]) * sum;
    }
    term *= ratio;
    psiN += 1 / (n + 1);
    psiNK += 1 / (n + k + 1);
    psiA += 1 / (a + k + n);
    psiB += 1 / (b + k + n);
  }
  throw new RangeError(`hyp2f1: the series did not converge in ${MAX_TERMS} terms (${a}, ${b}, ${c}, ${z})`);
}

/** Π Γ(numerators) / Π Γ(denominators), through log-gamma and signs; a denominator at a pole makes it 0. */
export function gammaRatio(numerators: readonly number[], denominators: readonly number[]): number {
  if (denominators.some(isPole)) return 0;
  let log = 0;
  let sign = 1;
  for (const x of numerators) {
    if (isPole(x)) throw new RangeError(`gammaRatio: Γ(${x}) is infinite`);
    log += gammaln(x);
    sign *= gammaSign(x);
  }
  for (const x of denominators) {
    log -= gammaln(x);
    sign *= gammaSign(x);
  }
  return sign * Math.exp(log);
}

/** Γ is negative on (−1, 0), (−3, −2), …: where ⌊x⌋ is odd. */
function gammaSign(x: number): number {
  return x > 0 || Math.floor(x) % 2 === 0 ? 1 : -1;
}
