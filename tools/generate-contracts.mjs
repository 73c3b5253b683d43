// Writes the OpenAPI document of the API and the console's TypeScript types generated from it:
// libs/contracts/openapi.json and libs/contracts/src/api.ts. Run after changing DTOs or routes.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

execFileSync('node', ['tools/build-server.mjs', 'api'], { stdio: 'inherit' });
const require = createRequire(import.meta.url);
require('reflect-metadata');
const { createScratchDatabase, parseConfig } = require('../dist/server/libs/platform/src');
const { createApp } = require('../dist/server/apps/api/src/create-app.js');
const { buildOpenApi } = require('../dist/server/apps/api/src/openapi.js');

// The document exactly as the running API serves it, built against a scratch database.
const db = await createScratchDatabase('crm_doc');
const app = await createApp({ ...parseConfig({ ADMIN_DIST_DIR: '' }), databaseUrl: db.url });
const json = JSON.stringify(buildOpenApi(app), null, 2) + '\n';
await app.close();
await db.drop();
writeFileSync('libs/contracts/openapi.json', json);
execFileSync('npx', ['openapi-typescript', 'libs/contracts/openapi.json', '-o', 'libs/contracts/src/api.ts'], { stdio: 'inherit' });
console.log('wrote libs/contracts/openapi.json and libs/contracts/src/api.ts');
