import { isIP } from 'node:net';

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
  /** How long a worker's hold on a job lasts unrenewed: a crashed worker's job is taken over within about twice this. */
  jobLockSeconds: number;
  adminEmail: string;
  /** Unset: a random password is generated for the first admin and printed once. */
  adminPassword: string | null;
  /** Load demo data into an empty database; defaults to true only for the embedded database. */
  demoData: boolean;
  sessionTtlHours: number;
  cookieSecure: boolean;
  /** Failed sign-ins that lock an account (any email, known or not) or an IP address for `loginLockoutMinutes`. */
  loginMaxFailures: number;
  loginMaxFailuresPerIp: number;
  loginLockoutMinutes: number;
  /** Origins (scheme://host[:port]) whose pages may call the API from a browser (CORS); empty: the console's own origin only. */
  corsOrigins: string[];
  /** Per API key token bucket: sustained requests per second, and how many may come at once. */
  apiKeyRatePerSecond: number;
  apiKeyBurst: number;
  bodyLimitBytes: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the caller's IP (audit log): false (none, the default), true (any:
   * only behind a proxy that overwrites the header), a number of hops, or proxy addresses/CIDRs.
   */
  trustProxy: TrustProxy;
  logLevel: LogLevel;
  /** The agency's time zone: business times (SLA deadlines, "a year ago") are computed in it. */
  timeZone: string;
  /** Unset: outgoing e-mails stay in the outgoing-messages table (admins see them); set: the send-messages job sends them. */
  smtpUrl: string | null;
  /** The From of outgoing e-mails. */
  smtpFrom: string;
  /** Where customers reach the console from outside (links in their messages, e.g. NPS surveys), without a trailing slash. */
  publicUrl: string;
  /** Signs the customers' survey links (HMAC); required in production, so links outlive restarts and work on every replica. */
  surveySecret: string;
  /** Directory of the built console served by the API; null disables serving it. */
  adminDistDir: string | null;
  shutdownTimeoutMs: number;
  /** Unset: no metrics are served. Set: GET /metrics (API) answers Prometheus with this bearer token. */
  metricsToken: string | null;
  /** The worker's metrics port (it serves no other HTTP); unset: the worker serves none. */
  metricsPort: number | null;
}

export type TrustProxy = boolean | number | string[];

/** Names @fastify/proxy-addr understands besides addresses and CIDRs. */
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

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

  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);
  const smtpFrom = str('SMTP_FROM') ?? 'Travel CRM <crm@localhost>';
  if (!/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(smtpFrom)) problems.push(`SMTP_FROM must be an address such as "Travel CRM <crm@example.com>", got "${smtpFrom}"`);

  const publicUrl = (url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${str('PORT') ?? 3000}`).replace(/\/+$/, '');
  const surveySecret = str('SURVEY_SECRET') ?? (nodeEnv === 'production' ? undefined : 'development-only-survey-secret-not-for-production');
  if (surveySecret === undefined) problems.push('SURVEY_SECRET must be set in production (32 or more characters): it signs the customers\' survey links');
  else if (surveySecret.length < 32) problems.push('SURVEY_SECRET must be 32 or more characters');

  const adminEmail = (str('ADMIN_EMAIL') ?? 'admin@example.com').toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(adminEmail)) problems.push(`ADMIN_EMAIL must be an email address, got "${adminEmail}"`);
  const adminPassword = str('ADMIN_PASSWORD') ?? null;
  if (adminPassword !== null && adminPassword.length < 8) problems.push('ADMIN_PASSWORD must be at least 8 characters');

  const queuePrefix = str('QUEUE_PREFIX');
  if (queuePrefix !== undefined && !/^[\w-]{1,50}$/.test(queuePrefix)) problems.push('QUEUE_PREFIX must be 1-50 letters, digits, _ or -');

  const trustProxy = ((): TrustProxy => {
    const raw = str('TRUST_PROXY');
    if (raw === undefined || /^(false|no)$/i.test(raw)) return false;
    if (/^(true|yes)$/i.test(raw)) return true;
    if (/^\d+$/.test(raw)) return int('TRUST_PROXY', 0, 0, 20);
    const entries = raw.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !PROXY_NAMES.includes(e) && !isAddressOrCidr(e));
    if (bad.length) problems.push(`TRUST_PROXY must be true, false, a hop count or proxy addresses/CIDRs, got "${bad.join(', ')}"`);
    return bad.length ? false : entries;
  })();

  const corsOrigins = (str('CORS_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    if (!isOrigin(origin)) problems.push(`CORS_ORIGINS must be origins such as https://crm.example.com (no path), got "${origin}"`);
  }

  const metricsToken = str('METRICS_TOKEN') ?? null;
  if (metricsToken !== null && !/^[\x21-\x7e]{16,200}$/.test(metricsToken)) problems.push('METRICS_TOKEN must be 16-200 printable characters without spaces');

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
    jobLockSeconds: int('JOB_LOCK_SECONDS', 30, 2, 600),
    adminEmail,
    adminPassword,
    demoData: bool('DEMO_DATA', databaseUrl === null),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 90),
    cookieSecure: bool('COOKIE_SECURE', nodeEnv === 'production'),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 1_000_000),
    loginMaxFailuresPerIp: int('LOGIN_MAX_FAILURES_PER_IP', 50, 1, 1_000_000),
    loginLockoutMinutes: int('LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    corsOrigins,
    apiKeyRatePerSecond: int('API_KEY_RATE_PER_SECOND', 50, 1, 100_000),
    apiKeyBurst: int('API_KEY_BURST', 100, 1, 1_000_000),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    trustProxy,
    logLevel: oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    timeZone,
    smtpUrl,
    smtpFrom,
    publicUrl,
    surveySecret: surveySecret ?? '',
    adminDistDir: str('ADMIN_DIST_DIR') ?? 'dist/admin',
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000),
    metricsToken,
    metricsPort: str('METRICS_PORT') === undefined ? null : int('METRICS_PORT', 9464, 1, 65535),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function isAddressOrCidr(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

/** "https://crm.example.com" or "http://localhost:5173": a scheme, a host and maybe a port, nothing else. */
function isOrigin(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === value;
  } catch {
    return false;
  }
}
