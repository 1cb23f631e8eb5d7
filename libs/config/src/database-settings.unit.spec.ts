import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, loadSettings } from './settings.js';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
};

describe('settings of the PostgreSQL timeouts', () => {
  it('has safe defaults: connect 5 s, statement 10 s, answer 12 s, idle in a transaction 60 s', () => {
    const settings = loadSettings({});
    expect({
      connect: settings.DATABASE_CONNECT_TIMEOUT_MS,
      statement: settings.DATABASE_STATEMENT_TIMEOUT_MS,
      query: settings.DATABASE_QUERY_TIMEOUT_MS,
      idleInTransaction: settings.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    }).toEqual({ connect: 5_000, statement: 10_000, query: 12_000, idleInTransaction: 60_000 });
  });

  it('takes them in milliseconds, 0 turning off all but the connect timeout', () => {
    const settings = loadSettings({
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
      DATABASE_QUERY_TIMEOUT_MS: '0',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0',
    });
    expect(settings.DATABASE_CONNECT_TIMEOUT_MS).toBe(1_000);
    expect(settings.DATABASE_STATEMENT_TIMEOUT_MS).toBe(0);
    expect(settings.DATABASE_QUERY_TIMEOUT_MS).toBe(0);
    expect(settings.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS).toBe(0);
  });

  it('refuses what is not a duration in range', () => {
    expect(problemsOf({ DATABASE_CONNECT_TIMEOUT_MS: '0' })).toEqual(['DATABASE_CONNECT_TIMEOUT_MS must not be less than 100']);
    expect(problemsOf({ DATABASE_STATEMENT_TIMEOUT_MS: '5s' })).toEqual(['DATABASE_STATEMENT_TIMEOUT_MS must be an integer number']);
    expect(problemsOf({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '-1' })).toEqual(['DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS must not be less than 0']);
  });

  it('wants the answer timeout longer than the statement timeout, so that the server cancels first', () => {
    expect(problemsOf({ DATABASE_STATEMENT_TIMEOUT_MS: '30000' })).toEqual([
      'DATABASE_QUERY_TIMEOUT_MS must be 0 or longer than DATABASE_STATEMENT_TIMEOUT_MS',
    ]);
    expect(problemsOf({ DATABASE_STATEMENT_TIMEOUT_MS: '30000', DATABASE_QUERY_TIMEOUT_MS: '35000' })).toEqual([]);
    expect(problemsOf({ DATABASE_STATEMENT_TIMEOUT_MS: '0', DATABASE_QUERY_TIMEOUT_MS: '5000' })).toEqual([]);
  });
});
