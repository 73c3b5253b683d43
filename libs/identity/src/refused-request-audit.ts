import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { clientIp, requestLine, runInRequestContext } from '@crm/platform';
import { API_KEY_PREFIX, ApiKeysService } from './api-keys.service';

const logger = new Logger('audit');

/**
 * Fastify answers 413 while reading the body, before the access guard has seen the key; this puts such an answer to
 * a request carrying an API key in the audit log, after the answer has gone out (so it never delays or changes it).
 */
export function auditRefusedKeyRequests(fastify: FastifyInstance, apiKeys: ApiKeysService): void {
  fastify.addHook('onResponse', async (req, reply) => {
    const header = req.headers.authorization;
    if (reply.statusCode !== 413 || !header?.startsWith(`Bearer ${API_KEY_PREFIX}`)) return;
    try {
      await runInRequestContext({ ip: clientIp(req), request: requestLine(req) }, () => apiKeys.recordRefusedBeforeAuth(header.slice(7).trim(), 'body_too_large', requestLine(req)));
    } catch (err) {
      logger.error({ msg: 'could not audit a refused API key request', err: err instanceof Error ? err.message : String(err) });
    }
  });
}
