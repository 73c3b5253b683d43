import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { QueueService, problem } from '@crm/platform';
import { AuditService, AuthService, bearerOrCookie } from '@crm/identity';

export const QUEUE_BOARD_PATH = '/api/v1/admin/queues';

/**
 * The BullMQ board (see, retry and clean jobs) under the API, for administrators only: the same session as the
 * console (cookie or bearer token), checked before any of the board's routes. Absent with the inline driver.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(QueueService).boardQueues();
  if (!queues.length) return;
  const board = new FastifyAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: board, options: { uiConfig: { boardTitle: 'Travel CRM jobs' } } });
  const auth = app.get(AuthService);
  const audit = app.get(AuditService);
  // A scope of its own, so the check guards the board's routes and nothing else.
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (req, reply) => {
      const token = bearerOrCookie(req);
      const principal = token ? await auth.authenticate(token) : null;
      if (principal?.kind === 'user' && principal.role === 'admin') return;
      if (principal) await audit.recordDenied(principal, { entityType: 'queue_board', reason: 'role' });
      const status = principal ? 403 : 401;
      return reply.status(status).header('Content-Type', 'application/problem+json; charset=utf-8').send(problem(status, principal ? 'Only administrators may open the queue board.' : 'Sign in as an administrator.'));
    });
    scope.register(board.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
}
