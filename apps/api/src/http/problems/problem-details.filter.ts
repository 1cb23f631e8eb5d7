import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyError } from 'fastify';
import { problemForFastify, sendProblem } from './fastify-problems.js';
import { problem, problemForDomain, type ProblemDetails } from './problem-details.js';
import { markRetryAfter, problemForStoreOutage } from './store-unavailable.js';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'validation-failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  412: 'version-mismatch',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
};

/** Every error a handler, pipe or guard raises, as application/problem+json with a stable code. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    // a deliberate 5xx answer (the readiness report's 503) goes out as it was built
    if (exception instanceof HttpException && exception.getStatus() > 500) {
      void reply.status(exception.getStatus()).send(exception.getResponse());
      return;
    }
    const details = this.problemFor(exception, request);
    markRetryAfter(reply, details);
    sendProblem(reply, details);
  }

  private problemFor(exception: unknown, request: FastifyRequest): ProblemDetails {
    const known = problemForDomain(exception);
    if (known) return known;
    if (exception instanceof Error && typeof (exception as FastifyError).code === 'string' && (exception as FastifyError).code.startsWith('FST_')) {
      const fastify = problemForFastify(exception as FastifyError);
      if (fastify) return fastify;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 429) return problem(429, 'rate-limited', 'Too many requests from this address; wait before retrying');
      if (status < 500) return problem(status, CODE_BY_STATUS[status] ?? 'client-error', exception.message);
    }
    const outage = problemForStoreOutage(exception);
    if (outage) {
      this.logger.warn(
        `store unavailable (correlation id ${String(request.id)}): ${exception instanceof Error ? exception.message : String(exception)}`,
      );
      return outage;
    }
    this.logger.error(`unhandled error (correlation id ${String(request.id)}): ${exception instanceof Error ? exception.stack : String(exception)}`);
    return problem(500, 'internal-error', 'Something went wrong; the correlation id identifies it in the logs');
  }
}
