import { INestApplicationContext } from '@nestjs/common';
import { startTestApp, startWorker, TestApp } from '../../../../test/support/test-app';
import { catchUpRunsEnded, http, login, rowCount, runJobToEnd, sql, userWithRole } from '../../../../test/support/http';

/**
 * The health score and lifecycle stages through the churn-score job on BullMQ and a separate worker: each
 * named customer lands in its stage for the reason the rules give, the reasons carry the facts gathered from
 * bookings, complaints (with their follow-up answers) and interactions, a rerun at the same asOf records
 * nothing twice, and the at-risk list, funnel and stage history answer as the owner may see them.
 */
const AS_OF = '2026-06-30T18:00:00.000Z'; // 2026-07-01 02:00 in Shanghai
const DAY = 86_400_000;
const daysBefore = (days: number, asOf = AS_OF) => new Date(Date.parse(asOf) - days * DAY).toISOString();

describe('health score and lifecycle stages (churn-score job)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: string;
  let am: { id: string; token: string };
  let otherAm: { id: string; token: string };
  const named: Record<string, string> = {};

  const runJob = async (asOf = AS_OF) => {
    const run = await runJobToEnd(t, admin, 'churn-score', asOf, 60_000);
    expect(run.state).toBe('completed');
    return run;
  };
  const customer = async (name: string, salesDaysAgo: number[], extra: { tier?: string; quadrant?: string; lifetimeValue?: number } = {}) => {
    const [{ id }] = await sql(t, `WITH c AS (INSERT INTO customers (type, name, owner_id, tier, quadrant) VALUES ('individual', $1, $2, $3, $4) RETURNING id),
       v AS (INSERT INTO customer_values (customer_id, lifetime_value) SELECT id, $5 FROM c) SELECT id FROM c`, [
      name, am.id, extra.tier ?? null, extra.quadrant ?? null, extra.lifetimeValue ?? 0,
    ]);
    named[name] = id;
    for (const [i, days] of salesDaysAgo.entries()) {
      await sql(
        t,
        `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, departure_date, return_date, amount_value, amount_currency)
         VALUES ('erp', $1, $2, 'completed', $3, ($3::timestamptz)::date + 20, ($3::timestamptz)::date + 27, 80000, 'CNY')`,
        [`${name}-${i}`, id, daysBefore(days)],
      );
    }
    return id;
  };
  /** An open complaint with a breached clock, and a closed one whose follow-up the customer answered unhappy. */
  const complaints = async (customerId: string) => {
    const insert = `INSERT INTO complaints (customer_id, channel, category, severity, description, received_at, owner_id, priority, status)
                    VALUES ($1, 'phone', 'hotel', $2, '房间不干净', $3, $4, 'P2', $5) RETURNING id`;
    const [open] = await sql(t, insert, [customerId, 'ordinary', daysBefore(20), am.id, 'acknowledged']);
    await sql(t, `INSERT INTO complaint_sla_clocks (complaint_id, metric, period, minutes, due_at, state, breached_at) VALUES ($1, 'first_response', 1, 120, $2, 'breached', $2)`, [open.id, daysBefore(19)]);
    const [closed] = await sql(t, insert, [customerId, 'major', daysBefore(60), am.id, 'closed']);
    await sql(t, `INSERT INTO complaint_events (complaint_id, type, at) VALUES ($1, 'closed', $2)`, [closed.id, daysBefore(50)]);
    await sql(t, `INSERT INTO complaint_follow_ups (complaint_id, closed_at, due_at, status, satisfied, answered_at) VALUES ($1, $2, $3, 'answered', false, $3)`, [
      closed.id, daysBefore(50), daysBefore(43),
    ]);
  };
  const stages = async () =>
    Object.fromEntries((await sql(t, 'SELECT c.name, l.stage FROM customers c LEFT JOIN customer_lifecycle l ON l.customer_id = c.id WHERE c.id = ANY($1)', [Object.values(named)])).map((r) => [r.name, r.stage]));
  const health = async (name: string) => {
    const [l] = await sql(t, 'SELECT health_score, health_band, health_policy_version, health_reasons FROM customer_lifecycle WHERE customer_id = $1', [named[name]]);
    return l.health_score === null ? null : { score: l.health_score, band: l.health_band, policyVersion: l.health_policy_version, reasons: l.health_reasons };
  };
  const counts = async () => ({ changes: await rowCount(t, 'lifecycle_stage_changes'), scores: await rowCount(t, 'customer_health_scores') });

  beforeAll(async () => {
    t = await startTestApp({ redis: true });
    admin = await login(t);
    am = await userWithRole(t, admin, 'account_manager', 'am');
    otherAm = await userWithRole(t, admin, 'account_manager', 'other-am');
    worker = await startWorker(t);
    // A fresh worker owes every scheduled job its last missed fire (asOf: today); let those finish on the empty database.
    await catchUpRunsEnded(t);
    // 200 customers buying at their own pace over three years, so the model has a population to fit.
    await sql(t, `SELECT setseed(0.7)`);
    await sql(t, `INSERT INTO customers (type, name, owner_id) SELECT 'individual', '背景' || g, $1 FROM generate_series(1, 200) g`, [otherAm.id]);
    await sql(
      t,
      `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, amount_value, amount_currency)
       SELECT 'erp', 'B' || c.id || '-' || k, c.id, 'completed', $1::timestamptz - make_interval(days => floor(random() * 1000)::int + 1), 30000, 'CNY'
       FROM customers c, generate_series(1, 1 + (abs(hashtext(c.name)) % 6)) k WHERE c.name LIKE '背景%'`,
      [AS_OF],
    );
    await customer('只是咨询', []);
    await customer('新客', [30]);
    await customer('回头客', [300, 150, 10]);
    await customer('忠诚客', [300, 150, 10], { quadrant: 'large_loyal' });
    await customer('沉睡', [400]);
    await customer('流失', [800]);
    await customer('唤醒', [900, 20]);
    for (const [name, value] of [['风险高值', 9_000_000], ['风险低值', 1_000_000]] as const) {
      await complaints(await customer(name, [420, 390, 250], { tier: 'A', lifetimeValue: value }));
    }
    // The repeat customer answered the NPS survey with a 9 a month ago (and a 2 after asOf, which does not exist yet).
    for (const [score, days] of [[9, 30], [2, -5]]) {
      await sql(
        t,
        `INSERT INTO nps_surveys (touchpoint_id, customer_id, owner_id, lang, sent_at, expires_at, score, answered_at)
         VALUES (gen_random_uuid(), $1, $2, 'zh-CN', $3, $3::timestamptz + interval '30 days', $4, $3)`,
        [named['回头客'], am.id, daysBefore(days), score],
      );
    }
    // A call last week for the low-value one: their interactions are 1 of the 6.4 tier A asks for in 90 days.
    await sql(t, `INSERT INTO customer_interactions (customer_id, kind, at, user_id) VALUES ($1, 'call', $2, $3)`, [named['风险低值'], daysBefore(7), am.id]);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('stages every customer by the rules and records each first stage once', async () => {
    const run = await runJob();
    expect(run.result.stages).toMatchObject({ customers: 209, changed: 209, stageChanges: 209, policyVersion: 0 });
    expect(await stages()).toEqual({
      只是咨询: 'prospect', 新客: 'new', 回头客: 'repeat', 忠诚客: 'loyal', 沉睡: 'sleeping', 流失: 'lost', 唤醒: 'reactivated', 风险高值: 'at_risk', 风险低值: 'at_risk',
    });
    const history = await sql(t, 'SELECT from_stage, to_stage, as_of FROM lifecycle_stage_changes WHERE customer_id = $1', [named['新客']]);
    expect(history).toEqual([{ from_stage: null, to_stage: 'new', as_of: new Date(AS_OF) }]);
  });

  it('scores health with reasons from bookings, complaints, follow-up answers and interactions', async () => {
    const risky = (await health('风险低值'))!;
    expect(risky.band).toBe('red');
    expect(risky.score).toBeLessThan(40);
    const by = Object.fromEntries(risky.reasons.map((r: { component: string }) => [r.component, r]));
    expect(Object.keys(by).sort()).toEqual(['complaints', 'interactions', 'pAlive', 'recency', 'trend']); // no NPS answer: left out
    expect(by.recency.facts).toEqual({ daysSinceLastPurchase: 250, usualGapDays: 85, ratio: 2.94 });
    expect(by.recency.score).toBe(2.9); // 100 − (2.94 − 1) / 2 × 100
    expect(by.interactions.facts).toEqual({ last90d: 1, expected: 6.4 });
    // open (15) + breached (20) + severe (20) + recent (2 × 10) + unsatisfied follow-up (25): nothing left
    expect(by.complaints).toMatchObject({ score: 0, facts: { total: 2, open: 1, breached: 1, severe: 1, recent: 2, unsatisfied: 1, satisfied: 0 } });
    // one trip in the last 12 months against two before: half the trips, half the value
    expect(by.trend).toMatchObject({ score: 25, facts: { tripsLast12m: 1, tripsPrior12m: 2, valueLast12m: 80000, valuePrior12m: 160000 } });
    const impacts = risky.reasons.map((r: { impact: number }) => r.impact);
    expect(impacts).toEqual([...impacts].sort((u: number, v: number) => v - u));
    expect(await health('只是咨询')).toBeNull();
    const repeat = (await health('回头客'))!;
    expect(repeat.reasons.find((r: { component: string }) => r.component === 'nps')).toMatchObject({ score: 90, facts: { answers: 1, average: 9 } });
    expect(await sql(t, 'SELECT score, band FROM customer_health_scores WHERE customer_id = $1', [named['风险低值']])).toEqual([{ score: risky.score, band: 'red' }]);
  });

  it('a second run with the same asOf changes nothing and records nothing twice', async () => {
    const before = await counts();
    const run = await runJob();
    expect(run.result.stages).toMatchObject({ changed: 0, stageChanges: 0 });
    expect(await counts()).toEqual(before);
  });

  it('lists the at-risk customers by value × risk with their reasons, one page at a time, to their owner only', async () => {
    const first = await http(t, am.token).get('/api/v1/lifecycle/at-risk?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { name: string }) => i.name)).toEqual(['风险高值']);
    const [item] = first.body.items;
    expect(item.valueAtRisk).toBe(Math.floor((9_000_000 * (100 - item.health.score)) / 100));
    expect(item.health.reasons[0]).toMatchObject({ component: expect.any(String), impact: expect.any(Number), facts: expect.any(Object) });
    const second = await http(t, am.token).get(`/api/v1/lifecycle/at-risk?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i: { name: string }) => i.name)).toEqual(['风险低值']);
    expect(second.body.nextCursor).toBeNull();
    expect((await http(t, otherAm.token).get('/api/v1/lifecycle/at-risk')).body.items).toEqual([]);
    expect((await http(t, admin).get('/api/v1/lifecycle/at-risk')).body.items).toHaveLength(2);
    const bad = await http(t, am.token).get('/api/v1/lifecycle/at-risk?cursor=bm9wZQ');
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await http(t, am.token).get('/api/v1/lifecycle/at-risk?limit=0')).status).toBe(422);
  });

  it('counts the funnel per stage, an account manager their own', async () => {
    const mine = (await http(t, am.token).get('/api/v1/lifecycle/funnel')).body;
    expect(mine.stages).toEqual([
      { stage: 'prospect', customers: 1 }, { stage: 'new', customers: 1 }, { stage: 'repeat', customers: 1 }, { stage: 'loyal', customers: 1 },
      { stage: 'at_risk', customers: 2 }, { stage: 'sleeping', customers: 1 }, { stage: 'lost', customers: 1 }, { stage: 'reactivated', customers: 1 },
    ]);
    expect(mine.unscored).toBe(0);
    const all = (await http(t, admin).get('/api/v1/lifecycle/funnel')).body;
    expect(all.stages.reduce((s: number, x: { customers: number }) => s + x.customers, 0)).toBe(209);
  });

  it('a later asOf moves stages and the history shows each move once', async () => {
    const later = '2027-08-05T18:00:00.000Z'; // 400 days on: the new customer's only trip is over a year old
    await runJob(later);
    const again = await runJob(later);
    expect(again.result.stages).toMatchObject({ changed: 0, stageChanges: 0 });
    expect((await stages())['新客']).toBe('sleeping');
    const res = await http(t, am.token).get(`/api/v1/customers/${named['新客']}/stage-history`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { from: 'new', to: 'sleeping', asOf: later },
      { from: null, to: 'new', asOf: AS_OF },
    ]);
    expect((await http(t, otherAm.token).get(`/api/v1/customers/${named['新客']}/stage-history`)).status).toBe(404);
  });

  it('the customer response carries the health score', async () => {
    const res = await http(t, am.token).get(`/api/v1/customers/${named['回头客']}`);
    expect(res.body.lifecycleStage).toBe('sleeping'); // 410 days after their last trip, at the later asOf
    expect(res.body.health).toMatchObject({ score: expect.any(Number), band: expect.stringMatching(/^(green|yellow|red)$/), policyVersion: 0, reasons: expect.any(Array) });
  });

  it('the health policy is versioned; a bad one is refused with field details and changes nothing', async () => {
    expect((await http(t, am.token).get('/api/v1/lifecycle/health-policy')).body).toMatchObject({ version: 0, bands: { green: 70, yellow: 40 } });
    const weights = { pAlive: 25, recency: 25, trend: 15, interactions: 15, complaints: 10, nps: 10 };
    const bad = await http(t, admin).put('/api/v1/lifecycle/health-policy', { weights, bands: { green: 40, yellow: 70 }, defaultGapDays: 365 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: 'bands.yellow', message: 'yellow must be below green' }]);
    expect((await http(t, am.token).put('/api/v1/lifecycle/health-policy', { weights, bands: { green: 70, yellow: 40 }, defaultGapDays: 365 })).status).toBe(403);
    expect(await rowCount(t, 'health_policies')).toBe(0);
    const saved = await http(t, admin).put('/api/v1/lifecycle/health-policy', { weights: { ...weights, trend: 0 }, bands: { green: 80, yellow: 50 }, defaultGapDays: 300, note: '更严格' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, bands: { green: 80, yellow: 50 }, defaultGapDays: 300, note: '更严格' });
    expect(await sql(t, `SELECT details FROM audit_log WHERE action = 'health_policy.save'`)).toEqual([{ details: { version: 1, note: '更严格' } }]);
    const run = await runJob('2027-08-06T18:00:00.000Z');
    expect(run.result.stages.policyVersion).toBe(1);
  });
});
