import { gammaRatio, hyp2f1 } from '../hypergeometric';

const close = (actual: number, expected: number, relative = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));

describe('hyp2f1 against closed forms', () => {
  it.each([0.01, 0.3, 0.5, 0.7, 0.95, 0.999999])('₂F₁(1, 1; 2; z) = −ln(1 − z)/z at z = %p', (z) => close(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z));
  it.each([-5, -0.8, 0.2, 0.6, 0.99])('₂F₁(a, b; b; z) = (1 − z)^−a at z = %p', (z) => close(hyp2f1(0.37, 2.9, 2.9, z), Math.pow(1 - z, -0.37)));
  it.each([0.1, 0.5, 0.8, 0.9999])('₂F₁(½, ½; 3/2; z²) = arcsin(z)/z at z = %p', (z) => close(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z, 1e-11));
  it.each([0.2, 0.75, 0.99])('₂F₁(½, 1; 3/2; z²) = artanh(z)/z at z = %p', (z) => close(hyp2f1(0.5, 1, 1.5, z * z), Math.atanh(z) / z, 1e-11));
  it.each([-0.9, -20])('₂F₁(1, 1; 2; z) = ln(1 − z)/(−z) for negative z = %p (Pfaff)', (z) => close(hyp2f1(1, 1, 2, z), Math.log1p(-z) / -z));
  it('is 1 at z = 0', () => expect(hyp2f1(3.2, -1.7, 0.4, 0)).toBe(1));
  it('is a polynomial when a is a non-positive integer: ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))', () => {
    const [b, c] = [1.3, 2.7];
    for (const z of [-3, 0.4, 0.9, 1]) close(hyp2f1(-2, b, c, z), 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)));
  });
  it('sums a polynomial that ends before a non-positive integer c: ₂F₁(−1, b; −3; z) = 1 + bz/3', () => close(hyp2f1(-1, 2, -3, 0.8), 1 + (2 * 0.8) / 3));
  it("follows Gauss's theorem at z = 1", () => close(hyp2f1(1.5, 2.5, 4.2, 1), gammaRatio([4.2, 0.2], [2.7, 1.7])));
});

// Reference values from mpmath (50 significant digits), rounded to 17.
const MPMATH: [number, number, number, number, number][] = [
  [1, 1, 2, 0.3, 1.1889164797957746],
  [0.5, 0.5, 1.5, 0.25, 1.0471975511965977],
  [2.3, 1.7, 3.1, 0.1, 1.1414210251550724],
  [2.3, 1.7, 3.1, 0.5, 2.3347080444074803],
  [2.3, 1.7, 3.1, 0.51, 2.391266986596453], // just past the switch to the 1 − z series
  [2.3, 1.7, 3.1, 0.9, 13.911431036869052],
  [2.3, 1.7, 3.1, 0.999999, 556431.77902982028],
  [0.243, 2.426, 2.219, 0.9, 1.9476311698186019], // the unconditional BG/NBD case at the CDNOW fit
  [1.2, -0.207, 3.2, 0.95, 0.90105461748734771],
  [50.243, 52.426, 53.219, 0.4, 95117959815.665114], // terms grow for ~50 steps before they shrink
  [50.243, 52.426, 53.219, 0.8, 3.8022923528657213e34],
  [1.5, 2.5, 4.0, 0.7, 2.7215794739763329], // c − a − b = 0 exactly: the connection formula's poles
  [1.5, 2.5, 4.0000001, 0.7, 2.7215793846851655], // … and a hair away from them
  [1.5, 2.5, 5.0, 0.8, 2.5407373351427819], // c − a − b = 1
  [0.3, 0.7, 1.0, 0.99, 2.1077109177178977], // c − a − b = 0, z close to 1
  [1, 1, 2, -3.0, 0.46209812037329687],
  [2.5, -1.3, 0.7, -0.6, 4.2132637782301698],
  [3, 4, -2.5, 0.3, -2271.7399630659718], // negative c
  [3, 4, -2.5, 0.8, -16212087768.654138],
  [-3, 2, 5, 0.9, 0.32268571428571428],
  [1.5, 2.5, 4.2, 1.0, 25.370995272752415],
  [0.25, 3.2, 1.7, 0.6, 1.7375674245124316],
  [7.5, 0.5, 1.2, 0.75, 2134.6454075175158], // c − a − b = −6.8: a large (1 − z)^(c−a−b)
  [1.5, 2.5, 4.000001, 0.7, 2.7215785810650202], // c − a − b = 1e-6: interpolated across the integer
  [1.5, 2.5, 3.99995, 0.93, 6.6414268528459296], // c − a − b = −5e-5
  [0.7, 1.9, 5.6, 0.8, 1.2851294039899763], // c − a − b = 3 (A&S 15.3.11)
  [0.7, 1.9, 0.6, 0.8, 28.982433489882538], // c − a − b = −2 (Euler, then 15.3.11)
  [0.7, 1.9, -0.4, 0.97, -212532.80112863504], // c − a − b = −3, negative c
  [2.2, 3.1, 2.3, 0.6, 15.291426056748482],
  // z = 0.9995: beyond the direct series' budget, through the connection formula and its integer cases
  [1.5, 2.5, 4.000001, 0.9995, 29.128011644903651],
  [1.5, 2.5, 3.99995, 0.9995, 29.132524750164842],
  [0.7, 1.9, 5.6, 0.9995, 1.4277492619674166],
  [0.7, 1.9, 0.6, 0.9995, 4771115.8473373316],
  [0.7, 1.9, -0.4, 0.9995, -47684083455.849088],
  [2.3, 1.7, 3.1, 0.9995, 2060.9200176476544],
  // c large against a·b (BG/NBD with a large a): the direct series, where the connection formula's would not converge
  [0.5468529634881345, 3651.6, 25677.4, 0.54, 1.0446643859962986],
  [0.5468529634881345, 3651.6, 25677.4, 0.97, 1.0845605742460176],
  [52.3, 5.1, 1000.2, 0.95, 1.2977404266482924],
];

describe('hyp2f1 against mpmath', () => {
  it.each(MPMATH)('₂F₁(%p, %p; %p; %p) = %p', (a, b, c, z, expected) => close(hyp2f1(a, b, c, z), expected, 1e-11));
});

describe('hyp2f1 refuses what has no real value', () => {
  it('z > 1', () => expect(() => hyp2f1(1, 1, 2, 1.0001)).toThrow(RangeError));
  it('z = 1 where the series diverges (c − a − b ≤ 0)', () => expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/diverges/));
  it('c a non-positive integer', () => expect(() => hyp2f1(1, 1, -2, 0.3)).toThrow(/non-positive integer/));
  it('non-finite arguments', () => expect(() => hyp2f1(NaN, 1, 2, 0.3)).toThrow(RangeError));
});

describe('gammaRatio', () => {
  it('handles signs of Γ at negative arguments: Γ(−½) = −2√π, Γ(−3/2) = 4√π/3', () => {
    close(gammaRatio([-0.5], [0.5]), -2);
    close(gammaRatio([-1.5], [0.5]), 4 / 3);
  });
  it('is 0 when a denominator is at a pole', () => expect(gammaRatio([2.5], [-3])).toBe(0));
  it('stays finite where the gammas alone overflow: Γ(200.5)/Γ(200) ≈ √200', () => close(gammaRatio([200.5], [200]), Math.sqrt(200), 1e-3));
});
