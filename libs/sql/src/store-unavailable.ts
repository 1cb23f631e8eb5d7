import { setTimeout as sleep } from 'node:timers/promises';

/** The database could not be reached, or did not answer in time: the same request may well succeed later. */
export class StoreUnavailableError extends Error {
  readonly code = 'store-unavailable';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of an unavailable server, not of a bad request: 08… connection exceptions, 57P01–57P03 shutting down or
 * starting up, 57014 a statement cancelled (statement_timeout), 53300 too many connections, 25P03 a session ended
 * idle in a transaction.
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|57014|53300|25P03)$/;

/** What `pg` says when a connection breaks, cannot be opened in time, or a server stops answering. */
const DRIVER_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|timeout expired|Query read timeout|Client has encountered a connection error|Client was closed)/;

/** Whether a database error means "unavailable for now" (503) rather than a fault in the request or the code. */
export const isStoreUnavailable = (error: unknown): boolean => {
  if (error instanceof StoreUnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof message === 'string' && DRIVER_MESSAGE.test(message)) return true;
  return error instanceof AggregateError && error.errors.some(isStoreUnavailable);
};

/** The error as a StoreUnavailableError when it means the database is unavailable; else unchanged. */
export const asStoreUnavailable = (error: unknown, what = 'PostgreSQL'): unknown => {
  if (error instanceof StoreUnavailableError || !isStoreUnavailable(error)) return error;
  const reason = error instanceof AggregateError && error.errors[0] instanceof Error ? error.errors[0].message : (error as Error).message;
  return new StoreUnavailableError(`${what} is unavailable: ${reason || (error as { code?: string }).code || 'no answer'}`, { cause: error });
};

export interface WaitForDatabaseOptions {
  /** Told about every failed attempt, with the reason and when the next one comes. */
  readonly onWait: (message: string) => void;
  readonly signal?: AbortSignal;
  /** The first pause between attempts (ms); it doubles up to `maxDelayMs`. */
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
}

/**
 * Resolves once `probe` succeeds, retrying with backoff for as long as it fails because the database is
 * unavailable; any other failure (a wrong password, a missing database) is thrown at once. Returns how many
 * attempts failed.
 */
export const waitForDatabase = async (probe: () => Promise<unknown>, options: WaitForDatabaseOptions): Promise<number> => {
  for (let failures = 0, delay = options.initialDelayMs ?? 500; ; failures++, delay = Math.min(delay * 2, options.maxDelayMs ?? 10_000)) {
    try {
      await probe();
      return failures;
    } catch (error) {
      if (!isStoreUnavailable(error) || options.signal?.aborted) throw error;
      options.onWait(`${(asStoreUnavailable(error) as Error).message}; waiting for it, next attempt in ${(delay / 1000).toFixed(1)} s`);
      await sleep(delay, undefined, { signal: options.signal });
    }
  }
};
