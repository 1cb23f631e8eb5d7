import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import type { Settings } from '@app/config';
import { CADENCE_QUEUE, DELIVERY_QUEUE, REMINDER_QUEUE, redisReconnectDelay } from '@app/notifications';
import { sendProblem } from '../http/problems/fastify-problems.js';
import { ProblemError } from '../http/problems/problem-details.js';

export const QUEUES_BOARD_PATH = '/admin/queues';

const underBoard = (url: string): boolean => url === QUEUES_BOARD_PATH || url.startsWith(`${QUEUES_BOARD_PATH}/`);

/**
 * Bull Board, the operators' view of the BullMQ queues, at /admin/queues: admins only (the same bearer tokens and role
 * check as every route, set on its routes as they are added), read-only unless ADMIN_QUEUES_WRITABLE: then its
 * retry, promote, clean and remove actions work too. Redis stays the record's copy: whatever is done here, the
 * reconciler (`npm run reminders:reconcile`) puts the reminders back to what the record wants.
 */
export const installQueuesBoard = async (app: NestFastifyApplication, settings: Settings): Promise<void> => {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (underBoard(route.url)) route.config = { ...route.config, access: ['admin'] };
  });
  // after the caller is authenticated (onRequest), before anything is read or done; answered here, since the board's
  // own error handler would make a 500 of a thrown problem
  fastify.addHook('preParsing', async (request, reply) => {
    if (!underBoard(request.url.split('?')[0]!) || settings.ADMIN_QUEUES_WRITABLE) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendProblem(reply, ProblemError.of(403, 'forbidden', 'The queues board is read-only (ADMIN_QUEUES_WRITABLE=false)').problem);
    }
  });

  const queues = [REMINDER_QUEUE, DELIVERY_QUEUE, CADENCE_QUEUE].map(
    (name) =>
      new Queue(name, {
        prefix: settings.QUEUE_PREFIX,
        connection: { url: settings.REDIS_URL, maxRetriesPerRequest: null, lazyConnect: true, retryStrategy: redisReconnectDelay },
      }),
  );
  // Redis being down is the readiness check's to report
  for (const queue of queues) queue.on('error', () => undefined);
  fastify.addHook('onClose', async () => {
    await Promise.all(queues.map((queue) => queue.close().catch(() => undefined)));
  });

  const board = new BullBoardFastifyAdapter();
  board.setBasePath(QUEUES_BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: !settings.ADMIN_QUEUES_WRITABLE })),
    // @bull-board/fastify 9.10.1 brings its own copy of @bull-board/api 9.10.1: the same interface, declared twice
    serverAdapter: board as never,
    options: { uiConfig: { boardTitle: 'Supervision queues' } },
  });
  await app.register(board.registerPlugin() as never, { prefix: QUEUES_BOARD_PATH });
};
