import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp, TEST_ADMIN } from './test-app';

/** Supertest against the app's server, with a bearer token when given. */
export function http(t: TestApp, token?: string) {
  const server = t.app.getHttpServer();
  const auth = (r: request.Test) => (token ? r.set('Authorization', `Bearer ${token}`) : r);
  return {
    get: (url: string) => auth(request(server).get(url)),
    post: (url: string, body?: object) => auth(request(server).post(url)).send(body),
    patch: (url: string, body?: object) => auth(request(server).patch(url)).send(body),
    put: (url: string, body?: object) => auth(request(server).put(url)).send(body),
    delete: (url: string) => auth(request(server).delete(url)),
    raw: (method: 'post' | 'patch' | 'put', url: string) => auth(request(server)[method](url)),
  };
}

export async function login(t: TestApp, email = TEST_ADMIN.email, password = TEST_ADMIN.password): Promise<string> {
  const res = await http(t).post('/api/v1/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/** Creates a staff user through the API and signs them in. */
export async function userWithRole(t: TestApp, adminToken: string, role: string, name = role): Promise<{ id: string; token: string }> {
  const email = `${name.replace(/\W/g, '')}.${Math.random().toString(36).slice(2, 8)}@test.local`;
  const res = await http(t, adminToken).post('/api/v1/users', { email, name, role, password: 'password-123' });
  if (res.status !== 201) throw new Error(`creating ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, token: await login(t, email, 'password-123') };
}

/** Reads the app's database directly, to check what a request did or did not change. */
export function sql<T = any>(t: TestApp, query: string, params: unknown[] = []): Promise<T[]> {
  return t.app.get(DataSource).query(query, params);
}

/**
 * A fresh app or worker first runs the last missed fire of every scheduled job (on a fresh database, all of them):
 * waits until those runs exist and have ended, so a test's own data and runs are not caught up in them.
 */
export function catchUpRunsEnded(t: TestApp, ms = 60_000): Promise<boolean> {
  const done = `SELECT count(*) > 0 AND bool_and(state IN ('completed', 'failed')) AS done FROM job_runs`;
  return until('the start-up catch-up runs', async () => (await sql(t, done))[0].done === true, ms);
}

/** Rows in a table, to check that a refused request changed nothing. */
export async function rowCount(t: TestApp, table: string): Promise<number> {
  return Number((await sql(t, `SELECT count(*) AS n FROM ${table}`))[0].n);
}

/** Starts a job run at `asOf` through the API and waits until it has completed or failed; the run as the API shows it. */
export async function runJobToEnd(t: TestApp, adminToken: string, name: string, asOf: string, ms = 15000): Promise<any> {
  const started = await http(t, adminToken).post(`/api/v1/jobs/${name}/runs`, { asOf });
  if (started.status !== 202) throw new Error(`starting ${name}: ${started.status} ${JSON.stringify(started.body)}`);
  return until(`${name} at ${asOf} to finish`, async () => {
    const run = (await http(t, adminToken).get(`/api/v1/jobs/runs/${started.body.id}`)).body;
    return run.state === 'completed' || run.state === 'failed' ? run : null;
  }, ms);
}

/** Polls until `fn` returns something truthy, or fails after `ms`. */
export async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
