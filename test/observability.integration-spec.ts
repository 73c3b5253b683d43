import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { MetricsService, QUEUES } from '@crm/platform';
import { startTestApp, startWorker, TestApp } from './support/test-app';
import { http, login, rowCount, runJobToEnd, sql, userWithRole } from './support/http';

/** Prometheus metrics behind their token, and the admins' BullMQ board behind the console's session. */
const TOKEN = 'metrics-token-0123456789';

describe('observability', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: string;
  const scrape = (token?: string) => http(t, token).get('/metrics');
  /** The value of one sample line, e.g. `crm_outbox_backlog` or `crm_http_requests_total{method="GET",…}`. */
  const sample = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(series + ' '));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  beforeAll(async () => {
    t = await startTestApp({ redis: true, env: { METRICS_TOKEN: TOKEN } });
    admin = await login(t);
    worker = await startWorker(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('serves Prometheus metrics only with the token', async () => {
    for (const res of [await scrape(), await scrape('wrong-token-0123456789')]) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const off = await startTestApp();
    try {
      expect((await http(off).get('/metrics')).status).toBe(404);
    } finally {
      await off.close();
    }
  });

  it('counts requests per route pattern, queue depths, the outbox backlog and job runs', async () => {
    for (let i = 0; i < 3; i++) expect((await http(t).get('/api/v1/health')).status).toBe(200);
    expect((await http(t, admin).get(`/api/v1/customers/${randomUUID()}`)).status).toBe(404);
    expect((await runJobToEnd(t, admin, 'session-cleanup', new Date().toISOString())).state).toBe('completed');
    await sql(t, `INSERT INTO outbox_events (type, payload) VALUES ('test.unhandled', '{}')`);

    const res = await scrape(TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text: string = res.text;
    expect(sample(text, 'crm_http_requests_total{method="GET",route="/api/v1/health",status="200"}')).toBe(3);
    expect(sample(text, 'crm_http_request_duration_seconds_count{method="GET",route="/api/v1/customers/:id"}')).toBe(1);
    expect(sample(text, 'crm_http_requests_total{method="GET",route="/api/v1/customers/:id",status="404"}')).toBe(1);
    expect(sample(text, 'crm_queue_jobs{queue="maintenance",state="completed"}')).toBeGreaterThanOrEqual(1);
    for (const q of QUEUES) expect(sample(text, `crm_queue_jobs{queue="${q}",state="failed"}`)).toBe(0);
    expect(sample(text, 'crm_outbox_backlog')).toBe(Number((await sql(t, 'SELECT count(*) AS n FROM outbox_events WHERE relayed_at IS NULL'))[0].n));
    expect(sample(text, 'crm_outbox_backlog')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'crm_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
    // The worker's start ran the scheduled jobs it owed: their last success is known to every replica.
    expect(sample(text, 'crm_job_last_success_timestamp_seconds{job="outbox-relay"}')).toBeGreaterThan(Date.now() / 1000 - 3600);
    expect(sample(text, 'crm_process_resident_memory_bytes')).toBeGreaterThan(0);

    // Job durations are measured where the job ran: the worker (scraped on its METRICS_PORT).
    const own = await worker.get(MetricsService).registry.metrics();
    expect(sample(own, 'crm_job_duration_seconds_count{job="session-cleanup",outcome="completed"}')).toBeGreaterThanOrEqual(1);
    expect(sample(own, 'crm_job_failures_total{job="session-cleanup"}')).toBeUndefined();
  });

  it('the worker serves its metrics on its own port with the same token', async () => {
    const server = await worker.get(MetricsService).listen(0, '127.0.0.1', TOKEN);
    try {
      const { port } = server.address() as { port: number };
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
      const res = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('crm_job_duration_seconds_bucket{le="0.05",job="session-cleanup",outcome="completed"}');
    } finally {
      server.close();
    }
  });

  it('opens the queue board (see and clean jobs) to administrators only, and audits refusals', async () => {
    expect((await http(t).get('/api/v1/admin/queues')).status).toBe(401);
    const manager = await userWithRole(t, admin, 'manager', 'mgr');
    const denials = await rowCount(t, 'audit_log');
    const refused = await http(t, manager.token).get('/api/v1/admin/queues/api/queues');
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await rowCount(t, 'audit_log')).toBe(denials + 1);
    expect((await sql(t, `SELECT action, entity_type FROM audit_log ORDER BY at DESC LIMIT 1`))[0]).toMatchObject({ entity_type: 'queue_board' });

    const page = await http(t, admin).get('/api/v1/admin/queues');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Travel CRM jobs');
    const api = await http(t, admin).get('/api/v1/admin/queues/api/queues');
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([...QUEUES].sort());
    // Cleaning a finished job away: refused to the manager (the job stays), done for the admin. A run's job id is its id.
    const run = await runJobToEnd(t, admin, 'session-cleanup', new Date().toISOString());
    const job = `/api/v1/admin/queues/api/queues/maintenance/${run.id}`;
    expect((await http(t, admin).get(job)).status).toBe(200);
    expect((await http(t, manager.token).put(`${job}/clean`)).status).toBe(403);
    expect((await http(t, admin).get(job)).status).toBe(200);
    expect((await http(t, admin).put(`${job}/clean`)).status).toBe(204);
    expect((await http(t, admin).get(job)).status).toBe(404);
    // The console's session cookie opens it too, as a browser would.
    expect((await http(t).get('/api/v1/admin/queues').set('Cookie', `crm_session=${admin}`)).status).toBe(200);
  });
});
