import { Injectable, RequestMethod, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { validationFailed } from './validation.js';

const BODY_PARAMETER = `${RouteParamtypes.BODY}:`;

/**
 * A command that takes no body (`POST …/acknowledgement`) refuses one, before anything runs: a body that would be
 * ignored is a client's mistake, not something to record as if it had been understood. An empty body is no body.
 * A catch-all route (`@All`, the audit record's read-only answer) gives its own refusal.
 */
@Injectable()
export class NoBodyInterceptor implements NestInterceptor {
  private readonly takesBody = new WeakMap<object, boolean>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      if (request.body !== undefined && !this.handlerTakesBody(context)) {
        throw validationFailed(
          [{ field: '', message: 'this request takes no body', zh: '此请求不接受请求体' }],
          'This request takes no body; send none',
        );
      }
    }
    return next.handle();
  }

  private handlerTakesBody(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let known = this.takesBody.get(handler);
    if (known === undefined) {
      const parameters: Record<string, unknown> = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {};
      const catchAll = Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.ALL;
      known = catchAll || Object.keys(parameters).some((key) => key.startsWith(BODY_PARAMETER));
      this.takesBody.set(handler, known);
    }
    return known;
  }
}
