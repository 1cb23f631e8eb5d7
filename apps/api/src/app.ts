import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import secureJson from 'secure-json-parse';
import { SystemClock, type Clock, type Settings } from '@app/config';
import { httpRequestDuration } from '@app/metrics';
import { resolveJwtSecret } from '@app/identity/tokens';
import { AppModule } from './app.module.js';
import { Authenticator } from './auth/authenticator.js';
import { installHttpEdge } from './http/http-edge.js';
import { ProblemDetailsFilter } from './http/problems/problem-details.filter.js';
import { JsonBodyPipe, dtoValidationPipe, validationFailed } from './http/validation/validation.js';
import { connectionLimits, installSecurity } from './http/security/security.js';
import { installQueuesBoard } from './operations/queues-board.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `X-Correlation-Id` when well-formed, else a fresh one. It lands in every log line and event of the request. */
const correlationId = (request: IncomingMessage | Http2ServerRequest): string => {
  const given = request.headers['x-correlation-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
};

const ROOT_ROUTES = ['health/live', 'health/ready', 'metrics'];

// no command body nests more than 3 levels; everything after the parser (idempotency hashing, validation) recurses
const MAX_JSON_DEPTH = 32;

/** Whether a parsed JSON value nests deeper than `limit`, found without recursion so that a hostile body cannot overflow the stack. */
const nestsDeeperThan = (value: unknown, limit: number): boolean => {
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
};

/** Builds the HTTP application exactly as production runs it; tests use it too. */
export const createApp = async (settings: Settings, options: { clock?: Clock } = {}): Promise<NestFastifyApplication> => {
  const clock = options.clock ?? new SystemClock();
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: false,
    genReqId: correlationId,
    ...connectionLimits(settings),
  });
  const fastify = adapter.getInstance();
  // JSON bodies only (Fastify's default text/plain parser would let a text body through to validation instead of a 415):
  // an empty body is no body (POST …/acknowledgement), prototype pollution and deep nesting are refused
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch (error) {
      return done(Object.assign(error as Error, { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined);
    }
    if (nestsDeeperThan(parsed, MAX_JSON_DEPTH)) {
      return done(
        validationFailed([{ field: '', message: `the body nests deeper than ${MAX_JSON_DEPTH} levels` }], 'The request body nests too deeply'),
        undefined,
      );
    }
    done(null, parsed);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    httpRequestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(settings, clock), adapter, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // security headers, no-store on authenticated answers, the public rate limit (one bucket per address); Bull Board (admins)
  await installSecurity(app, settings);
  await installQueuesBoard(app, settings);
  installHttpEdge(app, new Authenticator(resolveJwtSecret(settings).secret, { maxLifetimeHours: settings.AUTH_TOKEN_MAX_HOURS }), clock);
  app.setGlobalPrefix('api/v1', { exclude: ROOT_ROUTES.map((path) => ({ path, method: RequestMethod.GET })) });
  app.useGlobalPipes(new JsonBodyPipe(), dtoValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Supervision and rectification workflow engine')
      .setDescription(
        'County education bureau supervision (督导) of kindergartens: inspections, rectification notices (限期整改), enrolment suspension, public disclosure. ' +
          'Errors are application/problem+json with a stable `code`.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
};
