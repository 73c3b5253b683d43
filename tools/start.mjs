// `npm start`: builds what changed (Nx cache), starts the database (embedded unless DATABASE_URL is set),
// the API with the console, and a worker when REDIS_URL is set; prints where to open it and how to sign in.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
execFileSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'admin', '--output-style=static'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
});
require('reflect-metadata');
const { Logger } = require('@nestjs/common');
const { parseConfig, ConfigError, startEmbeddedPostgres, JsonLogger } = require('../dist/server/libs/platform/src');

let config;
try {
  config = parseConfig(process.env);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}

Logger.overrideLogger(new JsonLogger(config.logLevel, 'start'));
const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort);
const env = { ...process.env, DATABASE_URL: config.databaseUrl ?? embedded.url };
if (embedded) {
  // The embedded database is the demo: demo data and a known admin password unless told otherwise.
  env.DEMO_DATA ??= 'true';
  env.ADMIN_PASSWORD ??= 'admin12345';
}

const children = [spawn('node', ['dist/server/apps/api/src/main.js'], { env, stdio: 'inherit' })];
if (config.redisUrl) children.push(spawn('node', ['dist/server/apps/worker/src/main.js'], { env, stdio: 'inherit' }));

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  await embedded?.stop();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
for (const c of children) c.on('exit', (code) => stop(code ?? 1));

const url = `http://localhost:${config.port}`;
for (let i = 0; i < 120 && !stopping; i++) {
  try {
    if ((await fetch(`${url}/api/v1/health`)).ok) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 500));
}
if (!stopping) {
  const password = env.ADMIN_PASSWORD ?? '(the ADMIN_PASSWORD you set, or the generated one logged above on first start)';
  console.log(`
  ┌──────────────────────────────────────────────────────────────
  │ Travel CRM is running: ${url}
  │ Sign in as ${config.adminEmail} / ${password}
  │ ${env.DEMO_DATA === 'true' ? 'Demo team (password demo12345): manager@example.com, li.na@example.com, agent@example.com' : 'No demo data (DEMO_DATA is not true).'}
  │ API docs: ${url}/api/docs   Jobs: ${config.redisUrl ? 'BullMQ worker on ' + config.redisUrl.replace(/\/\/.*@/, '//***@') : 'in-process (no REDIS_URL)'}
  │ Stop with Ctrl+C.
  └──────────────────────────────────────────────────────────────
`);
}
