import type { FastifyInstance } from 'fastify';

/**
 * Once the server is closing, every response ends its connection. Closing only drops connections idle at that
 * moment; a keep-alive connection whose request was still in flight would otherwise hold the shutdown until the
 * client let go (or the keep-alive timeout passed).
 */
export function closeConnectionsWhenClosing(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('Connection', 'close');
  });
}
