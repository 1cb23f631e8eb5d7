import { createHash, timingSafeEqual } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '@app/config';
import { Authenticator } from '../auth/authenticator.js';
import { sendProblem } from './problems/fastify-problems.js';
import { ProblemError } from './problems/problem-details.js';

const OPEN_PATHS = ['/docs'];
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const AUTH_PATHS = '/api/v1/auth/';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Whether the request bears the metrics token; compared as digests: equal lengths, constant time. */
const bearsToken = (request: FastifyRequest, token: string | undefined): boolean => {
  const given = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return token !== undefined && given !== undefined && timingSafeEqual(digest(given), digest(token));
};

/**
 * The HTTP edge that runs before Nest: auth and role checks in onRequest (so they come before the body-size
 * check and validation, as the contract orders them), and the start-up check that every route declares who may
 * call it. Fastify's own errors reach Nest's handler and so the ProblemDetailsFilter.
 */
export const installHttpEdge = (app: NestFastifyApplication, authenticator: Authenticator, clock: Clock, metricsToken?: string): void => {
  const fastify = app.getHttpAdapter().getInstance();
  const undeclared: string[] = [];

  fastify.addHook('onRoute', (route) => {
    if (route.method === 'HEAD' || OPEN_PATHS.some((open) => route.url.startsWith(open))) return;
    if (!route.config?.access) undeclared.push(`${String(route.method)} ${route.url}`);
  });

  fastify.addHook('onReady', async () => {
    if (undeclared.length > 0) throw new Error(`Routes without an access rule (use @Access or @Public): ${undeclared.join(', ')}`);
  });

  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('x-correlation-id', request.id);
    request.receivedAt = clock.now();
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    if (request.routeOptions.config?.metricsToken && bearsToken(request, metricsToken)) return;
    try {
      // the contract's order: auth, CSRF, password change, then role (and body size, validation… after this hook)
      const { caller, session } = await authenticator.authenticate(request);
      if (session && WRITES.has(request.method) && !Authenticator.csrfHolds(request, session)) {
        throw ProblemError.of(403, 'csrf-failed', 'A write with the session cookie needs X-CSRF-Token equal to the session’s csrfToken');
      }
      if (caller.passwordChangeRequired && !request.url.startsWith(AUTH_PATHS)) {
        throw ProblemError.of(403, 'password-change-required', 'Change the one-time password first (POST /api/v1/auth/password)');
      }
      if (!access.includes(caller.role)) throw ProblemError.of(403, 'forbidden', `Role ${caller.role} may not call this endpoint`);
      request.caller = caller;
      request.session = session;
    } catch (error) {
      if (error instanceof ProblemError) {
        // RFC 9110 §15.5.2: a 401 carries the challenge (RFC 6750 for bearer tokens)
        if (error.problem.status === 401) reply.header('www-authenticate', request.headers.authorization ? 'Bearer error="invalid_token"' : 'Bearer');
        return sendProblem(reply, error.problem);
      }
      throw error;
    }
  });
};
