import { randomUUID } from 'node:crypto';
import { agencyDate } from '@crm/platform';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { http, login, rowCount, runJobToEnd, sql, userWithRole } from '../../../../test/support/http';
import { npsOfScores } from '../nps';
import { NpsService } from '../nps.service';
import { signSurveyToken } from '../survey-token';

/**
 * The survey a customer answers through the signed link in their message, without signing in, and the NPS
 * figures managers read: per month (agency time), per account manager, per destination, checked against the
 * pure nps() of the same answers.
 */
// The link's 30 days run on the real clock: the trip came back two days ago.
const AS_OF = new Date().toISOString();
const RETURNED = agencyDate(new Date(Date.now() - 2 * 86_400_000), 'Asia/Shanghai');
const THIS_MONTH = agencyDate(new Date(), 'Asia/Shanghai').slice(0, 7);

describe('NPS', () => {
  let t: TestApp;
  let admin: string;
  let am: { id: string; token: string };
  let am2: { id: string; token: string };
  let agent: { id: string; token: string };
  let token: string;
  let customerId: string;

  const problem = (res: { status: number; headers: Record<string, string>; body: { status: number } }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.status).toBe(status);
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL: 'https://crm.agency.test' } });
    admin = await login(t);
    am = await userWithRole(t, admin, 'account_manager', 'Li Na');
    am2 = await userWithRole(t, admin, 'account_manager', 'Wang Lei');
    agent = await userWithRole(t, admin, 'agent', 'agent');
    [{ id: customerId }] = await sql(
      t,
      `INSERT INTO customers (type, name, owner_id, phone, consent_sms, created_at) VALUES ('individual', 'Anna Smith', $1, '+447700900123', true, '2025-01-01T00:00:00Z') RETURNING id`,
      [am.id],
    );
    await sql(
      t,
      `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, departure_date, return_date, destination, category, amount_value, amount_currency)
       VALUES ('erp', 'N-1', $1, 'completed', '2026-03-01T02:00:00Z', $2::date - 7, $2, 'Chiang Mai', 'independent', 100000, 'CNY')`,
      [customerId, RETURNED],
    );
    const run = await runJobToEnd(t, admin, 'trip-touchpoints', AS_OF);
    expect(run.result).toMatchObject({ surveys: 1 });
    const [msg] = await sql(t, `SELECT body FROM outgoing_messages WHERE recipient = '+447700900123'`);
    token = /https:\/\/crm\.agency\.test\/survey\/(\S+)/.exec(msg.body)![1];
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  describe('the survey through its link', () => {
    it('opens without signing in', async () => {
      const res = await http(t).get(`/api/v1/nps/surveys/${token}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ lang: 'en', destination: 'Chiang Mai', returnDate: RETURNED, answered: false });
    });

    it('refuses an altered or incomplete link with 403, an expired one with 410, and an unknown survey with 404', async () => {
      const [id, exp, sig] = token.split('.');
      const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
      problem(await http(t).get(`/api/v1/nps/surveys/${id}.${exp}.${flipped}`), 403);
      problem(await http(t).get(`/api/v1/nps/surveys/${id}.${Number(exp) + 3600}.${sig}`), 403);
      problem(await http(t).get(`/api/v1/nps/surveys/${id}.${exp}`), 403);
      problem(await http(t).post(`/api/v1/nps/surveys/${id}.${exp}.${flipped}/answer`, { score: 10 }), 403);
      const expired = signSurveyToken(id, new Date(Date.now() - 1000), t.config.surveySecret);
      const gone = await http(t).post(`/api/v1/nps/surveys/${expired}/answer`, { score: 10 });
      problem(gone, 410);
      expect(gone.body.detail).toMatch(/expired/);
      problem(await http(t).get(`/api/v1/nps/surveys/${signSurveyToken(randomUUID(), new Date(Date.now() + 86_400_000), t.config.surveySecret)}`), 404);
      expect((await sql(t, `SELECT count(*)::int AS n FROM nps_surveys WHERE answered_at IS NOT NULL`))[0].n).toBe(0);
    });

    it('refuses a score outside 0–10 or an overlong comment with the field named, changing nothing', async () => {
      for (const body of [{ score: 11 }, { score: -1 }, { score: 7.5 }, { score: '9' }, {}]) {
        const res = await http(t).post(`/api/v1/nps/surveys/${token}/answer`, body);
        problem(res, 422);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('score');
      }
      const long = await http(t).post(`/api/v1/nps/surveys/${token}/answer`, { score: 9, comment: 'x'.repeat(2001) });
      problem(long, 422);
      expect(long.body.errors.map((e: { field: string }) => e.field)).toEqual(['comment']);
      expect((await sql(t, `SELECT count(*)::int AS n FROM nps_surveys WHERE answered_at IS NOT NULL`))[0].n).toBe(0);
    });

    it('takes one answer, audited, and refuses a second with 409', async () => {
      const audits = await rowCount(t, 'audit_log');
      const res = await http(t).post(`/api/v1/nps/surveys/${token}/answer`, { score: 9, comment: '  The guide was wonderful.  ' });
      expect(res.status).toBe(200);
      expect(res.body.answered).toBe(true);
      const [s] = await sql(t, `SELECT score, comment, owner_id, customer_id FROM nps_surveys`);
      expect(s).toEqual({ score: 9, comment: 'The guide was wonderful.', owner_id: am.id, customer_id: customerId });
      expect(await rowCount(t, 'audit_log')).toBe(audits + 1);
      const [entry] = await sql(t, `SELECT action, actor_type FROM audit_log ORDER BY at DESC LIMIT 1`);
      expect(entry).toEqual({ action: 'nps.answer', actor_type: 'system' });
      problem(await http(t).post(`/api/v1/nps/surveys/${token}/answer`, { score: 2 }), 409);
      expect((await sql(t, `SELECT score FROM nps_surveys`))[0].score).toBe(9);
      expect((await http(t).get(`/api/v1/nps/surveys/${token}`)).body.answered).toBe(true);
    });
  });

  describe('the figures', () => {
    // answers of two managers' customers, over three months and three destinations (one unknown)
    const answers: { owner: 'am' | 'am2'; destination: string | null; at: string; score: number }[] = [];
    beforeAll(async () => {
      const destinations = ['清迈', '京都', null];
      const moments = ['2026-02-10T04:00:00Z', '2026-03-31T15:59:00Z', '2026-03-31T16:30:00Z', '2026-04-15T04:00:00Z']; // 03-31 23:59 and 04-01 00:30 in Shanghai
      for (let i = 0; i < 40; i++) {
        answers.push({ owner: i % 3 === 0 ? 'am2' : 'am', destination: destinations[i % 3 === 1 ? 0 : i % 5 === 0 ? 2 : 1], at: moments[i % 4], score: (i * 7) % 11 });
      }
      const owner = (o: 'am' | 'am2') => (o === 'am' ? am.id : am2.id);
      for (const a of answers) {
        await sql(
          t,
          `INSERT INTO nps_surveys (touchpoint_id, customer_id, owner_id, destination, lang, sent_at, expires_at, score, answered_at)
           VALUES (gen_random_uuid(), $1, $2, $3, 'zh-CN', $4::timestamptz - interval '1 day', $4::timestamptz + interval '29 days', $5, $4)`,
          [customerId, owner(a.owner), a.destination, a.at, a.score],
        );
      }
    });
    const monthOf = (at: string) => (at === '2026-03-31T16:30:00Z' ? '2026-04' : at.slice(0, 7));
    // the answer given through the link counts too: Li Na's, Chiang Mai, this month
    const all = () => [...answers, { owner: 'am' as const, destination: 'Chiang Mai', at: 'now', score: 9 }];

    it('counts per month in agency time, per manager and per destination, as nps() does', async () => {
      const res = await http(t, admin).get(`/api/v1/nps/report?from=2026-01&to=${THIS_MONTH}`);
      expect(res.status).toBe(200);
      const inRange = all().filter((a) => a.at === 'now' || monthOf(a.at) >= '2026-01');
      expect(res.body.overall).toEqual(npsOfScores(inRange.map((a) => a.score)));
      expect(res.body.byMonth[0]).toEqual({ month: '2026-01', promoters: 0, passives: 0, detractors: 0, responses: 0, nps: null });
      for (const m of ['2026-02', '2026-03', '2026-04']) {
        expect(res.body.byMonth.find((x: { month: string }) => x.month === m)).toEqual({ month: m, ...npsOfScores(answers.filter((a) => monthOf(a.at) === m).map((a) => a.score)) });
      }
      const mgr = (o: 'am' | 'am2', id: string) => res.body.byManager.find((x: { managerId: string }) => x.managerId === id);
      expect(mgr('am', am.id)).toEqual({ managerId: am.id, managerName: 'Li Na', ...npsOfScores(all().filter((a) => a.owner === 'am').map((a) => a.score)) });
      expect(mgr('am2', am2.id)).toEqual({ managerId: am2.id, managerName: 'Wang Lei', ...npsOfScores(all().filter((a) => a.owner === 'am2').map((a) => a.score)) });
      for (const d of ['清迈', '京都', null, 'Chiang Mai']) {
        expect(res.body.byDestination.find((x: { destination: string | null }) => x.destination === d)).toEqual({ destination: d, ...npsOfScores(all().filter((a) => a.destination === d).map((a) => a.score)) });
      }
      const figures = res.body.byManager.map((x: { nps: number }) => x.nps);
      expect(figures).toEqual([...figures].sort((a, b) => b - a));
    });

    it('keeps a range to its months', async () => {
      const res = await http(t, admin).get('/api/v1/nps/report?from=2026-03&to=2026-03');
      expect(res.body.byMonth.map((m: { month: string }) => m.month)).toEqual(['2026-03']);
      expect(res.body.overall).toEqual(npsOfScores(answers.filter((a) => monthOf(a.at) === '2026-03').map((a) => a.score)));
    });

    it('shows an account manager only their own customers’ answers, and no agent any', async () => {
      const res = await http(t, am2.token).get(`/api/v1/nps/report?from=2026-01&to=${THIS_MONTH}`);
      expect(res.body.byManager.map((m: { managerId: string }) => m.managerId)).toEqual([am2.id]);
      expect(res.body.overall).toEqual(npsOfScores(answers.filter((a) => a.owner === 'am2').map((a) => a.score)));
      const list = await http(t, am2.token).get('/api/v1/nps/answers?limit=500');
      expect(list.body.items).toHaveLength(answers.filter((a) => a.owner === 'am2').length);
      problem(await http(t, agent.token).get('/api/v1/nps/report'), 403);
    });

    it('pages the answers newest first', async () => {
      const first = await http(t, admin).get('/api/v1/nps/answers?limit=30');
      expect(first.body.items[0]).toMatchObject({ customerName: 'Anna Smith', score: 9, comment: 'The guide was wonderful.', destination: 'Chiang Mai' });
      const second = await http(t, admin).get(`/api/v1/nps/answers?limit=30&cursor=${first.body.nextCursor}`);
      expect(second.body.nextCursor).toBeNull();
      const ids = [...first.body.items, ...second.body.items].map((i: { id: string }) => i.id);
      expect(new Set(ids).size).toBe(41);
    });

    it('refuses a bad range with the field named', async () => {
      const res = await http(t, admin).get('/api/v1/nps/report?from=2026-13&to=2026-02');
      problem(res, 422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['from']);
      problem(await http(t, admin).get('/api/v1/nps/report?from=2026-05&to=2026-02'), 422);
      problem(await http(t, admin).get('/api/v1/nps/report?from=2020-01&to=2026-02'), 422);
    });

    it('gives the health score each customer’s latest answer known at asOf', async () => {
      const nps = t.app.get(NpsService);
      expect(await nps.latestScores([customerId], new Date())).toEqual([{ customerId, score: 9, answeredAt: expect.any(Date) }]);
      const april = await nps.latestScores([customerId], new Date('2026-04-20T00:00:00Z'));
      const last = answers.filter((a) => a.at === '2026-04-15T04:00:00Z').map((a) => a.score);
      expect(last).toContain(april[0].score);
      expect(await nps.latestScores([randomUUID()], new Date())).toEqual([]);
      expect(await nps.latestScores(null, new Date('2026-01-01T00:00:00Z'))).toEqual([]);
    });

    it('moves the answers to the survivor when the customer is merged', async () => {
      const [{ id: survivor }] = await sql(t, `INSERT INTO customers (type, name, owner_id) VALUES ('individual', 'Anna Smith (ERP)', $1) RETURNING id`, [am.id]);
      const res = await http(t, admin).post(`/api/v1/customers/${survivor}/merge`, { mergedId: customerId });
      expect(res.status).toBe(200);
      expect(res.body.moved).toMatchObject({ touchpoints: 1, npsSurveys: answers.length + 1 });
      expect(await t.app.get(NpsService).latestScores([survivor], new Date())).toEqual([{ customerId: survivor, score: 9, answeredAt: expect.any(Date) }]);
    });
  });
});
