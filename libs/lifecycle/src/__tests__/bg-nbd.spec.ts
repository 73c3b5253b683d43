import { BgNbdParams, bgNbdLogLikelihood, bgNbdLogLikelihoodGradient, expectedPurchases, expectedPurchasesUnconditional, fitBgNbd, pAlive, pNoPurchase } from '../bg-nbd';
import { hyp2f1 } from '../hypergeometric';
import { HistoryGroup, PurchaseHistory } from '../purchase-history';

const close = (actual: number, expected: number, relative = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
/** The published CDNOW fit (Fader, Hardie & Lee 2005). */
const PAPER: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const one = (h: PurchaseHistory): HistoryGroup[] => [{ ...h, count: 1 }];

describe('bgNbdLogLikelihood', () => {
  it('x = 0 by hand: L = (α/(α+T))^r, here (1/2)¹', () => {
    close(bgNbdLogLikelihood({ r: 1, alpha: 1, a: 1, b: 1 }, one({ x: 0, tx: 0, T: 1 })), Math.log(0.5));
  });
  it('x = 1 by hand: r = α = a = b = 1, tₓ = 1, T = 3 gives ½ · (1/4² + 1/2²) = 5/32', () => {
    close(bgNbdLogLikelihood({ r: 1, alpha: 1, a: 1, b: 1 }, one({ x: 1, tx: 1, T: 3 })), Math.log(5 / 32));
  });
  // Reference values from mpmath (60 digits) of eq. 6 of the paper.
  it.each([
    [PAPER, { x: 0, tx: 0, T: 38.86 }, -0.55471327643815845],
    [PAPER, { x: 2, tx: 30.43, T: 38.86 }, -9.4586063070662712],
    [PAPER, { x: 1, tx: 1.71, T: 38.86 }, -4.4690932750325885],
    [PAPER, { x: 5, tx: 20, T: 35 }, -16.654420852209072],
    [PAPER, { x: 20, tx: 50, T: 52 }, -44.246587260670706],
    [{ r: 1.5, alpha: 10, a: 2.5, b: 0.5 }, { x: 0, tx: 0, T: 10 }, -1.039720770839918],
    [{ r: 1.5, alpha: 10, a: 2.5, b: 0.5 }, { x: 3, tx: 7, T: 12 }, -9.9141698191838424],
  ])('%j, %j → %p', (params, history, expected) => close(bgNbdLogLikelihood(params, one(history)), expected));
  it('weights each group by its count, and grouping changes nothing', () => {
    const h = [{ x: 2, tx: 30.43, T: 38.86 }, { x: 0, tx: 0, T: 38.86 }, { x: 2, tx: 30.43, T: 38.86 }];
    const separate = bgNbdLogLikelihood(PAPER, h.map((x) => ({ ...x, count: 1 })));
    const grouped = bgNbdLogLikelihood(PAPER, [{ ...h[0], count: 2 }, { ...h[1], count: 1 }]);
    close(grouped, separate);
    close(grouped, 2 * -9.4586063070662712 - 0.55471327643815845);
  });
  it('has the gradient that finite differences give', () => {
    const groups: HistoryGroup[] = [
      { x: 0, tx: 0, T: 38.86, count: 5 },
      { x: 2, tx: 30.43, T: 38.86, count: 2 },
      { x: 7, tx: 3, T: 38, count: 1 }, // dropped out long ago: the second term dominates
      { x: 1, tx: 36, T: 37, count: 3 },
    ];
    for (const params of [PAPER, { r: 1.5, alpha: 10, a: 2.5, b: 0.5 }]) {
      const g = bgNbdLogLikelihoodGradient(params, groups);
      for (const key of ['r', 'alpha', 'a', 'b'] as const) {
        const h = params[key] * 1e-6;
        const numeric = (bgNbdLogLikelihood({ ...params, [key]: params[key] + h }, groups) - bgNbdLogLikelihood({ ...params, [key]: params[key] - h }, groups)) / (2 * h);
        close(g[key], numeric, 1e-6);
      }
    }
  });
  it('refuses impossible histories and parameters', () => {
    expect(() => bgNbdLogLikelihood(PAPER, one({ x: 0, tx: 1, T: 2 }))).toThrow(RangeError); // no repeat purchase but tₓ > 0
    expect(() => bgNbdLogLikelihood(PAPER, one({ x: 2, tx: 5, T: 4 }))).toThrow(RangeError); // last purchase after asOf
    expect(() => bgNbdLogLikelihood(PAPER, one({ x: 1.5, tx: 1, T: 4 }))).toThrow(RangeError);
    expect(() => bgNbdLogLikelihood(PAPER, [{ x: 1, tx: 1, T: 4, count: -1 }])).toThrow(RangeError);
    expect(() => bgNbdLogLikelihood({ ...PAPER, a: 0 }, one({ x: 1, tx: 1, T: 4 }))).toThrow(RangeError);
  });
});

describe('pAlive', () => {
  it('is 1 without a repeat purchase, however long ago the first was', () => {
    expect(pAlive(PAPER, { x: 0, tx: 0, T: 0 })).toBe(1);
    expect(pAlive(PAPER, { x: 0, tx: 0, T: 500 })).toBe(1);
  });
  it('is 1 / (1 + a/(b+x−1)) for a purchase today: the only doubt is a drop-out right after it', () => {
    close(pAlive(PAPER, { x: 3, tx: 10, T: 10 }), 1 / (1 + PAPER.a / (PAPER.b + 2)));
  });
  it.each([
    [{ x: 2, tx: 30.43, T: 38.86 }, 0.72657857008067291],
    [{ x: 1, tx: 1.71, T: 38.86 }, 0.21210098537737908],
    [{ x: 5, tx: 20, T: 35 }, 0.39677383914174515],
    [{ x: 20, tx: 10, T: 52 }, 2.7265785024706734e-11],
    [{ x: 60, tx: 1, T: 200 }, 7.697093923922076e-94], // the odds term is ~1e93: no overflow, no NaN
  ])('at the CDNOW fit, %j → %p (mpmath)', (h, expected) => close(pAlive(PAPER, h), expected));
  it('falls as time passes without a purchase, and rises with a later last purchase', () => {
    const p = (tx: number, T: number) => pAlive(PAPER, { x: 3, tx, T });
    expect(p(10, 20)).toBeGreaterThan(p(10, 30));
    expect(p(15, 30)).toBeGreaterThan(p(10, 30));
  });
});

describe('pNoPurchase', () => {
  it('without a repeat purchase it is ((α+T)/(α+T+t))^r: P(X(T+t) = 0) / P(X(T) = 0) of eq. 8', () => {
    const { r, alpha } = PAPER;
    close(pNoPurchase(PAPER, { x: 0, tx: 0, T: 20 }, 39), Math.pow((alpha + 20) / (alpha + 59), r));
  });
  it.each([
    [{ x: 2, tx: 30.43, T: 38.86 }, 39],
    [{ x: 7, tx: 3, T: 38 }, 10],
    [{ x: 1, tx: 1.71, T: 38.86 }, 100],
  ])('equals L(x, tₓ, T + t) / L(x, tₓ, T): the history %j followed by %p quiet weeks', (h, t) => {
    const ll = (T: number) => bgNbdLogLikelihood(PAPER, one({ ...h, T }));
    close(pNoPurchase(PAPER, h, t), Math.exp(ll(h.T + t) - ll(h.T)), 1e-10);
  });
  it('is 1 over no time, falls with t towards 1 − P(alive)', () => {
    const h = { x: 3, tx: 20, T: 30 };
    expect(pNoPurchase(PAPER, h, 0)).toBe(1);
    expect(pNoPurchase(PAPER, h, 10)).toBeGreaterThan(pNoPurchase(PAPER, h, 20));
    close(pNoPurchase(PAPER, h, 1e9), 1 - pAlive(PAPER, h), 1e-6);
  });
});

describe('expectedPurchases (eq. 10)', () => {
  it.each([
    [{ x: 0, tx: 0, T: 38.86 }, 39, 0.19509805201126264],
    [{ x: 2, tx: 30.43, T: 38.86 }, 39, 1.2260281747671445],
    [{ x: 1, tx: 1.71, T: 38.86 }, 39, 0.20318698707975406],
    [{ x: 5, tx: 20, T: 35 }, 52, 2.0500780034713051],
    [{ x: 20, tx: 50, T: 52 }, 52, 13.398883154466271],
    [{ x: 20, tx: 10, T: 52 }, 52, 3.9340820704545528e-10],
    [{ x: 60, tx: 100, T: 104 }, 52, 21.964117384461449], // the paper's form is ~0 × 1e35 here
    [{ x: 3, tx: 10, T: 20 }, 1000, 12.065751339449577], // z = 0.98
    [{ x: 2, tx: 30.43, T: 38.86 }, 0.5, 0.018776841843974003],
  ])('at the CDNOW fit, %j over t = %p → %p (mpmath)', (h, t, expected) => close(expectedPurchases(PAPER, h, t), expected, 1e-10));
  it('with a > 1 as well (mpmath)', () => {
    const p = { r: 0.8, alpha: 6, a: 1.7, b: 3.1 };
    close(expectedPurchases(p, { x: 4, tx: 20, T: 30 }, 26), 1.0704978677471285, 1e-10);
    close(expectedPurchases(p, { x: 0, tx: 0, T: 5 }, 100), 2.3378025204109781, 1e-10);
  });
  it('stays finite and right for a large a and b (a constant drop-out probability), where ₂F₁ alone overflows (mpmath)', () => {
    const p = { r: 2.1746173762619234, alpha: 71.46538533509751, a: 4955.737538231629, b: 22026.44994569216 };
    close(expectedPurchases(p, { x: 0, tx: 0, T: 10 }, 52), 1.1663331787419432, 1e-9);
    close(expectedPurchases(p, { x: 5, tx: 80, T: 100 }, 52), 1.1335053232791869, 1e-9);
    close(expectedPurchases(p, { x: 0, tx: 0, T: 0.5 }, 52), 1.2924306170441756, 1e-9);
  });
  it('agrees with the paper’s own form of eq. 10 where that one is well conditioned', () => {
    const { r, alpha, a, b } = PAPER;
    const h = { x: 4, tx: 25, T: 33 };
    const t = 20;
    const paper =
      (((a + b + h.x - 1) / (a - 1)) *
        (1 - Math.pow((alpha + h.T) / (alpha + h.T + t), r + h.x) * hyp2f1(r + h.x, b + h.x, a + b + h.x - 1, t / (alpha + h.T + t)))) /
      (1 + (a / (b + h.x - 1)) * Math.pow((alpha + h.T) / (alpha + h.tx), r + h.x));
    close(expectedPurchases(PAPER, h, t), paper, 1e-10);
  });
  it('is continuous through the removable singularity a = 1 (mpmath at a = 1 + 1e-30)', () => {
    close(expectedPurchases({ ...PAPER, a: 1 }, { x: 2, tx: 30.43, T: 38.86 }, 39), 1.1021367860399558, 1e-9);
    close(expectedPurchases({ ...PAPER, a: 1 }, { x: 0, tx: 0, T: 10 }, 52), 0.59089094059126857, 1e-9);
    close(expectedPurchases({ ...PAPER, a: 1 + 3e-6 }, { x: 0, tx: 0, T: 10 }, 52), 0.59089094059126857, 1e-5);
  });
  it('and through a + b = 1 for x = 0, where ₂F₁’s c is 0 (mpmath)', () => {
    close(expectedPurchases({ ...PAPER, a: 0.4, b: 0.6 }, { x: 0, tx: 0, T: 10 }, 52), 0.56754030816302548, 1e-9);
  });
  it('is 0 over no time, grows with t, and is ~0 for a customer almost surely gone', () => {
    const h = { x: 2, tx: 30.43, T: 38.86 };
    expect(expectedPurchases(PAPER, h, 0)).toBe(0);
    expect(expectedPurchases(PAPER, h, 10)).toBeLessThan(expectedPurchases(PAPER, h, 20));
    const dead = { x: 20, tx: 10, T: 52 };
    expect(expectedPurchases(PAPER, dead, 52)).toBeLessThan(expectedPurchases(PAPER, { ...dead, tx: 50 }, 52) * 1e-9);
  });
  it('refuses a negative or infinite horizon', () => {
    expect(() => expectedPurchases(PAPER, { x: 0, tx: 0, T: 1 }, -1)).toThrow(RangeError);
    expect(() => expectedPurchases(PAPER, { x: 0, tx: 0, T: 1 }, Infinity)).toThrow(RangeError);
  });
});

describe('expectedPurchasesUnconditional (eq. 9)', () => {
  it.each([
    [1, 0.053267891171658282],
    [39, 1.1967231933208169],
    [78, 1.8605190579427686],
    [520, 4.9746178618496597],
  ])('at the CDNOW fit, E[X(%p)] = %p (mpmath)', (t, expected) => close(expectedPurchasesUnconditional(PAPER, t), expected, 1e-10));
  it('is close to r/α · t over a short time, when few have had the chance to drop out', () => {
    close(expectedPurchasesUnconditional(PAPER, 0.01), (PAPER.r / PAPER.alpha) * 0.01, 1e-2);
  });
});

describe('fitBgNbd', () => {
  /** Histories drawn from the model itself, by a seeded generator. */
  function simulate(p: BgNbdParams, customers: number, T: number, seed: number): HistoryGroup[] {
    // mulberry32: 32-bit integer arithmetic, so the sequence is exact in doubles.
    let s = seed >>> 0;
    const uniform = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let q = Math.imul(s ^ (s >>> 15), 1 | s);
      q = (q + Math.imul(q ^ (q >>> 7), 61 | q)) ^ q;
      return (((q ^ (q >>> 14)) >>> 0) + 0.5) / 4294967296;
    };
    const gamma = (shape: number): number => {
      // Marsaglia–Tsang, with the shape < 1 boost.
      if (shape < 1) return gamma(shape + 1) * Math.pow(uniform(), 1 / shape);
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (;;) {
        const n = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
        const v = Math.pow(1 + c * n, 3);
        if (v > 0 && Math.log(uniform()) < (n * n) / 2 + d - d * v + d * Math.log(v)) return d * v;
      }
    };
    const groups: HistoryGroup[] = [];
    for (let i = 0; i < customers; i++) {
      const lambda = gamma(p.r) / p.alpha;
      const g1 = gamma(p.a);
      const drop = g1 / (g1 + gamma(p.b));
      let x = 0;
      let t = 0;
      let last = 0;
      for (;;) {
        t += -Math.log(uniform()) / lambda;
        if (t > T) break;
        x++;
        last = t;
        if (uniform() < drop) break;
      }
      groups.push({ x, tx: last, T, count: 1 });
    }
    return groups;
  }
  it('recovers the parameters of simulated customers', () => {
    const truth = { r: 0.9, alpha: 8, a: 0.6, b: 2.5 };
    const fit = fitBgNbd(simulate(truth, 20_000, 100, 7));
    expect(fit.customers).toBe(20_000);
    expect(fit.params.r).toBeCloseTo(truth.r, 0);
    expect(fit.params.alpha / truth.alpha).toBeGreaterThan(0.8);
    expect(fit.params.alpha / truth.alpha).toBeLessThan(1.25);
    expect(fit.params.a / truth.a).toBeGreaterThan(0.7);
    expect(fit.params.a / truth.a).toBeLessThan(1.4);
    expect(fit.params.b / truth.b).toBeGreaterThan(0.6);
    expect(fit.params.b / truth.b).toBeLessThan(1.6);
    // A maximum: the likelihood of the truth is no higher.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgNbdLogLikelihood(truth, simulate(truth, 20_000, 100, 7)));
  });
  it('keeps the parameters within e^±10 where the data cannot pin them down, so the predictions stay finite', () => {
    // Every customer with exactly 3 repeat purchases: no sign of drop-out at all, a/(a+b) → 0 and a, b → ∞.
    const groups = Array.from({ length: 50 }, (_, i) => ({ x: 3, tx: 20 + (i % 10), T: 40, count: 1 }));
    const fit = fitBgNbd(groups);
    for (const v of Object.values(fit.params)) expect(Math.abs(Math.log(v))).toBeLessThanOrEqual(10 + 1e-9);
    expect(Number.isFinite(expectedPurchases(fit.params, groups[0], 52))).toBe(true);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });
  it('refuses to fit nobody', () => expect(() => fitBgNbd([])).toThrow(/no customers/));
});
