import type { StoredEvent } from '@app/event-sourcing';
import type { Projection } from '@app/projections';
import type { PgliteClient } from '@app/sql';

/**
 * For the specs: applies events to a projection and moves its checkpoint in one transaction, as the runner and the
 * rebuild do (the kept answers of `KeptAnswers` rely on it). Each call moves the checkpoint past the events given.
 */
export const projectionApplier = (database: PgliteClient, quotedSchema: string, projection: Projection) => {
  let checkpoint = 0;
  return (events: readonly StoredEvent[]): Promise<void> =>
    database.transaction(async (tx) => {
      await projection.apply(tx, events, quotedSchema);
      checkpoint += events.length;
      await tx.query(
        `INSERT INTO ${quotedSchema}.projection_checkpoints (name, position) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position`,
        [projection.name, checkpoint],
      );
    });
};
