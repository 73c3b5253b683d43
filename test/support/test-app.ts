import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { NestFactory } from '@nestjs/core';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Config, QueueService, createScratchDatabase, parseConfig, testRedisUrl } from '@crm/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createApp } from '../../apps/api/src/create-app';

export const TEST_ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

export interface TestApp {
  app: NestFastifyApplication;
  config: Config;
  databaseUrl: string;
  /** Base URL when started with `listen: true`. */
  url: string;
  close(): Promise<void>;
}

/**
 * The real API on a scratch database of its own (so test files never collide), with the first admin
 * from TEST_ADMIN. `redis: true` uses the machine's Redis (BullMQ) instead of the inline driver, under a
 * queue prefix of its own whose keys are deleted on close; `startWorker` adds a worker process's modules.
 */
export async function startTestApp(opts: { env?: Record<string, string>; redis?: boolean; listen?: boolean } = {}): Promise<TestApp> {
  const db = await createScratchDatabase();
  const config = {
    ...parseConfig({
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      ADMIN_DIST_DIR: '',
      DATABASE_POOL_SIZE: '4',
      DEMO_DATA: 'false',
      ...(opts.redis ? { REDIS_URL: testRedisUrl(), QUEUE_PREFIX: `crm_test_${process.pid}_${randomUUID().slice(0, 8)}` } : {}),
      ...opts.env,
    }),
    databaseUrl: db.url,
  };
  const app = await createApp(config);
  let url = '';
  if (opts.listen) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  } else {
    await app.getHttpAdapter().getInstance().ready();
  }
  return {
    app,
    config,
    databaseUrl: db.url,
    url,
    close: async () => {
      await app.close();
      if (opts.redis) await deleteQueueKeys(config.queuePrefix);
      await db.drop();
    },
  };
}

/** A worker process's modules on the app's database and Redis, processing (close it before the app). */
export async function startWorker(t: TestApp): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), { logger: false });
  await worker.get(QueueService).startProcessing();
  return worker;
}

async function deleteQueueKeys(prefix: string) {
  const redis = new IORedis(testRedisUrl());
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}
