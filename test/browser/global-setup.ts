import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Builds the console once for every browser spec of this Jest run, into a directory of the run's own (so
 * two runs side by side never empty each other's build). Workers inherit ADMIN_TEST_DIST.
 * NODE_ENV=production: Jest's "test" would make Vite build a development bundle.
 */
export default function buildConsoleOnce(): void {
  const root = join(__dirname, '..', '..');
  const outDir = mkdtempSync(join(tmpdir(), 'crm-admin-'));
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/admin/vite.config.mts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  process.env.ADMIN_TEST_DIST = outDir;
}
