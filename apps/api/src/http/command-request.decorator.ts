import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { formatShanghai } from '@app/calendar';
import { actorOf, type CommandRequest } from '@app/identity';
import { validationFailed } from './validation.js';

const IF_MATCH = /^"(\d{1,9})"$/;

/** `If-Match: "<version>"` → that version; `*` or no header → none; anything else is refused. */
export const parseIfMatch = (header: string | undefined): number | undefined => {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = IF_MATCH.exec(header.trim());
  if (!match)
    throw validationFailed([{ field: 'If-Match', message: 'If-Match must be a strong ETag such as "3"' }], 'The If-Match header is not valid');
  return Number(match[1]);
};

/**
 * Who is asking, when, under which ids, and which version they saw: everything a command's events record
 * besides the decision itself. The correlation id is the request's (and the logs').
 */
export const RequestContext = createParamDecorator((_: unknown, context: ExecutionContext): CommandRequest => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const caller = request.caller;
  if (!caller) throw new Error('RequestContext used on a route without Access(...)');
  const now = request.receivedAt ?? new Date();
  const ifMatch = request.headers['if-match'];
  return {
    caller,
    now,
    metadata: { actor: actorOf(caller), at: formatShanghai(now), commandId: randomUUID(), correlationId: String(request.id), causationId: null },
    expectedVersion: parseIfMatch(Array.isArray(ifMatch) ? ifMatch.join(',') : ifMatch),
  };
});
