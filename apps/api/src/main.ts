import 'reflect-metadata';
import { ConfigError, JsonLogger, parseConfig, redactUrl, startEmbeddedPostgres } from '@crm/platform';
import { createApp } from './create-app';

async function main() {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exit(1);
    }
    throw err;
  }
  const logger = new JsonLogger(config.logLevel, 'api');
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort);
  const app = await createApp({ ...config, databaseUrl: config.databaseUrl ?? embedded!.url }, logger);
  app.flushLogs();
  await app.listen({ port: config.port, host: config.host });
  logger.log({
    msg: 'api listening',
    url: `http://localhost:${config.port}`,
    database: embedded ? 'embedded' : redactUrl(config.databaseUrl!),
    redis: config.redisUrl ? redactUrl(config.redisUrl) : 'none (inline jobs)',
  });
  // Graceful shutdown: Nest's shutdown hooks close the server (finishing in-flight requests), the queue
  // (finishing in-flight jobs) and the pool; then the embedded database stops.
  const stop = async () => {
    const timer = setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
    await app.close();
    await embedded?.stop();
    clearTimeout(timer);
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main().catch((err) => {
  process.stderr.write(`api failed to start: ${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
