import { createHash } from 'node:crypto';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import canonicalize from 'canonicalize';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, finalize, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { ProblemError } from '../problems/problem-details.js';
import { validationFailed } from '../validation/validation.js';
import { HEARTBEAT_MS, IdempotencyKeys, principalOf, type KeyScope } from './idempotency-keys.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for a request with an Idempotency-Key: the command id every attempt of it runs under (keyedCommandId). */
    commandId?: string;
  }
}

const KEY = /^[\x21-\x7E]{1,255}$/;
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * `Idempotency-Key` on POST and PUT, per authenticated principal (user and its kindergarten or unit): the same key
 * with a JSON-equal body replays the first response (status, body byte for byte, ETag, Location) with
 * `Idempotent-Replayed: true` and writes nothing; with another body, 422. Every attempt runs its command under one
 * derived command id and at the first attempt's time, so an attempt taking over from one that died (its claim no
 * longer refreshed) answers with what the first wrote rather than writing again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IdempotencyKeys) private readonly keys: IdempotencyKeys,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers['idempotency-key'];
    if (header === undefined || (request.method !== 'POST' && request.method !== 'PUT') || !request.caller) return next.handle();
    if (request.routeOptions.config?.neverReplayed) return next.handle();
    if (typeof header !== 'string' || !KEY.test(header)) {
      throw validationFailed(
        [{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1–255 visible ASCII characters' }],
        'The Idempotency-Key header is not valid',
      );
    }
    const scope: KeyScope = { caller: principalOf(request.caller), method: request.method, path: request.url.split('?')[0]!, key: header };
    const requestHash = createHash('sha256')
      .update(canonicalize(request.body ?? null) ?? 'null')
      .digest('hex');
    const claim = await this.keys.claim(scope, requestHash, request.receivedAt ?? new Date());
    switch (claim.kind) {
      case 'mismatch':
        throw ProblemError.of(422, 'idempotency-key-reused', 'This Idempotency-Key was used with a different request body');
      case 'busy':
        throw ProblemError.of(409, 'idempotency-key-in-progress', 'A request with this Idempotency-Key is still being processed; retry shortly');
      case 'replay':
        for (const [name, value] of Object.entries(claim.response.headers)) reply.header(name, value);
        reply.header('idempotent-replayed', 'true');
        reply.status(claim.response.status);
        if (claim.response.bodyText === null) return of(undefined);
        // the text first sent, not a re-serialisation: the replay is the same bytes
        reply.header('content-type', 'application/json; charset=utf-8');
        return of(claim.response.bodyText);
      case 'new': {
        const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
        request.commandId = claim.commandId;
        request.receivedAt = claim.receivedAt;
        const heartbeat = setInterval(() => void this.keys.heartbeat(scope).catch(() => undefined), HEARTBEAT_MS);
        heartbeat.unref();
        return next.handle().pipe(
          mergeMap((body) =>
            from(
              (async () => {
                const headers = Object.fromEntries(
                  REPLAYED_HEADERS.flatMap((name) => {
                    const value = reply.getHeader(name);
                    return value === undefined ? [] : [[name, String(value)]];
                  }),
                );
                // what Fastify sends for this body (JSON.stringify), kept as text and sent as such
                const bodyText = body === undefined ? null : JSON.stringify(body);
                await this.keys.complete(scope, { status, bodyText, headers });
                if (bodyText === null) return body;
                reply.header('content-type', 'application/json; charset=utf-8');
                return bodyText;
              })(),
            ),
          ),
          catchError((error: unknown) => from(this.keys.release(scope)).pipe(mergeMap(() => throwError(() => error)))),
          finalize(() => clearInterval(heartbeat)),
        );
      }
    }
  }
}
