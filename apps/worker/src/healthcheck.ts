import { Client } from 'pg';
import IORedis from 'ioredis';
import { parseConfig } from '@crm/platform';

/** Container healthcheck of a worker: exit 0 when its database and Redis both answer. */
async function main() {
  const config = parseConfig(process.env);
  const db = new Client({ connectionString: config.databaseUrl!, connectionTimeoutMillis: 3000 });
  await db.connect();
  await db.query('SELECT 1');
  await db.end();
  const redis = new IORedis(config.redisUrl!, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 1 });
  await redis.connect();
  await redis.ping();
  redis.disconnect();
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`unhealthy: ${err instanceof Error ? err.message : err}\n`);
    process.exit(1);
  },
);
