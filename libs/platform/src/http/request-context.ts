import { AsyncLocalStorage } from 'node:async_hooks';
import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** What a write's audit entry needs to know about the HTTP request behind it, without threading it through services. */
export interface RequestContext {
  ip: string | null;
  /** "GET /api/v1/customers/…": method and path, never the query string (it may carry a searched name). */
  request?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The current request's context; null in jobs, the worker and anything else outside an HTTP request. */
export function currentRequest(): RequestContext | null {
  return storage.getStore() ?? null;
}

export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** Fastify's idea of the caller's address (X-Forwarded-For only as far as trustProxy allows), if it is an address at all. */
export function clientIp(req: { ip?: string }): string | null {
  return req.ip && isIP(req.ip) ? req.ip : null;
}

/** "GET /api/v1/customers" for audit entries: the query string is left out, it may carry personal data (a searched name). */
export function requestLine(req: { method: string; url: string }): string {
  return `${req.method} ${req.url.split('?')[0]}`;
}

/**
 * Every route handler (guards included) runs inside its request's context. Set in preHandler, the last hook before
 * the handler: a context entered earlier would be lost while the body streams in.
 */
export function trackRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', (req, _reply, done) => runInRequestContext({ ip: clientIp(req), request: requestLine(req) }, done));
}
