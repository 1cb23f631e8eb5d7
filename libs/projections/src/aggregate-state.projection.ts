import { streamCategory, type StoredEvent } from '@app/event-sourcing';
import type { Projection, SqlTransaction } from './projection.js';

export interface AggregateStateProjectionOptions<S> {
  readonly name: string;
  /** The stream category folded into this table: `rectification` for `rectification-…` streams. */
  readonly category: string;
  readonly table: string;
  /** The aggregate's decider: the read model folds with the same `evolve` as the command path. */
  readonly decider: { initialState(): S; evolve(state: S, event: never): S };
  /** Extra columns derived from the state, for filtering and sorting; column name → SQL type. */
  readonly columns: Readonly<Record<string, string>>;
  readonly toColumns: (state: S) => Readonly<Record<string, unknown>>;
  /** Extra DDL after the table exists (indexes). */
  readonly indexes?: (s: string) => readonly string[];
}

/**
 * One row per stream of a category: its state folded with the aggregate's own `evolve`, its version, and
 * columns derived from the state. An event at or below the row's version is one already applied, and is skipped.
 */
export const aggregateStateProjection = <S>(options: AggregateStateProjectionOptions<S>): Projection => {
  const prefix = `${options.category}-`;
  const columnNames = Object.keys(options.columns);
  return {
    name: options.name,
    tables: [options.table],
    categories: [options.category],
    migrations: (s) => [
      [
        `CREATE TABLE ${s}.${options.table} (id text PRIMARY KEY, version integer NOT NULL, state jsonb NOT NULL, updated_at timestamptz NOT NULL${columnNames
          .map((column) => `, ${column} ${options.columns[column]}`)
          .join('')})`,
        ...(options.indexes?.(s) ?? []),
      ].join(';\n'),
    ],
    async apply(tx: SqlTransaction, events: readonly StoredEvent[], s: string): Promise<void> {
      const rows = new Map<string, { version: number; state: S; updatedAt: Date }>();
      for (const event of events) {
        if (streamCategory(event.streamId) !== options.category) continue;
        const id = event.streamId.slice(prefix.length);
        let row = rows.get(id);
        if (!row) {
          const [stored] = await tx.query<{ version: number; state: S }>(`SELECT version, state FROM ${s}.${options.table} WHERE id = $1`, [id]);
          row = stored
            ? { version: Number(stored.version), state: stored.state, updatedAt: event.recordedAt }
            : { version: 0, state: options.decider.initialState(), updatedAt: event.recordedAt };
        }
        if (event.version <= row.version) continue;
        rows.set(id, { version: event.version, state: options.decider.evolve(row.state, event as never), updatedAt: event.recordedAt });
      }
      for (const [id, row] of rows) {
        const derived = options.toColumns(row.state);
        const values = columnNames.map((column) => derived[column] ?? null);
        const placeholders = columnNames.map((_, i) => `$${i + 5}`);
        await tx.query(
          `INSERT INTO ${s}.${options.table} (id, version, state, updated_at${columnNames.map((c) => `, ${c}`).join('')})
           VALUES ($1, $2, $3::jsonb, $4${placeholders.map((p) => `, ${p}`).join('')})
           ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at${columnNames
             .map((c) => `, ${c} = EXCLUDED.${c}`)
             .join('')}
           WHERE ${s}.${options.table}.version < EXCLUDED.version`,
          [id, row.version, JSON.stringify(row.state), row.updatedAt.toISOString(), ...values],
        );
      }
    },
  };
};
