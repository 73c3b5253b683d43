// What the benchmark scripts share: the server they load from dist/, built, and a fresh database the app migrated.
import { createRequire } from 'node:module';
import { execFileSync, spawn } from 'node:child_process';
import pg from 'pg';

const require = createRequire(import.meta.url);

/** Builds the API (Nx-cached) and loads reflect-metadata, so a script can require the compiled server from dist/. */
export function buildServer() {
  execFileSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NX_DAEMON: 'false' } });
  require('reflect-metadata');
}

/** Drops and re-creates the database of `url`, then starts the application on it once, which migrates it. */
export async function freshDatabase(url, env = {}) {
  const server = new URL(url);
  const name = server.pathname.slice(1);
  server.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const { createApp } = require('../dist/server/apps/api/src/create-app.js');
  const { parseConfig } = require('../dist/server/libs/platform/src');
  const app = await createApp({ ...parseConfig({ ADMIN_DIST_DIR: '', ADMIN_PASSWORD: 'admin12345', DEMO_DATA: 'false', ...env }), databaseUrl: url });
  await app.close();
}

/**
 * Starts the built API (dist/) on 127.0.0.1:`port` against `databaseUrl`, with `env` on top of the benchmark defaults,
 * and waits for its health check; stops it when the script exits. `nodeArgs` go to node (e.g. --cpu-prof).
 */
export async function startApi(databaseUrl, port, env = {}, nodeArgs = []) {
  const api = spawn('node', [...nodeArgs, 'dist/server/apps/api/src/main.js'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', ADMIN_DIST_DIR: '', DEMO_DATA: 'false', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '10', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => api.kill('SIGTERM');
  process.on('exit', stop);
  const base = `http://127.0.0.1:${port}/api/v1`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {}
    if (i > 120) throw new Error('API did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, stop };
}
