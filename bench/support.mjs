// What the benchmark scripts share: the server they load from dist/, built, and a fresh database the app migrated.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
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
