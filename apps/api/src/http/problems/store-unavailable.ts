import type { FastifyReply } from 'fastify';
import { isStoreUnavailable } from '@app/sql';
import { problem, type ProblemDetails } from './problem-details.js';

/** How long a client is asked to wait before retrying while the store is away (seconds). */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** A database that is away, or too slow to answer within its timeouts: 503, never a 500, and the request may be retried. */
export const problemForStoreOutage = (error: unknown): ProblemDetails | null =>
  isStoreUnavailable(error)
    ? problem(503, 'store-unavailable', `The store is unavailable for now; retry in ${STORE_RETRY_AFTER_SECONDS} s (with the same Idempotency-Key)`)
    : null;

/** RFC 9110 §10.2.3: a 503 says when to come back. */
export const markRetryAfter = (reply: FastifyReply, details: ProblemDetails): void => {
  if (details.code === 'store-unavailable') reply.header('retry-after', String(STORE_RETRY_AFTER_SECONDS));
  // a locked username: when sign-in is open to it again
  if (details.code === 'account-locked' && typeof details['retryAfter'] === 'number') reply.header('retry-after', String(details['retryAfter']));
};
