import { wallOf } from '@crm/platform';

/**
 * The e-mail that repeats a staff notification, for the kinds that warrant one (the sla-watch alerts), or null.
 * Chinese first (the console's default language), English below: the server does not know the reader's choice.
 */
export interface EmailText {
  subject: string;
  body: string;
}

type Pair = [zh: string, en: string];

const LEVELS: Record<string, Pair> = {
  warning: ['即将超时', 'due soon'],
  breach: ['已超时', 'breached'],
  escalation: ['超时后仍未处理，已升级', 'escalated: still open a further target period after its deadline'],
};
const METRICS: Record<string, Pair> = {
  initial_solution: ['初步方案', 'initial solution'],
  emergency_team: ['应急小组', 'emergency team'],
  customer_update: ['进展告知', 'customer update'],
  resolution: ['解决', 'resolution'],
};

export function emailFor(n: { kind: string; params: Record<string, unknown>; entityId: string | null }, timeZone: string): EmailText | null {
  const level = /^complaint\.sla_(\w+)$/.exec(n.kind)?.[1];
  if (!level || !LEVELS[level]) return null;
  const p = n.params as { metric?: string; dueAt?: string; priority?: string; customerName?: string };
  const [levelZh, levelEn] = LEVELS[level];
  const [metricZh, metricEn] = METRICS[p.metric ?? ''] ?? [p.metric ?? '—', p.metric ?? '—'];
  const name = p.customerName ?? '—';
  const due = p.dueAt ? agencyTime(new Date(p.dueAt), timeZone) : '—';
  const priority = p.priority ? `[${p.priority}] ` : '';
  return {
    subject: `${priority}投诉${levelZh}：${name} · ${metricZh} | Complaint ${levelEn}: ${name} · ${metricEn}`,
    body: [
      `${name} 的投诉（${p.priority ?? '—'}）「${metricZh}」${levelZh}。时限：${due}（${timeZone}）。`,
      `投诉编号：${n.entityId ?? '—'}`,
      '',
      `${name}'s complaint (${p.priority ?? '—'}), "${metricEn}": ${levelEn}. Deadline: ${due} (${timeZone}).`,
      `Complaint id: ${n.entityId ?? '—'}`,
    ].join('\n'),
  };
}

/** "2026-03-02 23:15" on the agency's wall clock. */
function agencyTime(instant: Date, timeZone: string): string {
  const w = wallOf(instant, timeZone);
  const pad = (x: number) => String(x).padStart(2, '0');
  const minutes = Math.floor(w.ms / 60_000);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
