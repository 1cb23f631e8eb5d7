import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { formatShanghai } from '@app/calendar/domain';
import { actorOf } from '@app/identity';
import { type CommandRequest } from '@app/commands';
import { parseIfMatch } from './if-match.js';

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
    metadata: { actor: actorOf(caller), at: formatShanghai(now), commandId: request.commandId ?? randomUUID(), correlationId: String(request.id), causationId: null },
    expectedVersion: parseIfMatch(Array.isArray(ifMatch) ? ifMatch.join(',') : ifMatch),
  };
});
