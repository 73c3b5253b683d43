import { isCalendarDate } from '@crm/platform';

/**
 * Spreadsheet text → API values. Pure; every function returns null for text it cannot read, and the
 * caller reports that against the row's field.
 */

/**
 * Yuan as written in a sheet ("12,800.50", "¥12800", "12800元") → integer fen. Decimal digits are handled as
 * text, never multiplied as floats, so 0.29 yuan is 29 fen, not 28.999…; more than two decimals is an error.
 */
export function yuanToFen(text: string): number | null {
  const cleaned = text.normalize('NFKC').replace(/^(cny|rmb)|(cny|rmb|元)$/gi, '').replace(/[¥,\s]/g, '');
  const m = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!m) return null;
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return null;
  const fen = BigInt(m[1]) * 100n + BigInt(decimals.padEnd(2, '0'));
  return fen <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(fen) : null;
}

const DAY = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const WALL_TIME = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

/** "2026-04-01", "2026/4/1", "2026.4.1", "2026年4月1日" → "2026-04-01" when it is a real calendar day. */
export function toDay(text: string): string | null {
  const m = DAY.exec(text.trim());
  if (!m) return null;
  const day = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  return isCalendarDate(day) ? day : null;
}

/**
 * A moment as ISO-8601 with offset. Text that already has an offset is kept; a wall time ("2026-03-01 10:00",
 * or a bare day meaning its midnight) is read in the agency's time zone, as a person filling the sheet means it.
 */
export function toInstant(text: string, timeZone: string): string | null {
  const t = text.trim();
  if (WITH_OFFSET.test(t)) return Number.isNaN(Date.parse(t)) ? null : t;
  const m = WALL_TIME.exec(t);
  if (!m) return null;
  const day = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  const [h, min, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!isCalendarDate(day) || h > 23 || min > 59 || s > 59) return null;
  const wall = `${day}T${pad(h)}:${pad(min)}:${pad(s)}`;
  return `${wall}${zoneOffset(wall, timeZone)}`;
}

/** The UTC offset ("+08:00") of a time zone at a wall-clock time, from Intl (no time-zone library needed). */
export function zoneOffset(wall: string, timeZone: string): string {
  const asUtc = Date.parse(`${wall}Z`);
  // The zone's offset at the instant that wall time would be in UTC; re-evaluated once for DST edges.
  let offset = offsetMinutesAt(asUtc, timeZone);
  offset = offsetMinutesAt(asUtc - offset * 60_000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function offsetMinutesAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(new Date(instant))
    .reduce<Record<string, string>>((acc, p) => ((acc[p.type] = p.value), acc), {});
  const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** A whole number ("3", "3.0", "3人") or null. */
export function toWholeNumber(text: string): number | null {
  const m = /^(\d{1,9})(?:\.0*)?\s*人?$/.exec(text.normalize('NFKC').trim());
  return m ? Number(m[1]) : null;
}

/** A cell's words for an enum value ("已确认", "Confirmed") → the value; unknown words are returned as given. */
export function enumValue(text: string, words: Record<string, readonly string[]>): string {
  const t = text.normalize('NFKC').trim().toLowerCase();
  for (const [value, names] of Object.entries(words)) if (value === t || names.includes(t)) return value;
  return text.trim();
}

export const CUSTOMER_TYPE_WORDS = {
  individual: ['个人', '散客', '旅客', 'person'],
  organization: ['机构', '企业', '公司', '单位', '大客户', 'organisation', 'company', 'corporate'],
  partner: ['合作伙伴', '同业', '渠道', '分销商', '地接社', 'agency'],
} as const;

export const BOOKING_STATUS_WORDS = {
  inquiry: ['咨询', '询价', '意向', 'enquiry'],
  confirmed: ['已确认', '确认', '已预订', '已下单', 'booked'],
  cancelled: ['已取消', '取消', 'canceled'],
  completed: ['已完成', '完成', '已出行', 'done'],
} as const;

export const BOOKING_CATEGORY_WORDS = {
  family: ['亲子', '家庭', '家庭游'],
  honeymoon: ['蜜月', '婚旅'],
  business: ['商务', '差旅'],
  group: ['团队', '跟团', '团建', '团队游'],
  independent: ['自由行', '散拼'],
  custom: ['定制', '私人定制', '定制游'],
  other: ['其他', '其它'],
} as const;
