import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Authenticator } from '../../auth/authenticator.js';
import { sendProblem } from './fastify-problems.js';
import { PROBLEM_CONTENT_TYPE, ProblemError, problem, type ProblemDetails } from './problem-details.js';

/** Paths anyone may call (the public board, health, metrics, the API document): no token is asked before their errors. */
const OPEN = /^\/(?:api\/v1\/public(?:\/|$|\?)|health\/|metrics(?:$|\?)|docs)/;

const forUrl = (error: FastifyError): ProblemDetails => {
  switch (error.code) {
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(414, 'uri-too-long', 'A path parameter is longer than any identifier the engine knows');
    case 'FST_ERR_BAD_URL':
      return problem(400, 'validation-failed', 'The URL is not valid: a %-escape does not decode', {
        errors: [{ field: 'path', message: 'the path holds a %-escape that is not valid UTF-8' }],
      });
    default:
      return problem(500, 'internal-error', 'Something went wrong; the correlation id identifies it in the logs');
  }
};

/**
 * Fastify's own routing errors (`%ZZ` in the path, an over-long path parameter) as problem+json. A caller is
 * authenticated first, as on every route: without a valid token the answer is 401, whatever is wrong with the URL.
 */
export const frameworkErrors =
  (authenticator: Authenticator) =>
  (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    reply.header('x-correlation-id', request.id);
    const answer = async (): Promise<void> => {
      if (!OPEN.test(request.raw.url ?? '')) {
        try {
          await authenticator.authenticate(request);
        } catch (refusal) {
          if (refusal instanceof ProblemError) {
            reply.header('www-authenticate', request.headers.authorization ? 'Bearer error="invalid_token"' : 'Bearer');
            sendProblem(reply, refusal.problem);
            return;
          }
          throw refusal;
        }
      }
      sendProblem(reply, forUrl(error));
    };
    answer().catch(() => sendProblem(reply, forUrl(error)));
  };

const forClientError = (error: NodeJS.ErrnoException): ProblemDetails => {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return problem(431, 'headers-too-large', 'The request headers are larger than the server accepts');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem(408, 'request-timeout', 'The request was not received in time');
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return problem(400, 'validation-failed', 'The Content-Length header is not valid', {
        errors: [{ field: 'Content-Length', message: 'Content-Length must be one whole number matching the body, without Transfer-Encoding' }],
      });
    default:
      return problem(400, 'validation-failed', 'The request is not valid HTTP/1.1', {
        errors: [{ field: '', message: 'the request could not be parsed' }],
      });
  }
};

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (oversized headers, a broken Content-Length, a
 * malformed request line): answered as problem+json on the raw socket, which is then closed (as Node does).
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // an answer already under way on this connection cannot be followed by ours: close it, as Node does
  if (!socket.writable || (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) {
    socket.destroy(error);
    return;
  }
  const details = forClientError(error);
  const body = JSON.stringify(details);
  socket.end(
    `HTTP/1.1 ${details.status} ${STATUS_CODES[details.status] ?? ''}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
