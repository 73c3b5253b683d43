import { ConfigError, parseConfig } from '../config';

describe('parseConfig', () => {
  it('gives working defaults for an empty environment (embedded database, inline jobs, demo data)', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: null,
      redisUrl: null,
      demoData: true,
      adminEmail: 'admin@example.com',
      adminPassword: null,
      timeZone: 'Asia/Shanghai',
      bodyLimitBytes: 1024 * 1024,
      cookieSecure: false,
      apiKeyRatePerSecond: 50,
      apiKeyBurst: 100,
    });
  });

  it('reads the API key rate limit', () => {
    expect(parseConfig({ API_KEY_RATE_PER_SECOND: '2', API_KEY_BURST: '3' })).toMatchObject({ apiKeyRatePerSecond: 2, apiKeyBurst: 3 });
  });

  it('serves metrics only with a token of 16+ characters; the job lock lasts 30 s unless told', () => {
    expect(parseConfig({})).toMatchObject({ metricsToken: null, metricsPort: null, jobLockSeconds: 30 });
    expect(parseConfig({ METRICS_TOKEN: 'abcdefghijklmnop', METRICS_PORT: '9464', JOB_LOCK_SECONDS: '5' })).toMatchObject({ metricsToken: 'abcdefghijklmnop', metricsPort: 9464, jobLockSeconds: 5 });
    expect(() => parseConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be 16-200 printable characters/);
    expect(() => parseConfig({ JOB_LOCK_SECONDS: '1' })).toThrow(/JOB_LOCK_SECONDS must be an integer between 2 and 600/);
  });

  it('trusts no proxy unless told which: X-Forwarded-For is the caller\'s to forge', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(parseConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(parseConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,loopback,::1/128' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', 'loopback', '::1/128']);
  });

  it('sends e-mail only when SMTP_URL is set, from SMTP_FROM', () => {
    expect(parseConfig({})).toMatchObject({ smtpUrl: null, smtpFrom: 'Travel CRM <crm@localhost>' });
    expect(parseConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465', SMTP_FROM: '客服 <crm@agency.cn>' })).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example.com:465', smtpFrom: '客服 <crm@agency.cn>',
    });
    expect(parseConfig({ SMTP_FROM: 'crm@agency.cn' }).smtpFrom).toBe('crm@agency.cn');
  });

  it('turns demo data off by default when a database is given', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://u@h/db' }).demoData).toBe(false);
    expect(parseConfig({ DATABASE_URL: 'postgres://u@h/db', DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('secures cookies in production unless told otherwise', () => {
    const secret = 'a-survey-secret-of-at-least-32-chars';
    expect(parseConfig({ NODE_ENV: 'production', SURVEY_SECRET: secret }).cookieSecure).toBe(true);
    expect(parseConfig({ NODE_ENV: 'production', SURVEY_SECRET: secret, COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });

  it('needs a survey secret in production only, and a public URL without a trailing slash', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow('SURVEY_SECRET must be set in production');
    expect(parseConfig({}).surveySecret.length).toBeGreaterThanOrEqual(32);
    expect(parseConfig({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    expect(parseConfig({ PUBLIC_URL: 'https://crm.agency.cn/' }).publicUrl).toBe('https://crm.agency.cn');
  });

  it('lower-cases the admin email and treats blank values as unset', () => {
    const c = parseConfig({ ADMIN_EMAIL: ' Boss@Agency.CN ', REDIS_URL: '   ', PORT: '' });
    expect(c.adminEmail).toBe('boss@agency.cn');
    expect(c.redisUrl).toBeNull();
    expect(c.port).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer between 1 and 65535'],
    [{ PORT: '70000' }, 'PORT must be an integer'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL must be a redis:// or rediss:// URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA must be true or false'],
    [{ ADMIN_EMAIL: 'nobody' }, 'ADMIN_EMAIL must be an email address'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be at least 8 characters'],
    [{ TIME_ZONE: 'Mars/Olympus' }, 'TIME_ZONE must be an IANA time zone'],
    [{ SMTP_URL: 'http://mail.example.com' }, 'SMTP_URL must be a smtp:// or smtps:// URL'],
    [{ SMTP_FROM: 'nobody' }, 'SMTP_FROM must be an address'],
    [{ SURVEY_SECRET: 'short' }, 'SURVEY_SECRET must be 32 or more characters'],
    [{ PUBLIC_URL: 'ftp://crm.agency.cn' }, 'PUBLIC_URL must be a http:// or https:// URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of debug, info, warn, error'],
    [{ BODY_LIMIT_BYTES: '10' }, 'BODY_LIMIT_BYTES must be an integer between 1024'],
    [{ API_KEY_RATE_PER_SECOND: '0' }, 'API_KEY_RATE_PER_SECOND must be an integer between 1'],
    [{ API_KEY_BURST: '1.5' }, 'API_KEY_BURST must be an integer between 1'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY must be true, false, a hop count or proxy addresses/CIDRs, got "maybe"'],
    [{ TRUST_PROXY: '10.0.0.0/33,127.0.0.1' }, 'got "10.0.0.0/33"'],
    [{ TRUST_PROXY: '300.1.1.1' }, 'TRUST_PROXY must be'],
    [{ TRUST_PROXY: '50' }, 'TRUST_PROXY must be an integer between 0 and 20'],
  ])('rejects %j', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('reports every problem at once', () => {
    try {
      parseConfig({ PORT: 'x', REDIS_URL: 'ftp://a', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toHaveLength(3);
    }
  });
});
