import fc from 'fast-check';

/** Strings that have broken servers: unicode edge cases, NUL, SQL and script fragments, number-ish and date-ish text. */
export const NASTY_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDFFF', 'x\uD83D', '\uDE00y', '\u202Eevil\u202C', '\u200B', '\u200D\u200D', '\uFEFF',
  'مرحبا بالعالم', 'עברית', 'Ω≈ç√∫', '𝕏𝔂', '👨‍👩‍👧‍👦', 'e\u0301\u0301\u0301', '\r\n\t', '\u2028\u2029',
  "' OR 1=1 --", "'; DROP TABLE customers; --", '" OR ""="', '1; SELECT pg_sleep(30)', '%', '_', '\\', "\\'", '$1', '::text',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '${7*7}', '{{7*7}}', '../../etc/passwd', '%00', '%2e%2e%2f',
  'null', 'undefined', 'NaN', 'Infinity', '-1', '0', '-0', '1e309', '9'.repeat(40), '0x1F', '1.5',
  '2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31T23:59:59Z', '2026-01-01T00:00:00+25:00', '-271821-04-20', '+275760-09-13T00:00:00Z',
  'CNY', 'XXX', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '__proto__', 'constructor',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Any string an attacker or a broken client might send. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\u200B', '\u202E', "'", '"', '<'), loneSurrogate, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(10_000), '汉'.repeat(70_000), '\u0000'.repeat(5_000), "'".repeat(20_000)) },
);

/** JSON values of the wrong type for anything. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom(0, -1, -0, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, Number.MIN_VALUE, true, false, null),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [null], JSON.parse('{"__proto__":{"admin":true}}'), { $gt: '' }, ['a', 'b']) },
);

/** A deeply nested JSON text (arrays or objects), as raw body text: JSON.stringify of such a value is the same text. */
export const deepJson = fc.record({ depth: fc.integer({ min: 100, max: 20_000 }), kind: fc.constantFrom('array', 'object') }).map(({ depth, kind }) =>
  kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
);

/** Bodies that are not JSON objects at all, sent as raw text with a JSON content type. */
export const malformedJson = fc.constantFrom('{', '{"a":', 'null', '[]', '"text"', '42', 'true', '{"a":1,}', "{'a':1}", '\u0000', '{"a":"\\ud800"}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}');

type Schema = { $ref?: string; type?: string; format?: string; enum?: unknown[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; minimum?: number; maximum?: number; minLength?: number; maxLength?: number; allOf?: Schema[]; oneOf?: Schema[]; anyOf?: Schema[]; nullable?: boolean; example?: unknown };

/**
 * Values from an OpenAPI schema, each field sometimes replaced by a hostile value, sometimes left out, and the object
 * sometimes given extra fields (mass assignment): mostly plausible requests, so the checks behind validation run too.
 */
export function fromSchema(schema: Schema | undefined, doc: { components?: { schemas?: Record<string, Schema> } }, ids: fc.Arbitrary<string>, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return hostileValue;
  if (schema.$ref) return fromSchema(doc.components?.schemas?.[schema.$ref.split('/').pop()!], doc, ids, depth + 1);
  const sub = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (sub?.length) return fc.oneof(...sub.map((s) => fromSchema(s, doc, ids, depth + 1)));
  const mixed = (valid: fc.Arbitrary<unknown>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileValue });
  if (schema.enum) return mixed(fc.constantFrom(...schema.enum));
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date-time') return mixed(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()));
      if (schema.format === 'date') return mixed(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
      if (schema.format === 'uuid') return mixed(ids);
      return mixed(fc.oneof(fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) }), ids, fc.emailAddress()));
    case 'integer':
    case 'number':
      return mixed(fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 100_000_000, Number.MAX_SAFE_INTEGER) }));
    case 'boolean':
      return mixed(fc.boolean());
    case 'array':
      return mixed(fc.array(fromSchema(schema.items, doc, ids, depth + 1), { maxLength: 3 }));
    default: {
      const props = Object.entries(schema.properties ?? {});
      const fields = fc.record(Object.fromEntries(props.map(([k, s]) => [k, fromSchema(s, doc, ids, depth + 1)])), { requiredKeys: schema.required?.filter((k) => schema.properties?.[k]) ?? [] });
      const extra = fc.dictionary(fc.constantFrom('ownerId', 'owner', 'tier', 'role', 'id', 'createdBy', 'deletedAt', 'active', 'scopes', 'isAdmin', 'constructor', 'customerId'), hostileValue, { maxKeys: 2 });
      return fc.oneof({ weight: 5, arbitrary: fields }, { weight: 1, arbitrary: fc.tuple(fields, extra).map(([f, e]) => ({ ...(f as object), ...e })) }, { weight: 1, arbitrary: hostileValue });
    }
  }
}
