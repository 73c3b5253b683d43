import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { Config, ProblemFilter, QueueService, createValidationPipe, problem, trackRequestContext } from '@crm/platform';
import { ApiKeysService, auditRefusedKeyRequests } from '@crm/identity';
import { registerUploadParser } from '@crm/imports';
import { AppModule } from './app.module';
import { buildOpenApi } from './openapi';

export const API_PREFIX = 'api/v1';

/** Builds the HTTP application (used by main and by the integration tests alike). */
export async function createApp(config: Config, logger: LoggerService | false = false): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, trustProxy: config.trustProxy, return503OnClosing: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { logger, abortOnError: false });
  await app.register(fastifyCookie);
  registerUploadParser(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  // Audit entries learn the caller's IP from the request context, and hear of API key requests refused before the guards.
  trackRequestContext(app.getHttpAdapter().getInstance());
  auditRefusedKeyRequests(app.getHttpAdapter().getInstance(), app.get(ApiKeysService));

  SwaggerModule.setup('api/docs', app, buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });

  if (config.adminDistDir) await serveConsole(app, resolve(config.adminDistDir));
  await app.init();
  // With the inline driver the API process is also the worker.
  if (app.get(QueueService).kind === 'inline') await app.get(QueueService).startProcessing();
  return app;
}

/** The built console: its files, and index.html for every other non-API path (client-side routes). */
async function serveConsole(app: NestFastifyApplication, root: string) {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return;
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: false });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (req, reply) => {
    if (req.url.startsWith('/api/')) {
      reply.status(404).header('Content-Type', 'application/problem+json; charset=utf-8').send(problem(404, `No route ${req.method} ${req.url.split('?')[0]}`));
      return;
    }
    reply.header('Cache-Control', 'no-cache').sendFile('index.html', root);
  });
  fastify.get('/', (_req, reply) => {
    reply.header('Cache-Control', 'no-cache').sendFile('index.html', root);
  });
}
