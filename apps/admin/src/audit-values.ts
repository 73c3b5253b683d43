import { formatDateTime } from './format';
import { DICTIONARIES, translate, type Lang, type MessageKey } from './i18n/translate';

/** The audit page's filters as they live in the URL: days are yyyy-mm-dd, the actor is "user:<id>", "api_key:<id>" or "system". */
export interface AuditFilters {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const AUDIT_FILTERS = ['actor', 'entityType', 'entityId', 'action', 'from', 'to'] as const;

/** The API's query for the filters: whole local days, `to` included (so up to the start of the day after). */
export function auditQuery(f: AuditFilters): Record<string, string | undefined> {
  const [actorType, actorId] = f.actor ? f.actor.split(':') : [];
  return {
    actorType,
    actorId,
    entityType: f.entityType,
    entityId: f.entityId,
    action: f.action,
    from: f.from ? startOfDay(f.from, 0) : undefined,
    to: f.to ? startOfDay(f.to, 1) : undefined,
  };
}

function startOfDay(day: string, plusDays: number): string | undefined {
  const d = new Date(`${day}T00:00:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
}

/** A message when the dictionary has one for `key`, else the fallback (actions, fields and types other features add). */
export function messageOr(lang: Lang, key: string, fallback: string): string {
  return DICTIONARIES[lang][key as MessageKey] ?? fallback;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
export const REDACTED = '[redacted]';

/** A before/after value of the audit log, for reading: times in the reader's format, lists and records flattened. */
export function formatAuditValue(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return translate(lang, value ? 'common.yes' : 'common.no');
  if (value === REDACTED) return translate(lang, 'audit.redacted');
  if (typeof value === 'string') return ISO_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? formatDateTime(value, lang) : value;
  if (Array.isArray(value)) return value.length ? value.map((v) => formatAuditValue(v, lang)).join(lang === 'zh-CN' ? '、' : ', ') : translate(lang, 'audit.emptyList');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${messageOr(lang, `field.${k}`, k)}: ${formatAuditValue(v, lang)}`)
      .join('; ');
  }
  return String(value);
}
