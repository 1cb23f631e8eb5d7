import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import fastifyMultipart from '@fastify/multipart';
import secureJson from 'secure-json-parse';
import { SystemClock, type Clock, type Settings } from '@app/config';
import { httpRequestDuration } from '@app/metrics';
import { resolveJwtSecret } from '@app/identity/tokens';
import { Accounts } from '@app/users';
import fastifyCookie from '@fastify/cookie';
import { AppModule } from './app.module.js';
import { Authenticator } from './auth/authenticator.js';
import { installHttpEdge } from './http/http-edge.js';
import { openApiDocument } from './http/openapi/openapi.js';
import { ProblemDetailsFilter } from './http/problems/problem-details.filter.js';
import { JsonBodyPipe, dtoValidationPipe, validationFailed } from './http/validation/validation.js';
import { clientErrorHandler, frameworkErrors } from './http/problems/framework-errors.js';
import { NoBodyInterceptor } from './http/validation/no-body.interceptor.js';
import { connectionLimits, installSecurity } from './http/security/security.js';
import { installQueuesBoard } from './operations/queues-board.js';
import { installConsole } from './console/console.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `X-Correlation-Id` when well-formed, else a fresh one. It lands in every log line and event of the request. */
const correlationId = (request: IncomingMessage | Http2ServerRequest): string => {
  const given = request.headers['x-correlation-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
};

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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
  const authenticator = new Authenticator(resolveJwtSecret(settings).secret, { maxLifetimeHours: settings.AUTH_TOKEN_MAX_HOURS });
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: false,
    genReqId: correlationId,
    ...connectionLimits(settings),
    // routing and HTTP parsing errors as problem+json too (414, %ZZ, 431, a broken Content-Length)
    frameworkErrors: frameworkErrors(authenticator),
    clientErrorHandler,
  });
  const fastify = adapter.getInstance();
  // JSON bodies only (Fastify's default text/plain parser would let a text body through to validation instead of a 415):
  // an empty body is no body (POST …/acknowledgement), prototype pollution, deep nesting and invalid UTF-8 are refused
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES }, (_request, body, done) => {
    let text: string;
    try {
      // never repaired into U+FFFD: what is recorded is what the client sent
      text = typeof body === 'string' ? body : STRICT_UTF8.decode(body);
    } catch {
      return done(
        validationFailed(
          [{ field: '', message: 'the body is not valid UTF-8', zh: '请求体不是有效的 UTF-8' }],
          'The request body is not valid UTF-8',
        ),
        undefined,
      );
    }
    if (text.trim() === '') return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch (error) {
      return done(Object.assign(error as Error, { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined);
    }
    if (nestsDeeperThan(parsed, MAX_JSON_DEPTH)) {
      return done(
        validationFailed(
          [{ field: '', message: `the body nests deeper than ${MAX_JSON_DEPTH} levels`, zh: `请求体嵌套超过 ${MAX_JSON_DEPTH} 层` }],
          'The request body nests too deeply',
        ),
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
  // the session cookie (parsed before the auth hook below reads it)
  await app.register(fastifyCookie as never);
  authenticator.useDirectory(app.get(Accounts));
  await installQueuesBoard(app, settings);
  // uploads (POST /attachments) are read as a stream, part by part; a file over the limit is cut off and refused (413)
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: settings.ATTACHMENT_MAX_BYTES, files: 4, fields: 4, parts: 8, fieldSize: 1024, headerPairs: 20 },
  });
  installHttpEdge(app, authenticator, clock, settings.METRICS_TOKEN);
  await installConsole(app, settings, frameworkErrors(authenticator));
  app.setGlobalPrefix('api/v1', { exclude: ROOT_ROUTES.map((path) => ({ path, method: RequestMethod.GET })) });
  app.useGlobalPipes(new JsonBodyPipe(), dtoValidationPipe());
  app.useGlobalInterceptors(new NoBodyInterceptor());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
};
