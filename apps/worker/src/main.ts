import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, JsonLogger, QueueService, parseConfig, redactUrl } from '@crm/platform';
import { WorkerModule } from './worker.module';

/** The worker: the same modules as the API, as an application context that runs BullMQ processors and schedules. */
async function main() {
  let config;
  try {
    config = parseConfig(process.env);
    if (!config.databaseUrl || !config.redisUrl) throw new ConfigError(['the worker needs DATABASE_URL and REDIS_URL (without Redis, the API runs jobs itself)']);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exit(1);
    }
    throw err;
  }
  const logger = new JsonLogger(config.logLevel, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger });
  app.enableShutdownHooks();
  await app.get(QueueService).startProcessing();
  logger.log({ msg: 'worker running', database: redactUrl(config.databaseUrl), redis: redactUrl(config.redisUrl) });
  const stop = async () => {
    setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main().catch((err) => {
  process.stderr.write(`worker failed to start: ${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
