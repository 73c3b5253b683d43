import { createScratchDatabase } from '@crm/platform';
import { bookingBody } from '../support/booking-fixture';
import { Answer, ServerProcess, buildServer, call, freePort, quantile, startRedis, startServer } from '../support/processes';

/**
 * Redis stopped while a booking system streams bookings and complaints into the API (a Redis of the test's own, with
 * AOF persistence as production needs it). The issue asks for 30 s; the test stops it for FAULT_REDIS_OUTAGE_SECONDS
 * (10 by default, to keep `npm test` short; set 30 to rerun the full case). Bookings never touch Redis; a job run
 * requested during the outage waits in the database and is sent when Redis is back; the outbox relays what piled up.
 */
const OUTAGE_SECONDS = Number(process.env.FAULT_REDIS_OUTAGE_SECONDS ?? 10);
const ADMIN = { email: 'admin@fault.local', password: 'fault-password-1' };

describe(`Redis stopped for ${OUTAGE_SECONDS} s while bookings stream in`, () => {
  let build: ReturnType<typeof buildServer>;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let api: ServerProcess;
  let worker: ServerProcess;
  let base: string;

  beforeAll(async () => {
    build = buildServer();
    [redis, db] = await Promise.all([startRedis(), createScratchDatabase()]);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = { DATABASE_URL: db.url, REDIS_URL: redis.url, JOB_LOCK_SECONDS: '3', DATABASE_POOL_SIZE: '6', API_KEY_RATE_PER_SECOND: '1000', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };
    api = await startServer(build.dir, 'api', { ...env, PORT: String(port), HOST: '127.0.0.1' });
    worker = await startServer(build.dir, 'worker', env);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([api?.signal('SIGKILL'), worker?.signal('SIGKILL')]);
    await redis?.remove();
    await db?.drop();
    build?.remove();
  });

  it('takes every booking throughout, says the queue is down, and catches up without a restart', async () => {
    const admin = (await call(base, 'POST', '/api/v1/auth/login', { body: ADMIN })).body.token;
    const key = (await call(base, 'POST', '/api/v1/api-keys', { token: admin, body: { name: 'erp', scopes: ['bookings:write', 'complaints:write'] } })).body.key;
    expect((await call(base, 'GET', '/api/v1/health')).body).toEqual({ status: 'ok', db: 'up', queue: 'up' });

    // Two booking lanes and a complaint now and then, until told to stop.
    const bookings: (Answer & { at: number })[] = [];
    const complaints: Answer[] = [];
    let sent = 0;
    let streaming = true;
    const t0 = Date.now();
    const lane = async () => {
      while (streaming) {
        const n = ++sent;
        const answer = await call(base, 'PUT', `/api/v1/bookings/erp/B-${n}`, { token: key, body: bookingBody({}, { externalId: `C-${n % 40}`, phone: null, email: null, birthday: null, name: `旅客${n % 40}` }) });
        bookings.push({ ...answer, at: Date.now() - t0 });
        if (n % 25 === 0) {
          complaints.push(await call(base, 'PUT', `/api/v1/complaints/erp/Q-${n}`, {
            token: key,
            body: { customer: { externalId: `C-${n % 40}` }, severity: 'ordinary', category: 'hotel', description: '房间不干净', receivedAt: new Date(Date.now() - 3 * 3600_000).toISOString() },
          }));
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const lanes = Promise.all([lane(), lane()]);
    await new Promise((r) => setTimeout(r, 1500));

    await redis.stop();
    const stoppedAt = Date.now() - t0;
    const health = await call(base, 'GET', '/api/v1/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'degraded', db: 'up', queue: 'down' });
    // Job runs asked for now are accepted and kept in the database: sla-watch (whose breach events for the complaints,
    // received 3 h ago, go to the outbox) and the outbox relay.
    const requested = [];
    for (const job of ['sla-watch', 'outbox-relay']) requested.push(await call(base, 'POST', `/api/v1/jobs/${job}/runs`, { token: admin, body: {} }));
    expect(requested.map((r) => r.status)).toEqual([202, 202]);
    await new Promise((r) => setTimeout(r, OUTAGE_SECONDS * 1000 - (Date.now() - t0 - stoppedAt)));

    await redis.start();
    const restartedAt = Date.now() - t0;
    let healthy: number | null = null;
    while (healthy === null && Date.now() - t0 - restartedAt < 20_000) {
      if ((await call(base, 'GET', '/api/v1/health')).status === 200) healthy = Date.now() - t0 - restartedAt;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(healthy).not.toBeNull();
    // The runs asked for during the outage go out once Redis is back, and the worker (never restarted) runs them.
    let runs: any[] = [];
    while (Date.now() - t0 - restartedAt < 30_000) {
      runs = await Promise.all(requested.map(async (r) => (await call(base, 'GET', `/api/v1/jobs/runs/${r.body.id}`, { token: admin })).body));
      if (runs.every((run) => run.state === 'completed' || run.state === 'failed')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const ranAfter = Date.now() - t0 - restartedAt;
    streaming = false;
    await lanes;

    const during = bookings.filter((b) => b.at >= stoppedAt && b.at < restartedAt);
    const latencies = bookings.map((b) => b.ms);
    console.log(
      `Redis outage ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s: ${bookings.length} bookings (${during.length} during the outage), ` +
        `all ${[...new Set(bookings.map((b) => b.status))].join('/')}; latency p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p99 ${quantile(latencies, 0.99).toFixed(0)} ms, ` +
        `max during outage ${Math.max(...during.map((b) => b.ms)).toFixed(0)} ms; health ok ${healthy} ms after Redis returned; ` +
        `the runs asked for during the outage completed ${ranAfter} ms after; ${complaints.length} complaints`,
    );
    expect(runs).toMatchObject([{ state: 'completed' }, { state: 'completed', result: { relayed: expect.any(Number) } }]);
    expect(during.length).toBeGreaterThan(50);
    expect(bookings.filter((b) => b.status !== 201)).toEqual([]);
    expect(complaints.filter((c) => c.status !== 201)).toEqual([]);
    // Below the 3 s a Redis call may wait: no booking waited on Redis.
    expect(Math.max(...during.map((b) => b.ms))).toBeLessThan(2500);

    // Nothing lost: every booking and complaint is stored, and every event that piled up is relayed.
    const pg = new (await import('pg')).Client({ connectionString: db.url });
    await pg.connect();
    try {
      const count = async (q: string) => Number((await pg.query(q)).rows[0].n);
      expect(await count(`SELECT count(*) AS n FROM bookings`)).toBe(bookings.length);
      expect(await count(`SELECT count(*) AS n FROM complaints`)).toBe(complaints.length);
      expect(await count(`SELECT count(*) AS n FROM outbox_events WHERE type = 'complaint.sla'`)).toBeGreaterThan(0);
      // Events appended after the requested relay ran go out with the next one (every minute): run one now.
      const again = await call(base, 'POST', '/api/v1/jobs/outbox-relay/runs', { token: admin, body: {} });
      for (let i = 0; i < 100 && (await count(`SELECT count(*) AS n FROM outbox_events WHERE relayed_at IS NULL`)) > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(again.status).toBe(202);
      expect(await count(`SELECT count(*) AS n FROM outbox_events WHERE relayed_at IS NULL`)).toBe(0);
    } finally {
      await pg.end();
    }
  });
});
