import { bfgs } from '../bfgs';

describe('bfgs', () => {
  it('finds the minimum of a tilted quadratic bowl in a few steps', () => {
    const m = bfgs(([x, y]) => ({ value: (x - 3) ** 2 + 10 * (y + 1) ** 2 + x * y, gradient: [2 * (x - 3) + y, 20 * (y + 1) + x] }), [0, 0]);
    // ∇ = 0: 2x + y = 6, x + 20y = −20 → x = 140/39, y = −46/39.
    expect(m.converged).toBe(true);
    expect(m.x[0]).toBeCloseTo(140 / 39, 8);
    expect(m.x[1]).toBeCloseTo(-46 / 39, 8);
    expect(m.evaluations).toBeLessThan(30);
  });
  it("follows Rosenbrock's curved valley to (1, 1)", () => {
    const m = bfgs(([x, y]) => ({
      value: 100 * (y - x * x) ** 2 + (1 - x) ** 2,
      gradient: [-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)],
    }), [-1.2, 1]);
    expect(m.converged).toBe(true);
    expect(m.x[0]).toBeCloseTo(1, 6);
    expect(m.x[1]).toBeCloseTo(1, 6);
  });
  it('steps back from where f is not finite, and stops at the edge it cannot cross', () => {
    // x − 2 ln x has its minimum at 2, and no value for x ≤ 0; the start's full step would jump to −6.
    const m = bfgs(([x]) => ({ value: x > 0 ? x - 2 * Math.log(x) : NaN, gradient: [1 - 2 / x] }), [8]);
    expect(m.x[0]).toBeCloseTo(2, 8);
    // Decreasing towards a wall at 1: the best it can do is to come close to it, and say it did not converge.
    const edge = bfgs(([x]) => ({ value: x <= 1 ? -x : Infinity, gradient: [-1] }), [0]);
    expect(edge.converged).toBe(false);
    expect(edge.x[0]).toBeGreaterThan(0.999);
    expect(edge.x[0]).toBeLessThanOrEqual(1);
  });
  it('stays in a box: a coordinate pushed against its bound stays there, the others still reach their minimum', () => {
    // Unconstrained minimum at (5, −1); x is capped at 2, where ∂f/∂x still points outward.
    const f = ([x, y]: readonly number[]) => ({ value: (x - 5) ** 2 + (y + 1) ** 2 + 0.5 * x * y, gradient: [2 * (x - 5) + 0.5 * y, 2 * (y + 1) + 0.5 * x] });
    const m = bfgs(f, [0, 0], { lower: [-10, -10], upper: [2, 10] });
    expect(m.converged).toBe(true);
    expect(m.x[0]).toBe(2);
    expect(m.x[1]).toBeCloseTo(-1.5, 8); // ∂f/∂y = 0 at x = 2
    expect(m.evaluations).toBeLessThan(30);
  });
  it('lets a coordinate leave its bound when the gradient turns inward', () => {
    const m = bfgs(([x]) => ({ value: (x - 1) ** 2, gradient: [2 * (x - 1)] }), [3], { lower: [-5], upper: [3] });
    expect(m.x[0]).toBeCloseTo(1, 8);
  });
  it('stops at maxIterations and says it did not converge', () => {
    const m = bfgs(([x, y]) => ({ value: 100 * (y - x * x) ** 2 + (1 - x) ** 2, gradient: [-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)] }), [-1.2, 1], { maxIterations: 3 });
    expect(m.converged).toBe(false);
  });
  it('refuses a start where f is not finite', () => {
    expect(() => bfgs(() => ({ value: NaN, gradient: [0] }), [0])).toThrow(RangeError);
  });
});
