import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { Settings } from '@app/config';
import { ProblemError } from '../problems/problem-details.js';

/**
 * The Fastify server options that bound how long a client may hold a connection: a request must arrive whole within
 * HTTP_REQUEST_TIMEOUT_MS (headers within HTTP_HEADERS_TIMEOUT_MS), and a connection silent for HTTP_IDLE_TIMEOUT_MS is
 * closed, so a client sending its headers and then a byte at a time (or nothing) cannot hold a connection for long.
 */
export const connectionLimits = (settings: Settings) => ({
  requestTimeout: settings.HTTP_REQUEST_TIMEOUT_MS,
  connectionTimeout: settings.HTTP_IDLE_TIMEOUT_MS,
  keepAliveTimeout: Math.min(5_000, settings.HTTP_IDLE_TIMEOUT_MS),
  http: {
    headersTimeout: settings.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeout: settings.HTTP_REQUEST_TIMEOUT_MS,
    // Node checks the request and headers timeouts this often (its default, 30 s, would let a slow request live that much longer)
    connectionsCheckingInterval: Math.min(1_000, settings.HTTP_HEADERS_TIMEOUT_MS),
  },
  // Fastify takes a hop count too (proxy-addr), though its types omit it
  trustProxy: trustedProxies(settings.TRUST_PROXY) as string[] | boolean,
});

/** TRUST_PROXY as Fastify takes it: a hop count, or the addresses and CIDRs whose X-Forwarded-For is believed; none when unset. */
export const trustedProxies = (setting: string | undefined): number | string[] | false => {
  if (setting === undefined) return false;
  if (/^\d+$/.test(setting)) return Number(setting);
  return setting.split(',').map((entry) => entry.trim());
};

/** Routes that opt in share one bucket per client address (behind a trusted proxy: the forwarded address). */
const rateLimited = (request: FastifyRequest): boolean => request.routeOptions.config?.rateLimited === true;

/**
 * Security headers on every answer (helmet), `Cache-Control: no-store` on every answer of an authenticated route, and
 * the public rate limit: one bucket per client address across every rate-limited route.
 */
export const installSecurity = async (app: NestFastifyApplication, settings: Settings): Promise<void> => {
  await app.register(helmet, {
    // what the same-origin consoles (/docs, /admin/queues) need and nothing more: own scripts only, inline styles, data: images
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    },
    frameguard: { action: 'deny' },
    // HSTS belongs to whoever terminates TLS (the engine speaks plain HTTP behind it)
    strictTransportSecurity: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (access && access !== 'public') reply.header('cache-control', 'no-store');
  });
  await app.register(rateLimit, {
    global: true,
    allowList: (request) => !rateLimited(request),
    max: settings.PUBLIC_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      ProblemError.of(429, 'rate-limited', `At most ${context.max} requests a minute from one address; retry in ${Math.ceil(context.ttl / 1000)} s`),
  });
};
