import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, getMetadataArgsStorage } from 'typeorm';
import { MIGRATIONS } from '../database/migrations';
import { migrate } from '../database/database.module';

/** Test tooling only: the server tests and tools create their scratch databases on. */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** A new, empty database of its own, so test files never collide; `drop` removes it. */
export async function createScratchDatabase(prefix = 'crm_t'): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = testServerUrl();
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = '/' + name;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A data source over every entity class loaded so far, on a scratch database brought up by the migrations. */
export async function withScratchDatabase<T>(work: (ds: DataSource) => Promise<T>): Promise<T> {
  const db = await createScratchDatabase('crm_m');
  const ds = new DataSource({
    type: 'postgres',
    url: db.url,
    entities: getMetadataArgsStorage().tables.map((t) => t.target as Function),
    migrations: MIGRATIONS,
    uuidExtension: 'pgcrypto',
  });
  try {
    await ds.initialize();
    await migrate(ds);
    return await work(ds);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.drop();
  }
}

/** The SQL that would bring the database to the entities; empty when migrations and entities agree. */
export interface DriftQuery {
  query: string;
  parameters?: unknown[];
}

export async function schemaDrift(ds: DataSource): Promise<{ up: DriftQuery[]; down: DriftQuery[] }> {
  const log = await ds.driver.createSchemaBuilder().log();
  const plain = (q: DriftQuery) => ({ query: q.query, parameters: q.parameters });
  return { up: log.upQueries.map(plain), down: log.downQueries.map(plain).reverse() };
}
