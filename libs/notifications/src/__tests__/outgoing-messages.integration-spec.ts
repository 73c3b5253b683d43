import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { OutboxService } from '@crm/platform';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { http, login, sql, userWithRole } from '../../../../test/support/http';
import { CLAIM_LEASE_MS } from '../delivery-policy';
import { OutgoingMessagesRepository } from '../outgoing-messages.repository';
import { OutgoingMessagesService } from '../outgoing-messages.service';

interface Received {
  to: string[];
  data: string;
}

/**
 * A tiny SMTP server inside the test: 451 (try later) for recipients starting "busy." the first time, 550 for
 * "nobody.", and every accepted message kept.
 */
async function smtpServer() {
  const received: Received[] = [];
  const busySeen = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('nobody.')) return cb(Object.assign(new Error('no such mailbox'), { responseCode: 550 }));
      if (address.address.startsWith('busy.') && !busySeen.has(address.address)) {
        busySeen.add(address.address);
        return cb(Object.assign(new Error('try again later'), { responseCode: 451 }));
      }
      cb();
    },
    onData(stream, session, cb) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, received, port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * SLA alerts as e-mail through SMTP: one message per outbox event and recipient, written with the notification;
 * sent once however often the job runs, and never again after a crash between sending and marking.
 * Redis is set and no worker runs, so no scheduled run interferes: the job's service is called with its `asOf`.
 */
describe('outgoing e-mail through SMTP', () => {
  let t: TestApp;
  let admin: string;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let dispatch: (asOf: Date) => ReturnType<OutgoingMessagesService['dispatch']>;
  let relay: () => Promise<number>;
  const t0 = new Date('2030-06-01T02:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  /** An sla-watch breach event for `userId`, as WATCH_SQL writes it. */
  const breachEvent = async (userId: string, customerName: string) => {
    const payload = { level: 'breach', userId, complaintId: '0b0e6f3a-1111-4000-8000-000000000001', metric: 'initial_solution', dueAt: '2030-06-01T01:00:00Z', priority: 'P2', customerName };
    const [row] = await sql(t, `INSERT INTO outbox_events (type, payload) VALUES ('complaint.sla', $1) RETURNING id`, [payload]);
    return row.id as string;
  };
  const messagesOf = (eventId: string) => sql(t, `SELECT * FROM outgoing_messages WHERE source_event_id = $1`, [eventId]);
  const deliveredTo = (email: string) => smtp.received.filter((r) => r.to.includes(email));

  beforeAll(async () => {
    smtp = await smtpServer();
    t = await startTestApp({ redis: true, env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'CRM 提醒 <alerts@agency.test>' } });
    admin = await login(t);
    const service = t.app.get(OutgoingMessagesService);
    dispatch = (asOf) => service.dispatch(asOf);
    relay = () => t.app.get(OutboxService).relay();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('writes one e-mail per event and recipient with the notification, however often the event is relayed', async () => {
    const agent = await userWithRole(t, admin, 'agent', 'alice');
    const event = await breachEvent(agent.id, '王芳');
    await relay();
    await sql(t, `UPDATE outbox_events SET relayed_at = NULL WHERE id = $1`, [event]);
    await relay();
    const [msg, ...more] = await messagesOf(event);
    expect(more).toEqual([]);
    expect(msg).toMatchObject({ channel: 'email', status: 'pending', attempts: 0, user_id: agent.id, subject: '[P2] 投诉已超时：王芳 · 初步方案 | Complaint breached: 王芳 · initial solution' });
    expect(msg.recipient).toMatch(/^alice\..*@test\.local$/);
    expect((await sql(t, `SELECT count(*)::int AS n FROM notifications WHERE source_event_id = $1`, [event]))[0].n).toBe(1);
    // Other notification kinds make no e-mail.
    const [tier] = await sql(t, `INSERT INTO outbox_events (type, payload) VALUES ('complaint.sla', $1) RETURNING id`, [{ level: 'unknown', userId: agent.id }]);
    await relay();
    expect(await messagesOf(tier.id)).toEqual([]);
  });

  it('sends a pending e-mail once, however many times the job runs, one after the other or at once', async () => {
    const agent = await userWithRole(t, admin, 'agent', 'bob');
    const event = await breachEvent(agent.id, '李雷');
    await relay();
    const [{ recipient }] = await messagesOf(event);
    // Two runs at once (two workers), then another one: alice's from the first test and bob's are sent by one of them.
    const [one, two] = await Promise.all([dispatch(t0), dispatch(t0)]);
    expect(one.sent + two.sent).toBe(2);
    expect([one, two].map((r) => r.retrying + r.failed + r.interrupted)).toEqual([0, 0]);
    expect(await dispatch(at(1000))).toMatchObject({ sent: 0 });
    const mails = deliveredTo(recipient);
    expect(mails).toHaveLength(1);
    expect(mails[0].data).toContain('From: =?UTF-8?');
    expect(mails[0].data).toMatch(/Message-ID: <outgoing-\d+@travel-crm>/);
    expect(await messagesOf(event)).toEqual([expect.objectContaining({ status: 'sent', attempts: 1, claimed_at: null, sent_at: t0 })]);
  });

  it('never sends again after a crash between sending and marking it sent: the message is failed after the lease, for an admin to resend', async () => {
    const agent = await userWithRole(t, admin, 'agent', 'carol');
    const event = await breachEvent(agent.id, '韩梅梅');
    await relay();
    const [{ id, recipient }] = await messagesOf(event);
    const markSent = jest.spyOn(t.app.get(OutgoingMessagesRepository), 'markSent').mockRejectedValueOnce(new Error('worker killed'));
    await expect(dispatch(t0)).rejects.toThrow('worker killed');
    markSent.mockRestore();
    expect(deliveredTo(recipient)).toHaveLength(1);
    expect(await messagesOf(event)).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, claimed_at: t0 })]);

    expect(await dispatch(at(CLAIM_LEASE_MS - 1000))).toMatchObject({ sent: 0, interrupted: 0 });
    expect(await dispatch(at(CLAIM_LEASE_MS + 1000))).toMatchObject({ sent: 0, interrupted: 1 });
    expect(deliveredTo(recipient)).toHaveLength(1);
    const [failed] = await messagesOf(event);
    expect(failed).toMatchObject({ status: 'failed', claimed_at: null, last_error: expect.stringContaining('may have been delivered') });

    // The admin sees it in the console's list and sends it again on purpose.
    const list = await http(t, admin).get('/api/v1/outgoing-messages?status=failed&channel=email');
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(id);
    expect(list.body.delivery).toEqual({ email: true, sms: false });
    const retried = await http(t, admin).post(`/api/v1/outgoing-messages/${id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await http(t, admin).post(`/api/v1/outgoing-messages/${id}/retry`)).status).toBe(409);
    expect((await sql(t, `SELECT action FROM audit_log WHERE entity_type = 'outgoing_message' AND entity_id = $1`, [id])).map((r) => r.action)).toEqual(['outgoing_message.retry']);
    await dispatch(new Date());
    expect(deliveredTo(recipient)).toHaveLength(2);
  });

  it('retries a refusal for now with backoff, and gives up on a permanent one at once', async () => {
    const busy = await userWithRole(t, admin, 'agent', 'busy');
    const nobody = await userWithRole(t, admin, 'agent', 'nobody');
    const busyEvent = await breachEvent(busy.id, '甲');
    const nobodyEvent = await breachEvent(nobody.id, '乙');
    await relay();
    expect(await dispatch(t0)).toMatchObject({ sent: 0, retrying: 1, failed: 1 });
    expect(await messagesOf(nobodyEvent)).toEqual([expect.objectContaining({ status: 'failed', attempts: 1, last_error: expect.stringContaining('550') })]);
    expect(await messagesOf(busyEvent)).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, next_attempt_at: at(60_000), last_error: expect.stringContaining('451') })]);
    expect(await dispatch(at(59_000))).toMatchObject({ sent: 0, retrying: 0 });
    expect(await dispatch(at(61_000))).toMatchObject({ sent: 1 });
    expect(await messagesOf(busyEvent)).toEqual([expect.objectContaining({ status: 'sent', attempts: 2, last_error: null })]);
    expect(deliveredTo((await messagesOf(nobodyEvent))[0].recipient)).toHaveLength(0);
  });

  it('refuses bad list filters and retries of unknown messages with problem+json', async () => {
    const bad = await http(t, admin).get('/api/v1/outgoing-messages?status=lost&channel=pigeon');
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['channel', 'status']);
    expect((await http(t, admin).post('/api/v1/outgoing-messages/999999/retry')).status).toBe(404);
    expect((await http(t, admin).post('/api/v1/outgoing-messages/x/retry')).status).toBe(404);
    const agent = await userWithRole(t, admin, 'manager', 'mgr');
    expect((await http(t, agent.token).get('/api/v1/outgoing-messages')).status).toBe(403);
  });

  it('pages the list newest first', async () => {
    const all = (await http(t, admin).get('/api/v1/outgoing-messages?limit=500')).body.items.map((m: { id: string }) => Number(m.id));
    expect(all).toEqual([...all].sort((a, b) => b - a));
    const first = await http(t, admin).get('/api/v1/outgoing-messages?limit=2');
    const rest = await http(t, admin).get(`/api/v1/outgoing-messages?limit=500&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...rest.body.items].map((m: { id: string }) => Number(m.id))).toEqual(all);
  });

  it('counts no attempt while the SMTP server is down: the run fails and the message waits', async () => {
    const agent = await userWithRole(t, admin, 'agent', 'dave');
    const event = await breachEvent(agent.id, '丙');
    await relay();
    await smtp.close();
    await expect(dispatch(at(120_000))).rejects.toThrow();
    expect(await messagesOf(event)).toEqual([expect.objectContaining({ status: 'pending', attempts: 0, claimed_at: null })]);
  });
});
