// Writes a migration with the SQL that brings a fully migrated database to the current entities.
// usage: npm run migration:generate -- <Name>   (uses TEST_DATABASE_URL's server, default local postgres)
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const name = process.argv[2];
if (!/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) throw new Error('usage: migration:generate <PascalCaseName>');
execFileSync('node', ['tools/build-server.mjs', 'api'], { stdio: 'inherit' });
const require = createRequire(import.meta.url);
require('reflect-metadata');
const { withScratchDatabase, schemaDrift } = require('../dist/server/libs/platform/src/testing/scratch-database.js');
require('../dist/server/apps/api/src/app.module.js'); // loads every entity

const { up, down } = await withScratchDatabase((ds) => schemaDrift(ds));
if (!up.length) {
  console.log('entities and migrations agree: nothing to generate');
  process.exit(0);
}
const stamp = Date.now();
const cls = `${name}${stamp}`;
const q = (s) => '`' + s.replace(/[`\\$]/g, (c) => '\\' + c) + '`';
const call = ({ query, parameters }) =>
  `    await queryRunner.query(${q(query)}${parameters?.length ? ', ' + JSON.stringify(parameters) : ''});`;
const file = `libs/platform/src/database/migrations/${stamp}-${name}.ts`;
writeFileSync(
  file,
  `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map(call).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down.map(call).join('\n')}
  }
}
`,
);
// The index lists every migration file, oldest first.
const dir = 'libs/platform/src/database/migrations';
const classes = readdirSync(dir)
  .filter((f) => /^\d+-\w+\.ts$/.test(f))
  .sort()
  .map((f) => ({ file: f.replace(/\.ts$/, ''), cls: f.replace(/^(\d+)-(\w+)\.ts$/, '$2$1') }));
writeFileSync(
  join(dir, 'index.ts'),
  `// Every migration, oldest first. Generated from the entities (npm run migration:generate) and committed.\n` +
    classes.map((c) => `import { ${c.cls} } from './${c.file}';\n`).join('') +
    `\nexport const MIGRATIONS: Function[] = [${classes.map((c) => c.cls).join(', ')}];\n`,
);
console.log(`wrote ${file}`);
