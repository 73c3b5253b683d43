import { Config, ConfigError, parseConfig } from './config';

/** The config of a process entry point: one clear message and exit code 1 when it is invalid. */
export function loadConfigOrExit(env: Record<string, string | undefined>, require: (c: Config) => string[] = () => []): Config {
  try {
    const config = parseConfig(env);
    const missing = require(config);
    if (missing.length) throw new ConfigError(missing);
    return config;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(err.message + '\n');
    process.exit(1);
  }
}

/**
 * Graceful shutdown on SIGTERM/SIGINT: `close` stops taking work and waits for what is in flight
 * (requests, jobs, pools); past `timeoutMs` the process exits anyway so an orchestrator is not kept waiting.
 */
export function closeOnSignals(close: () => Promise<void>, timeoutMs: number) {
  const stop = async () => {
    setTimeout(() => process.exit(1), timeoutMs).unref();
    try {
      await close();
      process.exit(0);
    } catch (err) {
      process.stderr.write(`shutdown failed: ${err instanceof Error ? err.stack : err}\n`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
