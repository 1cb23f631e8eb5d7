import type { FastifyError, FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDetails } from './problem-details.js';
import { localisedProblem, problemLanguage } from './problem-language.js';

const withAcceptLanguage = (vary: unknown): string => {
  const given = typeof vary === 'string' && vary.trim() !== '' ? vary : '';
  return /(^|,)\s*(accept-language|\*)\s*(,|$)/i.test(given) ? given : given ? `${given}, Accept-Language` : 'Accept-Language';
};

/** Every problem leaves through here: in the language the request prefers, saying which, and that it depends on it. */
export const sendProblem = (reply: FastifyReply, details: ProblemDetails): FastifyReply => {
  const language = problemLanguage(reply.request.headers['accept-language']);
  return reply
    .status(details.status)
    .type(PROBLEM_CONTENT_TYPE)
    .header('vary', withAcceptLanguage(reply.getHeader('vary')))
    .header('content-language', language)
    .send(localisedProblem(details, language));
};

const notJson = (error: FastifyError): ProblemDetails =>
  problem(400, 'validation-failed', 'The body is not valid JSON', { errors: [{ field: '', message: error.message, zh: '请求体不是有效的 JSON' }] });

/** Fastify's own errors (body parsing, size, media type) as problems; never a 500 for bad input. */
export const problemForFastify = (error: FastifyError): ProblemDetails | null => {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'payload-too-large', 'The request body is larger than 1 MiB');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported-media-type', 'Send JSON with Content-Type: application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'validation-failed', 'The JSON body is empty', {
        errors: [{ field: '', message: 'body must be a JSON object', zh: '请求体必须是 JSON 对象' }],
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return notJson(error);
    default:
      if (error instanceof SyntaxError || error.statusCode === 400) return notJson(error);
      if (error.statusCode === 413) return problem(413, 'payload-too-large', 'The request body is larger than 1 MiB');
      if (error.statusCode === 415) return problem(415, 'unsupported-media-type', error.message);
      return null;
  }
};
