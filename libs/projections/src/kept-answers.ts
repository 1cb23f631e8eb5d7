import type { SqlDatabase } from '@app/sql';
import { lowestCheckpoint } from './projection-runner.js';

interface Kept<T> {
  /** The projection's checkpoint when the answer was read: it holds while the checkpoint has not moved. */
  readonly checkpoint: number;
  readonly answer: Promise<T>;
}

/**
 * Answers read from one projection's tables, kept with the projection's checkpoint and given again until it moves.
 * A projection's tables change only in the transaction that moves its checkpoint, so an answer read after seeing
 * checkpoint C holds every event up to C: one indexed read of the checkpoint replaces the query while nothing was
 * applied, and requests that arrive while an answer is being read share that read. For reads that depend on nothing
 * but the projection's tables and the key (not the clock, not the caller).
 */
export class KeptAnswers<T> {
  private readonly kept = new Map<string, Kept<T>>();

  constructor(
    private readonly database: SqlDatabase,
    private readonly schema: string,
    private readonly projection: string,
    /** How many keys are kept (the oldest goes first). */
    private readonly size = 64,
  ) {}

  async get(key: string, read: () => Promise<T>): Promise<T> {
    const checkpoint = await lowestCheckpoint(this.database, this.schema, [this.projection]);
    let kept = this.kept.get(key);
    if (kept?.checkpoint !== checkpoint) {
      const fresh: Kept<T> = { checkpoint, answer: read() };
      this.kept.delete(key);
      if (this.kept.size >= this.size) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(key, fresh);
      // a failed read is not kept
      fresh.answer.catch(() => this.kept.get(key) === fresh && this.kept.delete(key));
      kept = fresh;
    }
    return kept.answer;
  }
}
