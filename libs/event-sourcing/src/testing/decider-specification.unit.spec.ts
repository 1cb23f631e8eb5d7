import { describe, expect, it } from '@jest/globals';
import { ConflictError, RuleViolationError } from '../errors.js';
import { DeciderSpecification } from './decider-specification.js';
import { counterDecider } from './examples/counter.decider.js';

const now = new Date('2025-06-01T02:00:00Z');
const given = DeciderSpecification.for(counterDecider, { now, actor: { sub: 'u', role: 'admin' } });

describe('DeciderSpecification', () => {
  it('passes when the decided events equal the expected ones', () => {
    given([])
      .when({ type: 'Increment', data: { by: 2 } })
      .then([{ type: 'Incremented', data: { by: 2, at: now.toISOString() } }]);
  });

  it('fails when they differ', () => {
    expect(() =>
      given([])
        .when({ type: 'Increment', data: { by: 2 } })
        .then([]),
    ).toThrow();
  });

  it('checks refusals by class and code, and fails when the command is accepted', () => {
    given([])
      .when({ type: 'Increment', data: { by: 0 } })
      .thenThrows(RuleViolationError, 'not-positive');
    given([{ type: 'Closed', data: { total: 1 } }])
      .when({ type: 'Increment', data: { by: 1 } })
      .thenThrows(ConflictError, 'counter-closed');
    expect(() =>
      given([])
        .when({ type: 'Increment', data: { by: 1 } })
        .thenThrows(),
    ).toThrow(/to be refused/);
    expect(() =>
      given([])
        .when({ type: 'Increment', data: { by: 0 } })
        .thenThrows(RuleViolationError, 'other-code'),
    ).toThrow();
  });

  it('tells "nothing to do" from a refusal', () => {
    given([]).when({ type: 'Close', data: {} }).thenNothingHappened();
    expect(() =>
      given([{ type: 'Incremented', data: { by: 1, at: '' } }])
        .when({ type: 'Close', data: {} })
        .thenNothingHappened(),
    ).toThrow();
  });

  it('lets a test override the context', () => {
    const later = new Date('2026-01-01T00:00:00Z');
    given([])
      .when({ type: 'Increment', data: { by: 1 } }, { now: later })
      .then([{ type: 'Incremented', data: { by: 1, at: later.toISOString() } }]);
  });
});
