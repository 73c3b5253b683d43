// Compiles the server code (an app and the libs) with SWC into dist/server (or SERVER_OUT_DIR, which must sit inside the
// repository so node_modules resolve), mirroring the source tree.
// SWC keeps decorator metadata (NestJS, TypeORM) and rewrites the @crm/* path aliases to relative paths.
import { transformFile } from '@swc/core';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

const root = process.cwd();
const outDir = join(root, process.env.SERVER_OUT_DIR ?? 'dist/server');
const apps = process.argv.slice(2);
if (!apps.length) throw new Error('usage: build-server.mjs <app> [app…]');

const swcrc = JSON.parse(await readFile(join(root, '.swcrc'), 'utf8'));
const { compilerOptions } = JSON.parse(await readFile(join(root, 'tsconfig.base.json'), 'utf8'));
const paths = Object.fromEntries(Object.entries(compilerOptions.paths).filter(([k]) => k.startsWith('@crm/')));

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__tests__') yield* sources(path);
    } else if (/\.ts$/.test(entry.name) && !/\.(spec|integration-spec)\.ts$|\.d\.ts$/.test(entry.name)) yield path;
  }
}

const libs = (await readdir(join(root, 'libs'))).map((l) => join(root, 'libs', l, 'src'));
let count = 0;
for (const dir of [...apps.map((a) => join(root, 'apps', a, 'src')), ...libs]) {
  for await (const file of sources(dir)) {
    const out = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    const { code } = await transformFile(file, {
      ...swcrc,
      swcrc: false,
      jsc: { ...swcrc.jsc, baseUrl: root, paths },
      module: { ...swcrc.module, ignoreDynamic: true },
    });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, code);
    count++;
  }
}
console.log(`compiled ${count} files for ${apps.join(', ')} into ${relative(root, outDir)}`);
