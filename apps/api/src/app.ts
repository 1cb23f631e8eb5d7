import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { Settings } from '@app/config';
import { AppModule } from './app.module.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `X-Correlation-Id` when well-formed, else a fresh one. It lands in every log line and event of the request. */
const correlationId = (request: IncomingMessage | Http2ServerRequest): string => {
  const given = request.headers['x-correlation-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
};

/** Builds the HTTP application exactly as production runs it; tests use it too. */
export const createApp = async (settings: Settings): Promise<NestFastifyApplication> => {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(settings),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, requestIdHeader: false, genReqId: correlationId }),
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      reply.header('x-correlation-id', request.id);
    });
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.enableShutdownHooks();
  return app;
};
