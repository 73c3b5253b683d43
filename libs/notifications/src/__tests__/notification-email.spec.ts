import { emailFor } from '../notification-email';

const params = { metric: 'initial_solution', dueAt: '2026-03-02T15:15:00.000Z', priority: 'P2', customerName: '张伟' };
const complaintId = '6f1c8e2a-0000-4000-8000-000000000001';
const sla = (level: string, p: Record<string, unknown> = params) => emailFor({ kind: `complaint.sla_${level}`, params: p, entityId: complaintId }, 'Asia/Shanghai');

describe('emailFor', () => {
  it.each([
    ['warning', '即将超时', 'due soon'],
    ['breach', '已超时', 'breached'],
    ['escalation', '超时后仍未处理，已升级', 'escalated'],
  ])('renders an sla_%s in Chinese and English', (level, zh, en) => {
    const mail = sla(level)!;
    expect(mail.subject).toBe(`[P2] 投诉${zh}：张伟 · 初步方案 | Complaint ${en}${level === 'escalation' ? ': still open a further target period after its deadline' : ''}: 张伟 · initial solution`);
    expect(mail.body).toContain(`「初步方案」${zh}`);
    expect(mail.body).toContain(complaintId);
  });

  it("gives the deadline on the agency's wall clock", () => {
    expect(sla('breach')!.body).toContain('时限：2026-03-02 23:15（Asia/Shanghai）');
    expect(emailFor({ kind: 'complaint.sla_breach', params, entityId: null }, 'Europe/Berlin')!.body).toContain('Deadline: 2026-03-02 16:15 (Europe/Berlin)');
  });

  it.each(['emergency_team:应急小组', 'customer_update:进展告知', 'resolution:解决'])('names the metric %s', (pair) => {
    const [metric, zh] = pair.split(':');
    expect(sla('breach', { ...params, metric })!.subject).toContain(`· ${zh} |`);
  });

  it('still says something when params are missing', () => {
    const mail = sla('warning', {})!;
    expect(mail.subject).toBe('投诉即将超时：— · — | Complaint due soon: — · —');
    expect(mail.body).toContain('时限：—');
  });

  it.each(['tier.changed', 'complaint.sla_unknown', 'complaint.follow_up_due', 'complaint.sla_breach.extra'])('makes no e-mail for %s', (kind) => {
    expect(emailFor({ kind, params, entityId: null }, 'Asia/Shanghai')).toBeNull();
  });
});
