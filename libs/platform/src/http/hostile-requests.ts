import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { FieldError, problem } from './problem';

/** No request the API takes nests deeper than this; deeper JSON would overflow the validator's recursion (a 500). */
export const MAX_JSON_DEPTH = 32;

/** Whether a parsed JSON value nests deeper than `max` (iterative, so the check itself cannot overflow the stack). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** NUL, or a UTF-16 surrogate without its pair. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text Postgres cannot store (NUL) or that is not text at all (an unpaired UTF-16 surrogate, which also makes the
 * validator library throw): the dotted paths of such strings in a parsed body, query or path, at most `limit`.
 */
export function unstorableTextFields(value: unknown, prefix: string, limit = 20): FieldError[] {
  const out: FieldError[] = [];
  const stack: [unknown, string][] = [[value, prefix]];
  while (stack.length && out.length < limit) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) out.push({ field: path, message: `${path || 'value'} must be text without NUL characters or unpaired surrogates` });
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      // Keys too: a free-form object lands in a jsonb column, which refuses them just the same.
      for (const [k, child] of Object.entries(v)) stack.push([child, path ? `${path}.${k}` : k], ...(UNSTORABLE.test(k) ? [[k, path ? `${path}.${k}` : k] as [string, string]] : []));
    }
  }
  return out;
}

/**
 * After parsing and before any guard, pipe or handler: over-deep JSON bodies (400; they would overflow the validator's
 * recursion) and strings no column can hold (422 naming the fields; they would fail deep in the database or validator).
 */
export function refuseHostileInput(fastify: FastifyInstance, maxDepth = MAX_JSON_DEPTH): void {
  fastify.addHook('preValidation', async (req, reply) => {
    const send = (status: number, detail: string, errors?: FieldError[]) =>
      reply.status(status).header('Content-Type', 'application/problem+json; charset=utf-8').send(problem(status, detail, errors));
    if (req.body !== null && typeof req.body === 'object' && nestsDeeperThan(req.body, maxDepth)) return send(400, `The JSON body nests deeper than ${maxDepth} levels.`);
    const errors = [...unstorableTextFields(req.params, ''), ...unstorableTextFields(req.query, ''), ...unstorableTextFields(req.body, '')];
    if (errors.length) return send(422, 'The request breaks a rule; see errors.', errors);
  });
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before Fastify sees a request (a URL or headers over
 * the size limit, a malformed request line) is answered as problem+json too, then the connection is closed.
 */
export function sendClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const detail = status === 431 ? 'The URL or headers are larger than allowed.' : status === 408 ? 'The request took too long to arrive.' : 'The request is malformed.';
  const body = JSON.stringify(problem(status, detail));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}
