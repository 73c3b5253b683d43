import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { problem, ProblemBody, TooManyRequestsException } from './problem';

/** Postgres/driver errors that mean "the database is not there right now", not "the request is bad". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '53300', '08006', '08001']);

export function toProblem(exception: unknown): ProblemBody {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const res = exception.getResponse();
    if (typeof res === 'object' && res !== null && 'type' in res && 'title' in res) return res as ProblemBody;
    const message = typeof res === 'string' ? res : (res as { message?: unknown }).message;
    return problem(status, Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined);
  }
  const err = exception as { statusCode?: number; code?: string; message?: string };
  // Fastify's own errors: malformed JSON, body too large, wrong content type.
  if (typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    const detail =
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'The request body is larger than allowed.' : err.code === 'FST_ERR_BAD_URL' ? 'The URL is malformed (bad percent-encoding).' : err.message;
    return problem(err.statusCode, detail);
  }
  if (err?.code && UNAVAILABLE_CODES.has(err.code)) return problem(503, 'A dependency is down; retry shortly.');
  // node-postgres: a pooled connection that broke while the server restarted, or none to be had in time.
  if (/Connection terminated|timeout exceeded when trying to connect|not queryable/i.test(err?.message ?? '')) {
    return problem(503, 'A dependency is down; retry shortly.');
  }
  return problem(500, 'Something went wrong on our side; it has been logged.');
}

/** Every error leaves as application/problem+json; stacks go to the log, never to the caller. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toProblem(exception);
    if (body.status >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    if (body.status === 503) reply.header('Retry-After', '5');
    if (exception instanceof TooManyRequestsException) reply.header('Retry-After', String(exception.retryAfterSeconds));
    reply.status(body.status).header('Content-Type', 'application/problem+json; charset=utf-8').send(body);
  }
}

/** Fastify's `frameworkErrors`: errors met before routing (a malformed URL) leave as problem+json like any other. */
export function sendFrameworkError(error: unknown, _req: unknown, reply: FastifyReply): void {
  const body = toProblem(error);
  reply.status(body.status).header('Content-Type', 'application/problem+json; charset=utf-8').send(body);
}
