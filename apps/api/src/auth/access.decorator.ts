import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Caller, Role } from '@app/identity';
import type { ActiveSession } from '@app/users';
import { NoSecurity, Problems } from '../http/openapi/openapi.js';

/** Who may call a route: `public`, or the roles listed. Read by the auth hook before the body is parsed. */
export type AccessRule = 'public' | readonly Role[];

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
    /** The session when the caller came with the session cookie (not with a bearer token). */
    session?: ActiveSession;
    /** The engine's time when the request arrived: the `now` of its command. */
    receivedAt?: Date;
  }
  interface FastifyContextConfig {
    access?: AccessRule;
    /** Counted against the client address's one public bucket (PUBLIC_RATE_LIMIT_PER_MINUTE across these routes). */
    rateLimited?: boolean;
    /** Idempotency-Key is ignored: the answer holds something never to be kept at rest (a one-time password, a session). */
    neverReplayed?: boolean;
    /** Besides its roles, `Authorization: Bearer <METRICS_TOKEN>` lets the caller in (a scraper is no user). */
    metricsToken?: boolean;
  }
}

/** Roles allowed on this route; every controller route must say (checked at start-up). */
export const Access = (...roles: Role[]) =>
  applyDecorators(
    RouteConfig({ access: roles }),
    ApiBearerAuth(),
    Problems({ 401: ['unauthenticated'], 403: ['forbidden', 'csrf-failed', 'password-change-required'] }, {
      401: 'Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session',
      403: `Allowed for: ${roles.join(', ')}; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed`,
    }),
  );

/** An admin (session or token), or a scraper with `Authorization: Bearer <METRICS_TOKEN>` when that is set. */
export const AdminOrMetricsToken = () =>
  applyDecorators(
    RouteConfig({ access: ['admin'], metricsToken: true }),
    ApiBearerAuth(),
    Problems({ 401: ['unauthenticated'], 403: ['forbidden', 'password-change-required'] }, {
      401: 'Neither the METRICS_TOKEN bearer token nor an admin’s token or session',
      403: 'Allowed for: admin (or the METRICS_TOKEN); a one-time password not yet changed',
    }),
  );

/** No token needed; a token, if sent, is ignored. Rate-limited routes share one count per client address. */
export const Public = (options: { rateLimited?: boolean } = {}) =>
  applyDecorators(RouteConfig({ access: 'public', ...(options.rateLimited ? { rateLimited: true } : {}) }), NoSecurity());

/** The authenticated caller of the request. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<FastifyRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used on a route without Access(...)');
  return caller;
});
