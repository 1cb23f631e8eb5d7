import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Settings } from '@app/config';
import { sendProblem } from '../http/problems/fastify-problems.js';
import { problem } from '../http/problems/problem-details.js';

/** What the engine itself answers below: the console never shadows these, even for a path no route there matches. */
const ENGINE_PREFIXES = ['/api/', '/docs', '/health', '/metrics', '/admin/'];

const isEngineRoute = (path: string): boolean =>
  path === '/api' || ENGINE_PREFIXES.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix));

// Vite names every built asset by its content: it never changes under the same name
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The web console at `/` (api.md "Console"): the built files from CONSOLE_DIR, and `index.html` for any other GET
 * (the console's own routes, e.g. `/public` or `/cases/…`, reloaded in the browser). A path the engine owns
 * (`/api/v1/…`, `/docs…`, `/health/…`, `/metrics`, `/admin/…`) that no route matched stays a 404 problem.
 */
/** Fastify's default `maxParamLength`: a longer path segment matches no engine route. */
const MAX_PARAM_LENGTH = 100;

type FrameworkErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void;

export const installConsole = async (app: NestFastifyApplication, settings: Settings, frameworkErrors: FrameworkErrors): Promise<void> => {
  const root = resolve(settings.CONSOLE_DIR);
  // the cache headers are ours: immutable for hashed assets, revalidated for the rest
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false });
  const fastify = app.getHttpAdapter().getInstance();
  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html', root);

  fastify.get('/*', { config: { access: 'public' } }, async (request: FastifyRequest, reply: FastifyReply) => {
    const path = `/${(request.params as { '*': string })['*']}`;
    if (isEngineRoute(path)) {
      // a segment too long for any route's parameter: the answer routing gives it without this catch-all (token first, then 414)
      if (path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) {
        frameworkErrors(Object.assign(new Error('path parameter too long'), { code: 'FST_ERR_MAX_PARAM_LENGTH' }) as FastifyError, request, reply);
        return reply; // answered by the handler, asynchronously
      }
      return sendProblem(reply, problem(404, 'not-found', `No route GET ${path}`));
    }
    if (!existsSync(resolve(root, 'index.html'))) {
      return sendProblem(reply, problem(503, 'console-not-built', 'The console is not built: run npm start (or npm run console:build)'));
    }
    const file = resolve(root, `.${path}`);
    if (path !== '/' && file.startsWith(root + sep) && statSync(file, { throwIfNoEntry: false })?.isFile()) {
      return reply.header('cache-control', path.startsWith('/assets/') ? IMMUTABLE : 'no-cache').sendFile(path.slice(1), root);
    }
    return sendIndex(reply);
  });
};
