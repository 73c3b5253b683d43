import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import { hyp2f1 } from './hypergeometric';
import { bfgs } from './bfgs';
import { HistoryGroup, PurchaseHistory, assertHistory } from './purchase-history';

/**
 * The BG/NBD model of Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way": while alive, a
 * customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with probability
 * p ~ Beta(a, b). Time is in the unit of the histories (weeks in this product).
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  customers: number;
  /** Likelihood evaluations the optimiser used. */
  evaluations: number;
}

/** Log-likelihood of the histories (eq. 6 of the paper, in logs), each group weighted by its count. */
export function bgNbdLogLikelihood(params: BgNbdParams, groups: readonly HistoryGroup[]): number {
  assertParams(params);
  return logLikelihood(prepare(groups), params).value;
}

/** Gradient of bgNbdLogLikelihood in (r, α, a, b). */
export function bgNbdLogLikelihoodGradient(params: BgNbdParams, groups: readonly HistoryGroup[]): BgNbdParams {
  assertParams(params);
  const [r, alpha, a, b] = logLikelihood(prepare(groups), params).gradient;
  return { r, alpha, a, b };
}

/**
 * Maximum-likelihood r, α, a, b: BFGS with the likelihood's analytic gradient, on the logs of the
 * parameters (so they stay positive) kept within e^±10 — beyond, the data say nothing more about a
 * parameter (a, b → ∞ is a constant drop-out probability, r, α → ∞ one purchase rate for all) and the
 * hypergeometric series of the predictions grow long. Each evaluation works per distinct x and per
 * distinct time, then makes one pass over the groups.
 */
export function fitBgNbd(groups: readonly HistoryGroup[]): BgNbdFit {
  const data = prepare(groups);
  if (data.customers === 0) throw new RangeError('fitBgNbd: no customers');
  const meanT = groups.reduce((s, g) => s + g.T * g.count, 0) / data.customers;
  const objective = (theta: readonly number[]) => {
    const params = fromLog(theta);
    const { value, gradient } = logLikelihood(data, params);
    // Per customer, so the tolerance means the same for a hundred customers and a million; d/dθ = p · d/dp.
    const p = [params.r, params.alpha, params.a, params.b];
    return { value: -value / data.customers, gradient: gradient.map((g, i) => (-g * p[i]) / data.customers) };
  };
  const best = bfgs(objective, [0, Math.log(Math.max(meanT, 1e-3)), 0, 0], {
    gradientTolerance: 1e-9,
    maxIterations: 500,
    lower: [-LOG_PARAM_BOUND, -LOG_PARAM_BOUND, -LOG_PARAM_BOUND, -LOG_PARAM_BOUND],
    upper: [LOG_PARAM_BOUND, LOG_PARAM_BOUND, LOG_PARAM_BOUND, LOG_PARAM_BOUND],
  });
  const params = fromLog(best.x);
  return { params, logLikelihood: logLikelihood(data, params).value, customers: data.customers, evaluations: best.evaluations };
}

const LOG_PARAM_BOUND = 10;

/** Probability that a customer with this history is still alive (has not dropped out). 1 when x = 0. */
export function pAlive(params: BgNbdParams, history: PurchaseHistory): number {
  assertParams(params);
  assertHistory(history);
  return 1 / deadOverAlive(params, history);
}

/**
 * Probability that a customer with this history makes no purchase in the next t: dead already, or alive
 * with a rate λ ~ Gamma(r + x, α + T) (the posterior given alive) and no purchase from a Poisson process.
 * Equal to L(x, tₓ, T + t) / L(x, tₓ, T) — the history extended by t quiet weeks.
 */
export function pNoPurchase(params: BgNbdParams, history: PurchaseHistory, t: number): number {
  const alive = pAlive(params, history);
  if (!(t >= 0 && Number.isFinite(t))) throw new RangeError(`pNoPurchase: t = ${t}`);
  const { r, alpha } = params;
  return 1 - alive + alive * Math.exp(-(r + history.x) * Math.log1p(t / (alpha + history.T)));
}

/**
 * Expected purchases in the next t for a customer with this history: E[Y(t) | x, tₓ, T], eq. 10 of the
 * paper, evaluated in a form that neither overflows for frequent buyers nor for large a and b (see
 * alivePurchases); the removable singularity at a = 1 is interpolated across.
 */
export function expectedPurchases(params: BgNbdParams, history: PurchaseHistory, t: number): number {
  assertParams(params);
  assertHistory(history);
  if (!(t >= 0 && Number.isFinite(t))) throw new RangeError(`expectedPurchases: t = ${t}`);
  if (t === 0) return 0;
  return acrossRemovable(params, history, (p) => alivePurchases(p, history, t) / deadOverAlive(p, history));
}

/** Expected purchases in a period of length t from a customer's first purchase on (eq. 9): E[X(t)]. */
export function expectedPurchasesUnconditional(params: BgNbdParams, t: number): number {
  // The same as a customer seen for no time at all: x = 0, T = 0.
  return expectedPurchases(params, { x: 0, tx: 0, T: 0 }, t);
}

/** Within this distance of a removable singularity, the value is interpolated from either side of it. */
const REMOVABLE = 1e-5;

/** f at params, except on the removable singularities of eq. 10 — a = 1, and a + b = 1 when x = 0 (₂F₁'s c is 0 there). */
function acrossRemovable(params: BgNbdParams, { x }: PurchaseHistory, f: (p: BgNbdParams) => number): number {
  const { a, b } = params;
  if (Math.abs(a - 1) < REMOVABLE) return across(params, 'a', 1, f);
  if (x === 0 && Math.abs(a + b - 1) < REMOVABLE) return across(params, 'b', 1 - a, f);
  return f(params);
}

/** The straight line through f at key = at ± h, read at params[key]. */
function across(params: BgNbdParams, key: 'a' | 'b', at: number, f: (p: BgNbdParams) => number): number {
  const h = Math.min(REMOVABLE, at / 2);
  const below = f({ ...params, [key]: at - h });
  const above = f({ ...params, [key]: at + h });
  return below + ((above - below) * (params[key] - (at - h))) / (2 * h);
}

/**
 * The numerator of eq. 10, (a+b+x−1)/(a−1) · [1 − (1−z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)], z = t/(α+T+t).
 * By Pfaff's transformation the bracket is 1 − ₂F₁(r+x, a−1; a+b+x−1; −t/(α+T)), and hyp2f1 maps that
 * negative argument back into (0, 1) through whichever of r+x and a−1 is smaller — the printed form when a
 * is large, Euler's (1−z)^(a−1) ₂F₁(a−1, a+b−1−r; …; z) when x is: neither a 0 × ∞ product nor an overflow.
 */
function alivePurchases({ r, alpha, a, b }: BgNbdParams, { x, T }: PurchaseHistory, t: number): number {
  return ((a + b + x - 1) / (a - 1)) * (1 - hyp2f1(r + x, a - 1, a + b + x - 1, -t / (alpha + T)));
}

/** 1 / P(alive) = 1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x), in logs so it saturates at ∞ rather than NaN. */
function deadOverAlive({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: PurchaseHistory): number {
  if (x === 0) return 1;
  return 1 + Math.exp(Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
}

function assertParams(p: BgNbdParams): void {
  if (![p.r, p.alpha, p.a, p.b].every((v) => v > 0 && Number.isFinite(v))) throw new RangeError(`BG/NBD parameters must be positive: ${JSON.stringify(p)}`);
}

function fromLog([r, alpha, a, b]: readonly number[]): BgNbdParams {
  return { r: Math.exp(r), alpha: Math.exp(alpha), a: Math.exp(a), b: Math.exp(b) };
}

/** Groups as parallel arrays of indices into the distinct x values and the distinct times (tₓ and T). */
interface Prepared {
  xs: Float64Array;
  times: Float64Array;
  groupX: Int32Array;
  groupTx: Int32Array;
  groupT: Int32Array;
  counts: Float64Array;
  /** Customers per distinct x. */
  countByX: Float64Array;
  customers: number;
}

function prepare(groups: readonly HistoryGroup[]): Prepared {
  const xIndex = new Map<number, number>();
  const timeIndex = new Map<number, number>();
  const indexOf = (m: Map<number, number>, v: number) => m.get(v) ?? (m.set(v, m.size), m.size - 1);
  const n = groups.length;
  const prepared = { groupX: new Int32Array(n), groupTx: new Int32Array(n), groupT: new Int32Array(n), counts: new Float64Array(n), customers: 0 };
  groups.forEach((g, i) => {
    assertHistory(g);
    if (!(Number.isInteger(g.count) && g.count >= 0)) throw new RangeError(`group count must be a non-negative integer: ${g.count}`);
    prepared.groupX[i] = indexOf(xIndex, g.x);
    prepared.groupTx[i] = indexOf(timeIndex, g.tx);
    prepared.groupT[i] = indexOf(timeIndex, g.T);
    prepared.counts[i] = g.count;
    prepared.customers += g.count;
  });
  const countByX = new Float64Array(xIndex.size);
  prepared.groupX.forEach((k, i) => (countByX[k] += prepared.counts[i]));
  return { ...prepared, xs: Float64Array.from(xIndex.keys()), times: Float64Array.from(timeIndex.keys()), countByX };
}

// Local names: the likelihood's loop reads no globals (a global lookup costs ~10× a local one in a vm context, as under Jest).
const { abs, exp, log, log1p, max } = Math;

/**
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)        (the part that depends on x only)
 *      + ln[ (α+T)^−(r+x) + δ(x>0) · a/(b+x−1) · (α+tₓ)^−(r+x) ]         (log-sum-exp, per group)
 * and its gradient in (r, α, a, b): the per-x part through digamma, the per-group part through the shares
 * of its two terms (alive at T, or dropped out right after the last purchase).
 */
function logLikelihood(d: Prepared, { r, alpha, a, b }: BgNbdParams): { value: number; gradient: number[] } {
  const lnAlphaPlus = d.times.map((t) => log(alpha + t));
  const invAlphaPlus = d.times.map((t) => 1 / (alpha + t));
  const common = r * log(alpha) - gammaln(r) + gammaln(a + b) - gammaln(b);
  let value = 0;
  let dr = 0;
  let da = 0;
  let db = 0;
  const psiR = digamma(r);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  d.xs.forEach((x, k) => {
    const n = d.countByX[k];
    const psiABX = digamma(a + b + x);
    value += n * (common + gammaln(r + x) + gammaln(b + x) - gammaln(a + b + x));
    dr += n * (log(alpha) - psiR + digamma(r + x));
    da += n * (psiAB - psiABX);
    db += n * (psiAB - psiB + digamma(b + x) - psiABX);
  });
  let dalpha = (r / alpha) * d.customers;
  const lnDropWeight = d.xs.map((x) => (x > 0 ? log(a) - log(b + x - 1) : -Infinity));
  for (let i = 0; i < d.counts.length; i++) {
    const k = d.groupX[i];
    const x = d.xs[k];
    const c = d.counts[i];
    const rx = r + x;
    const iT = d.groupT[i];
    const stillAlive = -rx * lnAlphaPlus[iT];
    if (x === 0) {
      value += c * stillAlive;
      dr -= c * lnAlphaPlus[iT];
      dalpha -= c * rx * invAlphaPlus[iT];
      continue;
    }
    const itx = d.groupTx[i];
    const droppedAfterLast = lnDropWeight[k] - rx * lnAlphaPlus[itx];
    // Shares of the two terms in their sum: w for "dropped out after the last purchase", 1 − w for "alive".
    const diff = droppedAfterLast - stillAlive;
    const e = exp(-abs(diff));
    const w = diff > 0 ? 1 / (1 + e) : e / (1 + e);
    value += c * (max(stillAlive, droppedAfterLast) + log1p(e));
    dr -= c * ((1 - w) * lnAlphaPlus[iT] + w * lnAlphaPlus[itx]);
    dalpha -= c * rx * ((1 - w) * invAlphaPlus[iT] + w * invAlphaPlus[itx]);
    da += (c * w) / a;
    db -= (c * w) / (b + x - 1);
  }
  return { value, gradient: [dr, dalpha, da, db] };
}
