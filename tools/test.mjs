// `npm test`: type checks, then unit, integration and browser tests (Jest). Needs PostgreSQL and Redis
// (TEST_DATABASE_URL, TEST_REDIS_URL; defaults are the local services) and Chromium at /usr/bin/chromium.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

const check = (host, port) =>
  new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 2000 }, () => (s.end(), resolve(true)));
    s.on('error', () => resolve(false)).on('timeout', () => (s.destroy(), resolve(false)));
  });
const pg = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const redis = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const missing = [];
if (!(await check(pg.hostname, Number(pg.port || 5432)))) missing.push(`PostgreSQL at ${pg.host} (set TEST_DATABASE_URL)`);
if (!(await check(redis.hostname, Number(redis.port || 6379)))) missing.push(`Redis at ${redis.host} (set TEST_REDIS_URL)`);
if (!existsSync('/usr/bin/chromium')) missing.push('Chromium at /usr/bin/chromium (apt-get install chromium)');
if (missing.length) {
  console.error(`npm test needs:\n  - ${missing.join('\n  - ')}`);
  process.exit(1);
}

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('npx', ['tsc', '-p', 'apps/admin/tsconfig.json', '--noEmit']);
// --forceExit: ioredis reconnect timers of the "Redis is down" tests may outlive a test file by a moment.
run('npx', ['jest', '--ci', '--maxWorkers=2', '--forceExit', ...process.argv.slice(2)]);
