import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { Config, MetricsService, ProblemFilter, QueueService, closeConnectionsWhenClosing, createValidationPipe, problem, refuseHostileInput, sendClientError, sendFrameworkError, trackRequestContext } from '@crm/platform';
import { ApiKeysService, auditRefusedKeyRequests } from '@crm/identity';
import { registerUploadParser } from '@crm/imports';
import { AppModule } from './app.module';
import { buildOpenApi } from './openapi';
import { mountQueueBoard } from './queue-board/queue-board';

export const API_PREFIX = 'api/v1';

/** Builds the HTTP application (used by main and by the integration tests alike). */
export async function createApp(config: Config, logger: LoggerService | false = false): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, trustProxy: config.trustProxy, return503OnClosing: true, frameworkErrors: sendFrameworkError, clientErrorHandler: sendClientError });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { logger, abortOnError: false });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, securityHeaders(config));
  // Browsers elsewhere may call the API only from the origins configured; by default none (the console is same-origin).
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: true, exposedHeaders: ['Retry-After', 'Content-Disposition'] });
  registerUploadParser(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  // Audit entries learn the caller's IP from the request context, and hear of API key requests refused before the guards.
  trackRequestContext(app.getHttpAdapter().getInstance());
  closeConnectionsWhenClosing(app.getHttpAdapter().getInstance());
  app.get(MetricsService).instrument(app.getHttpAdapter().getInstance());
  app.get(MetricsService).serve(app.getHttpAdapter().getInstance(), config.metricsToken);
  refuseHostileInput(app.getHttpAdapter().getInstance());
  auditRefusedKeyRequests(app.getHttpAdapter().getInstance(), app.get(ApiKeysService));

  SwaggerModule.setup('api/docs', app, buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });

  await mountQueueBoard(app);
  if (config.adminDistDir) await serveConsole(app, resolve(config.adminDistDir));
  await app.init();
  // With the inline driver the API process is also the worker.
  if (app.get(QueueService).kind === 'inline') await app.get(QueueService).startProcessing();
  return app;
}

/**
 * Helmet's headers with a policy the console and the API docs live within: scripts only from this origin, inline
 * styles (Ant Design writes its CSS at run time), no framing, no plugins. Plain-http deployments get no
 * upgrade-insecure-requests, which would send the console's assets to an https that is not there.
 */
function securityHeaders(config: Config) {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' as const },
  };
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
