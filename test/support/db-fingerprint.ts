import { TestApp } from './test-app';
import { sql } from './http';

/**
 * Columns a request may touch without changing anything that matters: a key's "last used" minute. The audit log is
 * left out of the fingerprint and checked on its own (refusals are recorded there on purpose).
 */
const VOLATILE_COLUMNS: Record<string, string[]> = { api_keys: ['last_used_at'] };
const CHECKED_APART = ['audit_log'];

/** A checksum of every row of every table (small test databases only): equal fingerprints mean nothing changed. */
export async function dbFingerprint(t: TestApp): Promise<Record<string, string>> {
  const tables: { name: string }[] = await sql(t, `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const parts = tables
    .filter((r) => !CHECKED_APART.includes(r.name))
    .map((r) => {
      const drop = (VOLATILE_COLUMNS[r.name] ?? []).map((c) => ` - '${c}'`).join('');
      return `SELECT '${r.name}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(md5((to_jsonb(t)${drop})::text), '' ORDER BY md5((to_jsonb(t)${drop})::text))), '') AS sum FROM "${r.name}" t`;
    });
  const rows: { name: string; sum: string }[] = await sql(t, parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
}
