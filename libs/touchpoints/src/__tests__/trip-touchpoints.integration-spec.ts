import { INestApplicationContext } from '@nestjs/common';
import { OutboxService } from '@crm/platform';
import { TouchpointsService } from '../touchpoints.service';
import { startTestApp, startWorker, TestApp } from '../../../../test/support/test-app';
import { http, login, runJobToEnd, sql, userWithRole } from '../../../../test/support/http';

/**
 * The hourly trip-touchpoints job through BullMQ on real Redis and a separate worker, at an `asOf`: what is due
 * goes out once — run it again, or an hour later, and nothing doubles — and what must not go (do-not-contact, no
 * consent, cancelled, not yet booked, deleted) never does.
 */
const AS_OF = '2026-05-07T02:00:00.000Z'; // 10:00 on 2026-05-07 in Shanghai
const LATER = '2026-05-07T03:00:00.000Z';

describe('trip-touchpoints job', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: string;
  let am: { id: string; token: string };
  let other: { id: string; token: string };
  const id: Record<string, string> = {};

  const customer = async (name: string, c: { tier?: string; email?: string; phone?: string; consentEmail?: boolean; consentSms?: boolean; dnc?: boolean; birthday?: string; deleted?: boolean }) => {
    const [row] = await sql(
      t,
      `INSERT INTO customers (type, name, owner_id, tier, email, phone, consent_email, consent_sms, do_not_contact, birthday, created_at, deleted_at)
       VALUES ('individual', $1, $2, $3, $4, $5, $6, $7, $8, $9, '2025-01-01T00:00:00Z', CASE WHEN $10 THEN now() END) RETURNING id`,
      [name, am.id, c.tier ?? 'B', c.email ?? null, c.phone ?? null, c.consentEmail ?? false, c.consentSms ?? false, c.dnc ?? false, c.birthday ?? null, c.deleted ?? false],
    );
    id[name] = row.id;
    return row.id as string;
  };
  const booking = async (customerName: string, b: { departure: string; ret: string | null; category: string; status?: string; bookedAt?: string; destination?: string }) => {
    await sql(
      t,
      `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, departure_date, return_date, destination, category, amount_value, amount_currency)
       VALUES ('erp', $1, $2, $3, $4, $5, $6, $7, $8, 100000, 'CNY')`,
      [`${customerName}-${b.departure}`, id[customerName], b.status ?? 'confirmed', b.bookedAt ?? '2026-03-01T02:00:00Z', b.departure, b.ret, b.destination ?? '清迈', b.category],
    );
  };
  const counts = async () => {
    const [r] = await sql(
      t,
      `SELECT (SELECT count(*) FROM touchpoints)::int AS touchpoints, (SELECT count(*) FROM outgoing_messages WHERE user_id IS NULL)::int AS messages,
              (SELECT count(*) FROM nps_surveys)::int AS surveys, (SELECT count(*) FROM notifications WHERE kind = 'touchpoint.task')::int AS notifications`,
    );
    return r;
  };
  const relay = () => t.app.get(OutboxService).relay();

  beforeAll(async () => {
    t = await startTestApp({ redis: true, env: { PUBLIC_URL: 'https://crm.agency.test' } });
    admin = await login(t);
    am = await userWithRole(t, admin, 'account_manager', 'Li Na');
    other = await userWithRole(t, admin, 'account_manager', 'other');
    worker = await startWorker(t);

    // Handbook due (departs in 3 days), by e-mail, in Chinese.
    await customer('张伟', { email: 'zhang.wei@example.com', consentEmail: true });
    await booking('张伟', { departure: '2026-05-10', ret: '2026-05-15', category: 'family', destination: '哈尔滨' });
    // Back two days ago from an independent trip: the NPS survey, by SMS (no e-mail consent), in English.
    await customer('Anna Smith', { email: 'anna@example.com', phone: '+447700900123', consentSms: true, tier: 'C' });
    await booking('Anna Smith', { departure: '2026-04-28', ret: '2026-05-05', category: 'independent', destination: 'Chiang Mai' });
    // An A customer back from a group trip: a call task for the owner, no message.
    await customer('王芳', { tier: 'A', email: 'wang.fang@example.com', consentEmail: true });
    await booking('王芳', { departure: '2026-04-30', ret: '2026-05-06', category: 'group' });
    // A B customer back from a group trip: the "where next?" vote.
    await customer('赵强', { email: 'zhao@example.com', consentEmail: true });
    await booking('赵强', { departure: '2026-04-25', ret: '2026-05-04', category: 'group' });
    // A custom trip: a call task whatever the tier.
    await customer('钱多', { tier: 'C' });
    await booking('钱多', { departure: '2026-04-20', ret: '2026-05-06', category: 'custom' });
    // Do-not-contact: neither the handbook nor the follow-up call.
    await customer('勿扰', { tier: 'A', email: 'dnc@example.com', consentEmail: true, dnc: true });
    await booking('勿扰', { departure: '2026-05-09', ret: '2026-05-12', category: 'family' });
    await booking('勿扰', { departure: '2026-04-20', ret: '2026-05-05', category: 'custom' });
    // No consent on any channel: no message.
    await customer('没同意', { email: 'nope@example.com', phone: '+8613800000000' });
    await booking('没同意', { departure: '2026-05-09', ret: '2026-05-12', category: 'family' });
    // Cancelled, and booked only after asOf: nothing.
    await customer('取消', { email: 'cancel@example.com', consentEmail: true });
    await booking('取消', { departure: '2026-05-09', ret: '2026-05-12', category: 'family', status: 'cancelled' });
    await booking('取消', { departure: '2026-05-10', ret: '2026-05-12', category: 'family', bookedAt: '2026-05-07T05:00:00Z' });
    // Back 15 days ago: the follow-up is stale.
    await customer('太久', { email: 'late@example.com', consentEmail: true });
    await booking('太久', { departure: '2026-04-15', ret: '2026-04-22', category: 'independent' });
    // Birthdays: an A customer's today (greeting + gift task), an A customer's in 5 days (gift task only), a B
    // customer's in 5 days (nothing yet), and a deleted customer's today (nothing).
    await customer('寿星', { tier: 'A', email: 'shouxing@example.com', consentEmail: true, birthday: '1980-05-07' });
    await customer('快生日', { tier: 'A', email: 'soon@example.com', consentEmail: true, birthday: '1990-05-12' });
    await customer('B生日', { email: 'b@example.com', consentEmail: true, birthday: '1990-05-12' });
    await customer('已删除', { email: 'gone@example.com', consentEmail: true, birthday: '1980-05-07', deleted: true });
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('sends what is due once, and records each touch-point', async () => {
    const run = await runJobToEnd(t, admin, 'trip-touchpoints', AS_OF);
    expect(run.state).toBe('completed');
    expect(run.result).toMatchObject({ recorded: 8, messages: 4, surveys: 1, tasks: 4 });
    const rows = await sql(t, `SELECT c.name, t.kind, t.task, t.due_on::text AS due_on, t.message_id IS NOT NULL AS has_message FROM touchpoints t JOIN customers c ON c.id = t.customer_id ORDER BY c.name, t.kind`);
    expect(rows.map((r) => [r.name, r.kind, r.due_on])).toEqual(
      [
        ['Anna Smith', 'nps_survey', '2026-05-05'],
        ['王芳', 'return_call', '2026-05-10'],
        ['张伟', 'pre_trip_handbook', '2026-05-10'],
        ['寿星', 'birthday_gift', '2026-05-07'],
        ['寿星', 'birthday_greeting', '2026-05-07'],
        ['快生日', 'birthday_gift', '2026-05-12'],
        ['赵强', 'where_next_vote', '2026-05-04'],
        ['钱多', 'return_call', '2026-05-10'],
      ].sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1)),
    );
    expect(rows.every((r) => r.task !== r.has_message)).toBe(true);
  });

  it('writes the messages to the outbox in the customer’s language, on their consented channel, in the day', async () => {
    const messages = await sql(t, `SELECT channel, recipient, subject, body, next_attempt_at, status FROM outgoing_messages WHERE user_id IS NULL ORDER BY recipient`);
    const by = Object.fromEntries(messages.map((m) => [m.recipient, m]));
    expect(Object.keys(by).sort()).toEqual(['+447700900123', 'shouxing@example.com', 'zhang.wei@example.com', 'zhao@example.com']);
    expect(by['zhang.wei@example.com']).toMatchObject({ channel: 'email', subject: '哈尔滨出行手册（2026-05-10 出发）', status: 'pending' });
    expect(by['zhang.wei@example.com'].body).toContain('Li Na');
    expect(by['+447700900123'].channel).toBe('sms');
    expect(by['+447700900123'].body).toMatch(/^Dear Anna Smith, welcome back from Chiang Mai\./);
    expect(by['+447700900123'].body).toMatch(/https:\/\/crm\.agency\.test\/survey\/[0-9a-f-]{36}\.\d+\.[\w-]{43}/);
    expect(by['zhao@example.com'].subject).toBe('下一站去哪儿？');
    expect(by['shouxing@example.com'].subject).toBe('生日快乐！');
    // composed at 10:00 agency time: may go at once
    expect(messages.every((m) => m.next_attempt_at.toISOString() === AS_OF)).toBe(true);
  });

  it('tells the owners of their tasks in the app, once each', async () => {
    await relay();
    await relay();
    const notes = await sql(t, `SELECT user_id, params FROM notifications WHERE kind = 'touchpoint.task' ORDER BY params->>'customerName', params->>'task'`);
    expect(notes.map((n) => [n.params.customerName, n.params.task])).toEqual([
      ['寿星', 'birthday_gift'], ['快生日', 'birthday_gift'], ['王芳', 'return_call'], ['钱多', 'return_call'],
    ].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
    expect(notes.every((n) => n.user_id === am.id)).toBe(true);
  });

  it('adds nothing when run again, or an hour later', async () => {
    const before = await counts();
    expect(before).toEqual({ touchpoints: 8, messages: 4, surveys: 1, notifications: 4 });
    const again = await runJobToEnd(t, admin, 'trip-touchpoints', AS_OF);
    expect(again.state).toBe('completed');
    expect(again.result).toMatchObject({ recorded: 0, messages: 0, surveys: 0, tasks: 0 });
    // Anna turns A meanwhile: her trip's follow-up was the survey, and no call is added on top
    await sql(t, `UPDATE customers SET tier = 'A' WHERE id = $1`, [id['Anna Smith']]);
    const later = await runJobToEnd(t, admin, 'trip-touchpoints', LATER);
    expect(later.result).toMatchObject({ candidates: 8, recorded: 0 }); // her call is a candidate, and turned away
    await relay();
    expect(await counts()).toEqual(before);
  });

  it('greets at 09:00 a birthday whose run falls in the night, and asks for the gift a week ahead', async () => {
    await customer('夜生日', { tier: 'A', email: 'night@example.com', consentEmail: true, birthday: '1988-05-09' });
    const night = '2026-05-08T16:30:00.000Z'; // 00:30 on 2026-05-09 in Shanghai
    const run = await runJobToEnd(t, admin, 'trip-touchpoints', night);
    const [msg] = await sql(t, `SELECT next_attempt_at FROM outgoing_messages WHERE recipient = 'night@example.com'`);
    expect(msg.next_attempt_at.toISOString()).toBe('2026-05-09T01:00:00.000Z');
    // new: the birthday's greeting and gift task, and the handbook of the trip booked after the first run's asOf;
    // 张伟's handbook, Anna's survey and 快生日's gift task were done at the first run
    expect(run.result.byKind).toEqual({ birthday_greeting: 1, birthday_gift: 1, pre_trip_handbook: 1 });
  });

  it('sends once when two runs overlap', async () => {
    await customer('并发', { tier: 'A', email: 'both@example.com', consentEmail: true });
    await booking('并发', { departure: '2026-05-12', ret: '2026-05-16', category: 'family' });
    const service = t.app.get(TouchpointsService);
    const at = new Date('2026-05-09T03:00:00.000Z');
    const runs = await Promise.all([service.run(at), service.run(at), worker.get(TouchpointsService).run(at)]);
    expect(runs.map((r) => r.recorded).sort()).toEqual([0, 0, 1]);
    expect(await sql(t, `SELECT count(*)::int AS n FROM outgoing_messages WHERE recipient = 'both@example.com'`)).toEqual([{ n: 1 }]);
  });

  it('lists the tasks to their owner only, and marks them done with an audit entry', async () => {
    const mine = await http(t, am.token).get('/api/v1/touchpoints/tasks');
    expect(mine.status).toBe(200);
    const names = mine.body.items.map((i: { customerName: string }) => i.customerName);
    expect([names.slice(0, 2), names.slice(2, 4).sort(), names.slice(4)]).toEqual([['寿星', '夜生日'], ['王芳', '钱多'], ['快生日']]);
    const call = mine.body.items.find((i: { customerName: string }) => i.customerName === '王芳');
    expect(call).toMatchObject({ kind: 'return_call', dueOn: '2026-05-10', destination: '清迈', returnDate: '2026-05-06', doneAt: null });
    const theirs = await http(t, other.token).get('/api/v1/touchpoints/tasks');
    expect(theirs.body.items).toEqual([]);
    const task = call.id;
    expect((await http(t, other.token).put(`/api/v1/touchpoints/tasks/${task}`, { done: true })).status).toBe(404);
    const bad = await http(t, am.token).put(`/api/v1/touchpoints/tasks/${task}`, { done: 'yes' });
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const done = await http(t, am.token).put(`/api/v1/touchpoints/tasks/${task}`, { done: true });
    expect(done.status).toBe(200);
    expect(done.body.doneAt).not.toBeNull();
    expect((await http(t, am.token).get('/api/v1/touchpoints/tasks?state=done')).body.items.map((i: { id: string }) => i.id)).toEqual([task]);
    const audit = await sql(t, `SELECT action, actor_id FROM audit_log WHERE entity_id = $1`, [task]);
    expect(audit).toEqual([{ action: 'touchpoint_task.done', actor_id: am.id }]);
    // an admin sees everyone's, or one owner's
    expect((await http(t, admin).get(`/api/v1/touchpoints/tasks?ownerId=${other.id}`)).body.items).toEqual([]);
    expect((await http(t, admin).get('/api/v1/touchpoints/tasks')).body.items).toHaveLength(4);
  });
});
