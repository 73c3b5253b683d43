export interface BfgsOptions {
  /** Stop when every component of the (projected) gradient is at most this… */
  gradientTolerance?: number;
  /** …or when an iteration lowers f by at most this fraction of |f| (a flat ridge, or f's rounding noise). */
  relativeTolerance?: number;
  maxIterations?: number;
  /** A box for x: a coordinate at its bound whose gradient points outward stays there. */
  lower?: readonly number[];
  upper?: readonly number[];
}

export interface Minimum {
  x: number[];
  fx: number;
  /** Evaluations of f and its gradient. */
  evaluations: number;
  /** False when maxIterations ran out, or no step lowered f, before either tolerance was met. */
  converged: boolean;
}

/**
 * Minimises a smooth f by BFGS (quasi-Newton: an inverse-Hessian estimate built from successive gradients)
 * with a backtracking line search (Armijo condition), inside an optional box: steps are projected onto it,
 * and coordinates held at a bound by the gradient are left out of the search direction (projected BFGS).
 * `f` returns the value and the gradient at x.
 */
export function bfgs(f: (x: readonly number[]) => { value: number; gradient: number[] }, x0: readonly number[], options: BfgsOptions = {}): Minimum {
  const n = x0.length;
  const { gradientTolerance = 1e-9, relativeTolerance = 1e-13, maxIterations = 500, lower = Array(n).fill(-Infinity), upper = Array(n).fill(Infinity) } = options;
  const clamp = (x: number[]) => x.map((v, i) => Math.min(upper[i], Math.max(lower[i], v)));
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    const r = f(x);
    return { ...r, value: Number.isFinite(r.value) && r.gradient.every(Number.isFinite) ? r.value : Infinity };
  };
  /** Coordinates at a bound that the gradient pushes outward. */
  const heldAt = (x: number[], g: number[]) => x.map((v, i) => (v <= lower[i] && g[i] > 0) || (v >= upper[i] && g[i] < 0));

  let x = clamp(x0.slice());
  let { value: fx, gradient: g } = evaluate(x);
  if (!Number.isFinite(fx)) throw new RangeError('bfgs: f is not finite at the starting point');
  let h = identity(n);
  let fresh = true;
  let held = heldAt(x, g);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const free = g.map((v, i) => (held[i] ? 0 : v));
    if (free.every((v) => Math.abs(v) <= gradientTolerance)) return { x, fx, evaluations, converged: true };
    let direction = times(h, free).map((v, i) => (held[i] ? 0 : -v));
    if (!(dot(direction, free) < 0)) {
      // The estimate lost positive definiteness on the free coordinates: start again from steepest descent.
      h = identity(n);
      fresh = true;
      direction = free.map((v) => -v);
    }
    let next: { x: number[]; value: number; gradient: number[] } | null = null;
    for (let halvings = 0, step = 1; halvings < 40; halvings++, step /= 2) {
      const candidate = clamp(x.map((v, i) => v + step * direction[i]));
      const r = evaluate(candidate);
      if (r.value <= fx + 1e-4 * dot(g, candidate.map((v, i) => v - x[i]))) {
        next = { x: candidate, ...r };
        break;
      }
    }
    if (!next) return { x, fx, evaluations, converged: false };
    const s = next.x.map((v, i) => v - x[i]);
    const y = next.gradient.map((v, i) => v - g[i]);
    const sy = dot(s, y);
    const nowHeld = heldAt(next.x, next.gradient);
    if (nowHeld.some((v, i) => v !== held[i])) {
      // Another coordinate reached (or left) a bound: the curvature learnt mixed it in, so start afresh.
      h = identity(n);
      fresh = true;
    } else if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      // Before the first update, the identity is rescaled to the curvature just seen (Nocedal & Wright, eq. 6.20).
      if (fresh) h = identity(n).map((row) => row.map((v) => (v * sy) / dot(y, y)));
      h = updateInverse(h, s, y, sy);
      fresh = false;
    }
    const stalled = fx - next.value <= relativeTolerance * Math.max(1, Math.abs(fx));
    x = next.x;
    fx = next.value;
    g = next.gradient;
    held = nowHeld;
    if (stalled) return { x, fx, evaluations, converged: true };
  }
  return { x, fx, evaluations, converged: false };
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function dot(u: readonly number[], v: readonly number[]): number {
  return u.reduce((sum, ui, i) => sum + ui * v[i], 0);
}

function times(m: number[][], v: readonly number[]): number[] {
  return m.map((row) => dot(row, v));
}

/** H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ, ρ = 1/(yᵀs). */
function updateInverse(h: number[][], s: number[], y: number[], sy: number): number[][] {
  const rho = 1 / sy;
  const hy = times(h, y);
  const yhy = dot(y, hy);
  return h.map((row, i) => row.map((v, j) => v - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]));
}
