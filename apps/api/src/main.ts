import 'reflect-metadata';
import { JsonLogger, closeOnSignals, loadConfigOrExit, redactUrl, startEmbeddedPostgres } from '@crm/platform';
import { createApp } from './create-app';

async function main() {
  const config = loadConfigOrExit(process.env);
  const logger = new JsonLogger(config.logLevel, 'api');
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort);
  const app = await createApp({ ...config, databaseUrl: config.databaseUrl ?? embedded!.url }, logger);
  await app.listen({ port: config.port, host: config.host });
  logger.log({
    msg: 'api listening',
    url: `http://localhost:${config.port}`,
    database: embedded ? 'embedded' : redactUrl(config.databaseUrl!),
    redis: config.redisUrl ? redactUrl(config.redisUrl) : 'none (inline jobs)',
  });
  // Closing the app stops the server (in-flight requests finish; new ones get 503), the queue (in-flight
  // jobs finish) and the pool; then the embedded database stops.
  closeOnSignals(async () => {
    await app.close();
    await embedded?.stop();
  }, config.shutdownTimeoutMs);
}

void main().catch((err) => {
  process.stderr.write(`api failed to start: ${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
