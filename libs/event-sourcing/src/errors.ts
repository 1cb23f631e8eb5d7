/** How a refusal is classified; the HTTP edge maps each kind to one status. */
export type DomainErrorKind = 'conflict' | 'rule' | 'not-found' | 'version-mismatch';

/** A refusal with a stable, contract-level `code` (e.g. `invalid-transition`). */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command does not fit the aggregate's current state (HTTP 409). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
}

/** The command breaks a business rule or references something that does not exist (HTTP 422). */
export class RuleViolationError extends DomainError {
  readonly kind = 'rule' as const;
}

/** The addressed resource does not exist, or the caller may not know that it does (HTTP 404). */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
}

/** The caller pinned a version (If-Match) and the stream has moved on (HTTP 412). */
export class VersionMismatchError extends DomainError {
  readonly kind = 'version-mismatch' as const;

  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super('version-mismatch', `Stream ${streamId} is at version ${actualVersion}, not ${expectedVersion}`, {
      expectedVersion,
      actualVersion,
    });
  }
}
