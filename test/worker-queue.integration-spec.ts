import { INestApplicationContext } from '@nestjs/common';
import IORedis from 'ioredis';
import { JOBS, testRedisUrl } from '@crm/platform';
import { startTestApp, startWorker, TestApp } from './support/test-app';
import { http, login, until } from './support/http';

describe('BullMQ on Redis with a separate worker', () => {
  let t: TestApp;
  let worker: INestApplicationContext | null = null;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ redis: true });
    admin = await login(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('reports the queue up', async () => {
    expect((await http(t).get('/api/v1/health')).body).toEqual({ status: 'ok', db: 'up', queue: 'up' });
  });

  it('queues a run in Redis, which waits until a worker takes it', async () => {
    const started = await http(t, admin).post('/api/v1/jobs/session-cleanup/runs', {});
    expect(started.status).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
    expect((await http(t, admin).get(`/api/v1/jobs/runs/${started.body.id}`)).body.state).toBe('queued');

    worker = await startWorker(t);
    const done = await until('the worker to complete the run', async () => {
      const r = await http(t, admin).get(`/api/v1/jobs/runs/${started.body.id}`);
      return r.body.state === 'completed' && r.body;
    });
    expect(done.result).toEqual({ deleted: 0 });
  });

  it('registers each schedule once in Redis, however many workers start', async () => {
    await (await startWorker(t)).close();
    const redis = new IORedis(testRedisUrl());
    const scheduled = JOBS.filter((j) => j.cron);
    const schedulers = (await Promise.all([...new Set(scheduled.map((j) => j.queue))].map((q) => redis.zrange(`${t.config.queuePrefix}:${q}:repeat`, 0, -1)))).flat();
    await redis.quit();
    expect(schedulers.sort()).toEqual(scheduled.map((j) => j.name).sort());
  });

  it('reports the queue down, with 503, when Redis is unreachable, and keeps a requested run queued in the database', async () => {
    const broken = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const res = await http(broken).get('/api/v1/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'degraded', db: 'up', queue: 'down' });
      const token = await login(broken);
      const run = await http(broken, token).post('/api/v1/jobs/session-cleanup/runs', {});
      expect(run.status).toBe(202);
      expect((await http(broken, token).get(`/api/v1/jobs/runs/${run.body.id}`)).body.state).toBe('queued');
    } finally {
      await broken.close();
    }
  });
});
