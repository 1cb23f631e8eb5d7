import { DomainError, InvalidAppendError, WrongExpectedVersionError } from '@app/event-sourcing';
import { AccountRefusal } from '@app/users';
import { PROBLEM_TEXTS } from './problem-texts.js';

/** An RFC 9457 problem: what every error response carries, with our stable `code`. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly FieldProblem[];
  readonly [extension: string]: unknown;
}

/** One invalid field: `message` in English, `zh` in Chinese (only one of them is sent, as the client prefers). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
  readonly zh?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const STATUS_BY_KIND: Record<DomainError['kind'], number> = { conflict: 409, rule: 422, 'not-found': 404, 'version-mismatch': 412 };

/** Extensions never replace the standard members: an extension named `status` once turned a 409 into a 500. */
export const problem = (status: number, code: string, detail: string, extensions: Record<string, unknown> = {}): ProblemDetails => ({
  ...extensions,
  type: `/problems/${code}`,
  title: PROBLEM_TEXTS[code]?.[2] ?? code.replaceAll('-', ' ').replace(/^./, (first) => first.toUpperCase()),
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
  if (error instanceof AccountRefusal)
    return problem(error.status, error.code, error.message, error.retryAfter ? { retryAfter: error.retryAfter } : {});
  if (error instanceof DomainError) {
    const extensions = error.details ? { ...error.details } : {};
    return problem(STATUS_BY_KIND[error.kind], error.code, error.message, extensions);
  }
  // the store's own optimistic-concurrency retries ran out: the client may simply try again
  if (error instanceof WrongExpectedVersionError) return problem(409, 'concurrency-conflict', 'The resource changed concurrently; try again');
  if (error instanceof InvalidAppendError) return null;
  return null;
};
