import { rmSync } from 'node:fs';

export default function removeConsoleBuild(): void {
  if (process.env.ADMIN_TEST_DIST) rmSync(process.env.ADMIN_TEST_DIST, { recursive: true, force: true });
}
