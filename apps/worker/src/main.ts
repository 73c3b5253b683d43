import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JsonLogger, MetricsService, QueueService, closeOnSignals, loadConfigOrExit, redactUrl } from '@crm/platform';
import { WorkerModule } from './worker.module';

/** The worker: the domain modules as an application context that runs the BullMQ processors and schedules. */
async function main() {
  const config = loadConfigOrExit(process.env, (c) => [
    ...(c.databaseUrl && c.redisUrl ? [] : ['the worker needs DATABASE_URL and REDIS_URL (without Redis, the API runs jobs itself)']),
    ...(c.metricsPort && !c.metricsToken ? ['METRICS_PORT needs METRICS_TOKEN (the bearer token Prometheus sends)'] : []),
  ]);
  const logger = new JsonLogger(config.logLevel, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger });
  await app.get(QueueService).startProcessing();
  // Prometheus scrapes each worker for the job durations and failures it measured.
  const metrics = config.metricsPort && config.metricsToken ? await app.get(MetricsService).listen(config.metricsPort, config.host, config.metricsToken) : null;
  logger.log({ msg: 'worker running', database: redactUrl(config.databaseUrl!), redis: redactUrl(config.redisUrl!), metricsPort: metrics ? config.metricsPort : null });
  closeOnSignals(async () => {
    metrics?.close();
    await app.close();
  }, config.shutdownTimeoutMs);
}

void main().catch((err) => {
  process.stderr.write(`worker failed to start: ${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
