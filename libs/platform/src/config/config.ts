/**
 * The one typed, validated configuration object. Nothing else reads process.env:
 * `parseConfig` turns an environment into a Config or throws one ConfigError that
 * lists every problem at once.
 */
export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** Unset: an embedded PostgreSQL is started with its data under `dataDir`. */
  databaseUrl: string | null;
  databasePoolSize: number;
  dataDir: string;
  embeddedPostgresPort: number;
  /** Unset: jobs run in-process (the inline driver) instead of through BullMQ. */
  redisUrl: string | null;
  /** Key prefix of the BullMQ queues in Redis, so several deployments (or test runs) can share one Redis. */
  queuePrefix: string;
  adminEmail: string;
  /** Unset: a random password is generated for the first admin and printed once. */
  adminPassword: string | null;
  /** Load demo data into an empty database; defaults to true only for the embedded database. */
  demoData: boolean;
  sessionTtlHours: number;
  cookieSecure: boolean;
  bodyLimitBytes: number;
  logLevel: LogLevel;
  /** The agency's time zone: business times (SLA deadlines, "a year ago") are computed in it. */
  timeZone: string;
  /** Directory of the built console served by the API; null disables serving it. */
  adminDistDir: string | null;
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function parseConfig(env: Env): Config {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = str(name);
    if (raw === undefined) return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
      return def;
    }
    return n;
  };
  const bool = (name: string, def: boolean): boolean => {
    const raw = str(name);
    if (raw === undefined) return def;
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return def;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], def: T): T => {
    const raw = str(name);
    if (raw === undefined) return def;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
      return def;
    }
    return raw as T;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const raw = str(name);
    if (raw === undefined) return null;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) throw new Error();
      return raw;
    } catch {
      problems.push(`${name} must be a ${protocols.map((p) => p + '//').join(' or ')} URL`);
      return null;
    }
  };

  const nodeEnv = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);

  const adminEmail = (str('ADMIN_EMAIL') ?? 'admin@example.com').toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(adminEmail)) problems.push(`ADMIN_EMAIL must be an email address, got "${adminEmail}"`);
  const adminPassword = str('ADMIN_PASSWORD') ?? null;
  if (adminPassword !== null && adminPassword.length < 8) problems.push('ADMIN_PASSWORD must be at least 8 characters');

  const queuePrefix = str('QUEUE_PREFIX');
  if (queuePrefix !== undefined && !/^[\w-]{1,50}$/.test(queuePrefix)) problems.push('QUEUE_PREFIX must be 1-50 letters, digits, _ or -');

  const timeZone = str('TIME_ZONE') ?? 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    problems.push(`TIME_ZONE must be an IANA time zone such as Asia/Shanghai, got "${timeZone}"`);
  }

  const config: Config = {
    nodeEnv,
    host: str('HOST') ?? '0.0.0.0',
    port: int('PORT', 3000, 1, 65535),
    databaseUrl,
    databasePoolSize: int('DATABASE_POOL_SIZE', 10, 1, 200),
    dataDir: str('DATA_DIR') ?? '.data',
    embeddedPostgresPort: int('EMBEDDED_POSTGRES_PORT', 54329, 1, 65535),
    redisUrl,
    queuePrefix: queuePrefix ?? 'crm',
    adminEmail,
    adminPassword,
    demoData: bool('DEMO_DATA', databaseUrl === null),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 90),
    cookieSecure: bool('COOKIE_SECURE', nodeEnv === 'production'),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    logLevel: oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    timeZone,
    adminDistDir: str('ADMIN_DIST_DIR') ?? 'dist/admin',
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
