// Shared by every Jest project: SWC with decorator metadata (NestJS, TypeORM) and the @crm/* aliases.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const swcrc = JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8'));
const { compilerOptions } = JSON.parse(readFileSync(join(__dirname, 'tsconfig.base.json'), 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths)
    .filter(([alias]) => alias.startsWith('@crm/'))
    .map(([alias, [target]]) => [`^${alias}$`, join(__dirname, target)]),
);

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swcrc, swcrc: false, sourceMaps: 'inline' }] },
  moduleNameMapper,
  // content-disposition 3 (via @fastify/static) ships only ES modules; Node loads it natively, Jest needs it compiled.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  rootDir: __dirname,
};
