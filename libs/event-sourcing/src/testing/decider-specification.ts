import assert from 'node:assert/strict';
import type { Command } from '../command.js';
import { fold, type Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import type { Event } from '../event.js';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface ThenSpecification<E extends Event> {
  then(expected: readonly E[]): void;
  thenThrows(errorClass?: ErrorClass, code?: string): void;
  thenNothingHappened(): void;
}

/**
 * Given events / when command / then events, on a decider alone (no store, no clock):
 * `const given = DeciderSpecification.for(decider, context); given([...]).when(command).then([...])`.
 */
export const DeciderSpecification = {
  for<C extends Command, E extends Event, S, Ctx>(decider: Decider<C, E, S, Ctx>, defaultContext: Ctx | (() => Ctx)) {
    const baseContext = (): Ctx => (typeof defaultContext === 'function' ? (defaultContext as () => Ctx)() : defaultContext);
    return (history: readonly E[]) => {
      return {
        when(command: C, context?: Partial<Ctx>): ThenSpecification<E> {
          const decide = (): readonly E[] => decider.decide(command, fold(decider, history), { ...baseContext(), ...context } as Ctx);
          return {
            then(expected) {
              const actual = decide();
              assert.deepStrictEqual(actual, expected);
              // every decided event must also be foldable (evolve is total)
              fold(decider, [...history, ...actual]);
            },
            thenThrows(errorClass, code) {
              let thrown: unknown;
              try {
                decide();
              } catch (error) {
                thrown = error;
              }
              assert.ok(thrown !== undefined, `expected ${command.type} to be refused, but it was decided`);
              if (errorClass) assert.ok(thrown instanceof errorClass, `expected ${errorClass.name}, got ${String(thrown)}`);
              if (code) {
                assert.ok(thrown instanceof DomainError, `expected a DomainError with code ${code}, got ${String(thrown)}`);
                assert.equal(thrown.code, code);
              }
            },
            thenNothingHappened() {
              assert.deepStrictEqual(decide(), []);
            },
          };
        },
      };
    };
  },
};
