import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { QueueService, schemaDrift } from '@crm/platform';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { http, login, sql, until } from '../../../../test/support/http';

describe('schema', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('has no drift: generating a migration against the migrated database produces nothing', async () => {
    const drift = await schemaDrift(t.app.get(DataSource));
    expect(drift.up.map((q) => q.query)).toEqual([]);
  });
});

describe('HTTP conventions and health with the inline queue', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
  });
  afterAll(() => t.close());

  it('reports the database up and the queue inline', async () => {
    const res = await http(t).get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up', queue: 'inline' });
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await http(t, admin).get('/api/v1/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await http(t).get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/customers', '/api/v1/customers/{id}', '/api/v1/auth/login', '/api/v1/health']));
  });

  it('matches the committed contract the console is typed from (run `npm run contracts` after changing the API)', async () => {
    const served = (await http(t).get('/api/docs-json')).body;
    expect(served).toEqual(JSON.parse(readFileSync(join(__dirname, '../../../../libs/contracts/openapi.json'), 'utf8')));
  });

  it('runs a job on demand in-process and reports its progress and result', async () => {
    const started = await http(t, admin).post('/api/v1/jobs/session-cleanup/runs', { asOf: '2030-01-01T00:00:00Z' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ id: expect.any(String), state: 'queued' });
    // As of 2030 every session has expired, including the admin's: watch the run with a new session after it.
    const done = await until('the run to complete', async () => {
      const [run] = await sql(t, `SELECT state FROM job_runs WHERE id = $1`, [started.body.id]);
      return run.state === 'completed' && (await http(t, await login(t)).get(`/api/v1/jobs/runs/${started.body.id}`)).body;
    });
    expect(done).toMatchObject({ name: 'session-cleanup', progress: 100, result: { deleted: expect.any(Number) } });
    expect(done.result.deleted).toBeGreaterThan(0);
  });

  it('refuses unknown jobs, bad asOf and non-managers', async () => {
    expect((await http(t, await login(t)).post('/api/v1/jobs/launch-rockets/runs', {})).status).toBe(404);
    const token = await login(t);
    expect((await http(t, token).post('/api/v1/jobs/session-cleanup/runs', { asOf: 'yesterday' })).status).toBe(422);
    expect((await http(t, token).get('/api/v1/jobs/runs/not-a-run')).status).toBe(404);
  });

  it('runs a scheduled job missed while nothing was up, once, however many processes start', async () => {
    const run = await until('the catch-up run', async () => {
      const rows = await sql(t, `SELECT * FROM job_runs WHERE name = 'session-cleanup' AND scheduled_for IS NOT NULL AND state = 'completed'`);
      return rows.length === 1 && rows[0];
    });
    await t.app.get(QueueService).startProcessing();
    await new Promise((r) => setTimeout(r, 500));
    const rows = await sql(t, `SELECT id FROM job_runs WHERE name = 'session-cleanup' AND scheduled_for IS NOT NULL`);
    expect(rows.map((r) => r.id)).toEqual([run.id]);
    const [schedule] = await sql(t, `SELECT last_success_at FROM job_schedules WHERE name = 'session-cleanup'`);
    expect(new Date(schedule.last_success_at).getTime()).toBe(new Date(run.scheduled_for).getTime());
  });
});
