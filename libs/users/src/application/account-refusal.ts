/** A refusal of the accounts outside any aggregate's rules: bad credentials (401), a lock (423), a weak password (422)… */
export class AccountRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 422 | 423,
    readonly code: string,
    message: string,
    /** Seconds, for `Retry-After`. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'AccountRefusal';
  }
}
