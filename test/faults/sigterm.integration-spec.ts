import { Client } from 'pg';
import { createScratchDatabase } from '@crm/platform';
import { bookingBody } from '../support/booking-fixture';
import { Answer, ServerProcess, buildServer, call, freePort, startRedis, startServer } from '../support/processes';

/**
 * SIGTERM while a 1000-booking batch is inside its transaction, and while a job is inside its statement. The test
 * holds a lock the work waits on, so the signal provably lands mid-way. Released within the shutdown window
 * (SHUTDOWN_TIMEOUT_MS, 4 s here) the work finishes and the process exits 0; held past it, the process exits and
 * its transaction is rolled back: all of the work or none of it, never part.
 */
const ADMIN = { email: 'admin@fault.local', password: 'fault-password-1' };
const SHUTDOWN_MS = 4000;

describe('SIGTERM mid-work', () => {
  let build: ReturnType<typeof buildServer>;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let pg: Client;
  let env: Record<string, string>;
  let base: string;
  let port: number;
  let api: ServerProcess | null = null;
  let worker: ServerProcess | null = null;
  let admin: string;
  let key: string;

  const startApi = async () => {
    api = await startServer(build.dir, 'api', { ...env, PORT: String(port), HOST: '127.0.0.1' });
    admin = (await call(base, 'POST', '/api/v1/auth/login', { body: ADMIN })).body.token;
  };
  const count = async (q: string, params: unknown[] = []) => Number((await pg.query(q, params)).rows[0].n);
  /** Runs `work` while another connection holds `lock`, releasing it after `holdMs`. */
  const holding = async (lock: string, params: unknown[], holdMs: number, work: (waiting: () => Promise<void>) => Promise<void>) => {
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(lock, params);
    const [{ pid }] = (await holder.query('SELECT pg_backend_pid() AS pid')).rows;
    const waiting = async () => {
      for (let i = 0; i < 150 && !(await count(`SELECT count(*) AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [pid])); i++) await new Promise((r) => setTimeout(r, 100));
      expect(await count(`SELECT count(*) AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [pid])).toBeGreaterThan(0);
    };
    const release = new Promise((r) => setTimeout(r, holdMs)).then(() => holder.query('ROLLBACK')).then(() => holder.end());
    try {
      await work(waiting);
    } finally {
      await release;
    }
  };
  const batch = (prefix: string) => ({
    items: Array.from({ length: 1000 }, (_, i) => ({ source: 'erp', externalId: `${prefix}-${i}`, ...bookingBody({ amount: { value: 10000 + i * 997, currency: 'CNY' } }, { externalId: `C-${i % 300}`, phone: null, email: null, birthday: null, name: `旅客${i % 300}` }) })),
  });

  beforeAll(async () => {
    build = buildServer();
    [redis, db] = await Promise.all([startRedis(), createScratchDatabase()]);
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      DATABASE_URL: db.url, REDIS_URL: redis.url, JOB_LOCK_SECONDS: '3', SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_MS), DATABASE_POOL_SIZE: '6',
      ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password,
    };
    await startApi();
    key = (await call(base, 'POST', '/api/v1/api-keys', { token: admin, body: { name: 'erp', scopes: ['bookings:write'] } })).body.key;
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  }, 90_000);
  afterAll(async () => {
    await Promise.all([api?.signal('SIGKILL'), worker?.signal('SIGKILL')]);
    await pg?.end();
    await redis?.remove();
    await db?.drop();
    build?.remove();
  });

  it('API: a batch in flight is finished before exit; new requests are turned away', async () => {
    await holding('LOCK TABLE audit_log IN EXCLUSIVE MODE', [], 1500, async (waiting) => {
      const answer = call(base, 'POST', '/api/v1/bookings/batch', { token: key, body: batch('A'), timeoutMs: 20_000 });
      await waiting();
      const exited = api!.signal('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      const late = await call(base, 'GET', '/api/v1/health');
      expect([0, 503]).toContain(late.status);
      const res = await answer;
      expect(res.status).toBe(200);
      expect(res.body.results.filter((r: { status: number }) => r.status !== 201)).toEqual([]);
      const { code } = await exited;
      if (code !== 0) console.log(api!.output().slice(-3000));
      expect(code).toBe(0);
    });
    expect(await count(`SELECT count(*) AS n FROM bookings WHERE external_id LIKE 'A-%'`)).toBe(1000);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'booking.create'`)).toBe(1000);
  });

  it('API: a batch that cannot finish within the shutdown window leaves nothing behind', async () => {
    await startApi();
    const before = [await count('SELECT count(*) AS n FROM bookings'), await count('SELECT count(*) AS n FROM customers'), await count('SELECT count(*) AS n FROM audit_log')];
    await holding('LOCK TABLE audit_log IN EXCLUSIVE MODE', [], SHUTDOWN_MS + 2000, async (waiting) => {
      const answer = call(base, 'POST', '/api/v1/bookings/batch', { token: key, body: batch('B'), timeoutMs: 20_000 });
      await waiting();
      const exited = await api!.signal('SIGTERM');
      expect(exited.code).toBe(1);
      expect((await answer).status).toBe(0);
    });
    // The killed transaction rolled back once its connection closed.
    await new Promise((r) => setTimeout(r, 300));
    expect([await count('SELECT count(*) AS n FROM bookings'), await count('SELECT count(*) AS n FROM customers'), await count('SELECT count(*) AS n FROM audit_log')]).toEqual(before);
    await startApi();
  });

  it('worker: a job in flight is finished before exit; one that cannot finish is abandoned whole and taken over', async () => {
    worker = await startServer(build.dir, 'worker', env);
    // The worker's start runs the scheduled jobs it owes; let those finish first.
    for (let i = 0; i < 300 && (await count(`SELECT count(*) AS n FROM job_runs WHERE state IN ('queued', 'running')`)); i++) await new Promise((r) => setTimeout(r, 100));
    const runJob = (name: string, asOf: string) => call(base, 'POST', `/api/v1/jobs/${name}/runs`, { token: admin, body: { asOf } });
    const runState = async (id: string) => (await call(base, 'GET', `/api/v1/jobs/runs/${id}`, { token: admin })).body;

    // Finished: the first retier gives every customer with sales a tier.
    let run!: Answer;
    await holding('LOCK TABLE customer_tier_changes IN EXCLUSIVE MODE', [], 1500, async (waiting) => {
      run = await runJob('retier', '2026-06-30T00:00:00Z');
      await waiting();
      expect((await worker!.signal('SIGTERM')).code).toBe(0);
    });
    expect(await runState(run.body.id)).toMatchObject({ state: 'completed' });
    const tiers = async () => (await pg.query(`SELECT string_agg(id || ':' || coalesce(tier, '-'), ',' ORDER BY id) AS t FROM customers`)).rows[0].t;
    const tiered = await tiers();
    expect(await count(`SELECT count(*) AS n FROM customers WHERE tier IS NOT NULL`)).toBeGreaterThan(0);

    // Abandoned: retier as of ten years on (no recent sales: tiers change) held past the shutdown window.
    worker = await startServer(build.dir, 'worker', env);
    const changes = await count('SELECT count(*) AS n FROM customer_tier_changes');
    await holding('LOCK TABLE customer_tier_changes IN EXCLUSIVE MODE', [], SHUTDOWN_MS + 1000, async (waiting) => {
      run = await runJob('retier', '2036-06-30T00:00:00Z');
      await waiting();
      expect((await worker!.signal('SIGTERM')).code).toBe(1);
    });
    expect(await tiers()).toBe(tiered);
    expect(await count('SELECT count(*) AS n FROM customer_tier_changes')).toBe(changes);
    worker = await startServer(build.dir, 'worker', env);
    let state: any;
    for (let i = 0; i < 200 && !['completed', 'failed'].includes((state = await runState(run.body.id)).state); i++) await new Promise((r) => setTimeout(r, 100));
    expect(state.state).toBe('completed');
    expect(await tiers()).not.toBe(tiered);
    expect(await count('SELECT count(*) AS n FROM customer_tier_changes')).toBe(changes + state.result.changed);
  });
});
