/** One field's values before and after a write; null where there was (or is) none. */
export interface FieldChange {
  before: unknown;
  after: unknown;
}

export type FieldChanges = Record<string, FieldChange>;

/** What secrets (password hashes, key hashes) look like in an audit row: that they changed, never their value. */
export const REDACTED = '[redacted]';

/**
 * The fields that differ between two snapshots of a record, as JSON-ready values: Dates become ISO strings,
 * bigints strings, undefined null; arrays and objects compare by content. `before` is null for a record just
 * created, `after` for one just removed. Fields in `redact` show only that they changed.
 */
export function fieldChanges(before: object | null, after: object | null, opts: { redact?: readonly string[] } = {}): FieldChanges {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changes: FieldChanges = {};
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const was = normalize(b[field]);
    const is = normalize(a[field]);
    if (canonical(was) === canonical(is)) continue;
    changes[field] = opts.redact?.includes(field) ? { before: was === null ? null : REDACTED, after: is === null ? null : REDACTED } : { before: was, after: is };
  }
  return changes;
}

function normalize(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === 'object') {
    // Inside an object, like at the top level, a field set to undefined is a field not there.
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

/** JSON with object keys sorted, so {a, b} and {b, a} compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}
