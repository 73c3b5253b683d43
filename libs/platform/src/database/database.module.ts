import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { Config } from '../config/config';
import { CONFIG } from '../config/config.module';
import { MIGRATIONS } from './migrations';

/** Any fixed number: migrations of concurrently starting replicas queue up behind this lock. */
const MIGRATION_LOCK = 7_303_2026;

export function dataSourceOptions(config: Config): DataSourceOptions {
  if (!config.databaseUrl) throw new Error('databaseUrl must be resolved (embedded or DATABASE_URL) before the database module starts');
  return {
    type: 'postgres',
    url: config.databaseUrl,
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
    extra: { max: config.databasePoolSize, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 },
  };
}

/** Brings the schema up to date under an advisory lock, so N replicas starting together migrate once. */
export async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [CONFIG],
          useFactory: (config: Config) => ({ ...dataSourceOptions(config), autoLoadEntities: true }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            await migrate(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
