import fc from 'fast-check';
import { nestsDeeperThan, unstorableTextFields } from '../hostile-requests';

const nest = (depth: number, kind: 'array' | 'object'): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
};

describe('nestsDeeperThan', () => {
  it.each([
    [0, 32, false], [32, 32, false], [33, 32, true], [100_000, 32, true], [3, 2, true], [2, 2, false],
  ])('a value %i levels deep against a limit of %i → %s', (depth, max, deeper) => {
    expect(nestsDeeperThan(nest(depth, 'array'), max)).toBe(deeper);
    expect(nestsDeeperThan(nest(depth, 'object'), max)).toBe(deeper);
  });

  it('looks at every branch, not only the first, and ignores scalars and buffers', () => {
    expect(nestsDeeperThan({ a: 1, b: [1, 2, { c: nest(40, 'array') }] }, 32)).toBe(true);
    expect(nestsDeeperThan({ a: 'x'.repeat(10), b: null, c: Buffer.alloc(100) }, 1)).toBe(false);
    expect(nestsDeeperThan('text', 0)).toBe(false);
  });

  it('agrees with a recursive depth on any JSON value', () => {
    const depth = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0);
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (v, max) => nestsDeeperThan(v, max) === depth(v) > max), { seed: 7, numRuns: 500 });
  });
});

describe('unstorableTextFields', () => {
  it('names NUL and unpaired surrogates in values and keys, with dotted paths', () => {
    const fields = unstorableTextFields({ name: 'a\u0000b', contacts: [{ phone: '\uD800' }, { phone: 'ok' }], tags: ['x\uDFFF'], ['k\u0000']: 1 }, '');
    expect(fields.map((f) => f.field).sort()).toEqual(['contacts.0.phone', 'k\u0000', 'name', 'tags.0']);
  });

  it('accepts any well-formed text: emoji (paired surrogates), RTL, zero-width, CJK, SQL and script fragments', () => {
    const ok = { a: '👨‍👩‍👧‍👦 𝕏', b: '\u202Eevil\u200B\uFEFF', c: '三亚亲子5日游', d: "'; DROP TABLE x; --", e: '<script>', n: 3, z: null };
    expect(unstorableTextFields(ok, '')).toEqual([]);
  });

  it('finds a hidden bad character anywhere, and stops at the limit', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('\u0000', '\uD83D', '\uDE00'), fc.string(), (before, bad, after) => unstorableTextFields({ x: [before + bad + after] }, 'q').length === 1),
      { seed: 11, numRuns: 300 },
    );
    expect(unstorableTextFields(Array.from({ length: 50 }, () => '\u0000'), '', 20)).toHaveLength(20);
  });
});
