import { DomainError, InvalidAppendError, WrongExpectedVersionError } from '@app/event-sourcing';
import { AccountRefusal } from '@app/users';

/** An RFC 9457 problem: what every error response carries, with our stable `code`. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<string, string> = {
  'validation-failed': 'The request is not valid',
  unauthenticated: 'Authentication required',
  forbidden: 'Not allowed for this role',
  'not-found': 'Not found',
  'version-mismatch': 'The resource has changed',
  'payload-too-large': 'The request body is too large',
  'uri-too-long': 'The URL is too long',
  'headers-too-large': 'The request headers are too large',
  'request-timeout': 'The request took too long to arrive',
  'unsupported-media-type': 'Unsupported media type',
  'rate-limited': 'Too many requests',
  'idempotency-key-reused': 'The idempotency key was used with another request',
  'idempotency-key-in-progress': 'A request with this idempotency key is still in progress',
  'concurrency-conflict': 'Too many concurrent changes; try again',
  'invalid-transition': 'Not possible in the current state',
  'calendar-unavailable': 'No official calendar for that year',
  'internal-error': 'Internal error',
  'invalid-credentials': 'The username or password is not right',
  'account-locked': 'Too many failed sign-ins',
  'weak-password': 'The new password is too weak',
  'csrf-failed': 'The CSRF token is missing or wrong',
  'password-change-required': 'The password must be changed first',
};

const STATUS_BY_KIND: Record<DomainError['kind'], number> = { conflict: 409, rule: 422, 'not-found': 404, 'version-mismatch': 412 };

/** Extensions never replace the standard members: an extension named `status` once turned a 409 into a 500. */
export const problem = (status: number, code: string, detail: string, extensions: Record<string, unknown> = {}): ProblemDetails => ({
  ...extensions,
  type: `/problems/${code}`,
  title: TITLES[code] ?? code.replaceAll('-', ' ').replace(/^./, (first) => first.toUpperCase()),
  status,
  detail,
  code,
});

/** Thrown at the HTTP edge to answer with a given problem. */
export class ProblemError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail);
    this.name = 'ProblemError';
  }

  static of(status: number, code: string, detail: string, extensions?: Record<string, unknown>): ProblemError {
    return new ProblemError(problem(status, code, detail, extensions));
  }
}

/** The problem for a failure the domain or the store reported; null for anything else (the caller decides). */
export const problemForDomain = (error: unknown): ProblemDetails | null => {
  if (error instanceof ProblemError) return error.problem;
  if (error instanceof AccountRefusal) return problem(error.status, error.code, error.message, error.retryAfter ? { retryAfter: error.retryAfter } : {});
  if (error instanceof DomainError) {
    const extensions = error.details ? { ...error.details } : {};
    return problem(STATUS_BY_KIND[error.kind], error.code, error.message, extensions);
  }
  // the store's own optimistic-concurrency retries ran out: the client may simply try again
  if (error instanceof WrongExpectedVersionError) return problem(409, 'concurrency-conflict', 'The resource changed concurrently; try again');
  if (error instanceof InvalidAppendError) return null;
  return null;
};
