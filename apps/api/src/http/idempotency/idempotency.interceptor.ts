import { createHash } from 'node:crypto';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import canonicalize from 'canonicalize';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { ProblemError } from '../problems/problem-details.js';
import { validationFailed } from '../validation/validation.js';
import { IdempotencyKeys, type KeyScope } from './idempotency-keys.js';

const KEY = /^[\x21-\x7E]{1,255}$/;
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * `Idempotency-Key` on POST and PUT: the same key with a JSON-equal body replays the first response (status,
 * body, ETag, Location) with `Idempotent-Replayed: true` and writes nothing; with another body, 422.
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
    if (typeof header !== 'string' || !KEY.test(header)) {
      throw validationFailed(
        [{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1–255 visible ASCII characters' }],
        'The Idempotency-Key header is not valid',
      );
    }
    const scope: KeyScope = { caller: request.caller.sub, method: request.method, path: request.url.split('?')[0]!, key: header };
    const requestHash = createHash('sha256')
      .update(canonicalize(request.body ?? null) ?? 'null')
      .digest('hex');
    const claim = await this.keys.claim(scope, requestHash);
    switch (claim.kind) {
      case 'mismatch':
        throw ProblemError.of(422, 'idempotency-key-reused', 'This Idempotency-Key was used with a different request body');
      case 'busy':
        throw ProblemError.of(409, 'idempotency-key-in-progress', 'A request with this Idempotency-Key is still being processed; retry shortly');
      case 'replay':
        for (const [name, value] of Object.entries(claim.response.headers)) reply.header(name, value);
        reply.header('idempotent-replayed', 'true');
        reply.status(claim.response.status);
        return of(claim.response.body);
      case 'new': {
        const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
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
                await this.keys.complete(scope, { status, body, headers });
                return body;
              })(),
            ),
          ),
          catchError((error: unknown) => from(this.keys.release(scope)).pipe(mergeMap(() => throwError(() => error)))),
        );
      }
    }
  }
}
