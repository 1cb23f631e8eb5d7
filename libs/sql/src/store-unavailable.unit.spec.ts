import { describe, expect, it } from '@jest/globals';
import { StoreUnavailableError, asStoreUnavailable, isStoreUnavailable, waitForDatabase } from './store-unavailable.js';

const pgError = (code: string, message = 'error'): Error => Object.assign(new Error(message), { code });

describe('store-unavailable', () => {
  it('counts an unreachable, shutting-down, too slow or vanished server as unavailable', () => {
    for (const error of [
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      pgError('ECONNRESET'),
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('57P03', 'the database system is starting up'),
      pgError('57014', 'canceling statement due to statement timeout'),
      pgError('08006'),
      pgError('53300', 'sorry, too many clients already'),
      pgError('25P03', 'terminating connection due to idle-in-transaction timeout'),
      new Error('Connection terminated unexpectedly'),
      new Error('Query read timeout'),
      new Error('timeout exceeded when trying to connect'),
      new AggregateError([pgError('ECONNREFUSED')]),
    ]) {
      expect(isStoreUnavailable(error)).toBe(true);
    }
  });

  it('leaves a bad request or a fault of the code alone', () => {
    for (const error of [pgError('23505', 'duplicate key'), pgError('42P01', 'relation does not exist'), pgError('28P01'), new TypeError('x'), 'text', null]) {
      expect(isStoreUnavailable(error)).toBe(false);
      expect(asStoreUnavailable(error)).toBe(error);
    }
  });

  it('wraps an unavailable error with the reason, keeping the original as its cause', () => {
    const original = pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432');
    const wrapped = asStoreUnavailable(original) as StoreUnavailableError;
    expect(wrapped).toBeInstanceOf(StoreUnavailableError);
    expect(wrapped).toMatchObject({ code: 'store-unavailable', message: 'PostgreSQL is unavailable: connect ECONNREFUSED 127.0.0.1:5432', cause: original });
    expect(asStoreUnavailable(wrapped)).toBe(wrapped);
  });

  it('waits for the database with growing pauses, and gives up at once on any other failure', async () => {
    const said: string[] = [];
    let attempts = 0;
    const failures = await waitForDatabase(
      async () => {
        if (++attempts < 4) throw pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432');
      },
      { onWait: (message) => said.push(message), initialDelayMs: 10, maxDelayMs: 20 },
    );
    expect(failures).toBe(3);
    expect(said).toEqual([
      'PostgreSQL is unavailable: connect ECONNREFUSED 127.0.0.1:5432; waiting for it, next attempt in 0.0 s',
      'PostgreSQL is unavailable: connect ECONNREFUSED 127.0.0.1:5432; waiting for it, next attempt in 0.0 s',
      'PostgreSQL is unavailable: connect ECONNREFUSED 127.0.0.1:5432; waiting for it, next attempt in 0.0 s',
    ]);
    const refused = pgError('28P01', 'password authentication failed');
    await expect(waitForDatabase(() => Promise.reject(refused), { onWait: () => undefined })).rejects.toBe(refused);
  });
});
