import { streamCategory, type StoredEvent } from '@app/event-sourcing';
import type { Projection, SqlTransaction } from './projection.js';

export interface StreamTableOptions<S> {
  /** The stream category folded into this table: `rectification` for `rectification-…` streams. */
  readonly category: string;
  readonly table: string;
  /** The aggregate's decider: the table folds with the same `evolve` as the command path. */
  readonly decider: { initialState(): S; evolve(state: S, event: never): S };
  /** Extra columns derived from the state, for filtering, sorting and reading; column name → SQL type. */
  readonly columns: Readonly<Record<string, string>>;
  readonly toColumns: (state: S) => Readonly<Record<string, unknown>>;
  /** Extra DDL after the table exists (indexes). */
  readonly indexes?: (s: string) => readonly string[];
  /** A field kept out of the `state` column, in a jsonb column of its own (what a stream has delivered), put back to fold. */
  readonly apart?: { readonly field: keyof S & string; readonly column: string };
}

/** A table with one row per stream of a category, kept by folding its events; a part of a projection. */
export interface StreamTable {
  readonly category: string;
  readonly table: string;
  /** The DDL creating the table and its indexes. */
  create(s: string): string;
  apply(tx: SqlTransaction, events: readonly StoredEvent[], s: string): Promise<void>;
}

/**
 * One row per stream of a category: its state folded with the aggregate's own `evolve`, its version, and
 * columns derived from the state. An event at or below the row's version is one already applied, and is skipped.
 */
export const streamTable = <S>(options: StreamTableOptions<S>): StreamTable => {
  const prefix = `${options.category}-`;
  const apart = options.apart;
  const columnNames = [...Object.keys(options.columns), ...(apart ? [apart.column] : [])];
  const columnTypes: Readonly<Record<string, string>> = { ...options.columns, ...(apart ? { [apart.column]: 'jsonb' } : {}) };
  // the state as stored, and back: a field kept apart lives in its column (rows written before it was apart still hold it)
  const stored = (state: S): unknown => {
    if (!apart) return state;
    const { [apart.field]: _apart, ...rest } = state;
    return rest;
  };
  const restored = (row: { state: S } & Record<string, unknown>): S =>
    apart && row[apart.column] != null ? { ...row.state, [apart.field]: row[apart.column] } : row.state;
  return {
    category: options.category,
    table: options.table,
    create: (s) =>
      [
        `CREATE TABLE ${s}.${options.table} (id text PRIMARY KEY, version integer NOT NULL, state jsonb NOT NULL, updated_at timestamptz NOT NULL${columnNames
          .filter((column) => column !== apart?.column)
          .map((column) => `, ${column} ${columnTypes[column]}`)
          .join('')})`,
        ...(options.indexes?.(s) ?? []),
      ].join(';\n'),
    // two statements per batch whatever its size: one read of the rows it touches, one upsert of them all
    async apply(tx, events, s) {
      const mine = events.filter((event) => streamCategory(event.streamId) === options.category);
      if (mine.length === 0) return;
      const ids = [...new Set(mine.map((event) => event.streamId.slice(prefix.length)))];
      const current = await tx.query<{ id: string; version: number; state: S } & Record<string, unknown>>(
        `SELECT id, version, state${apart ? `, ${apart.column}` : ''} FROM ${s}.${options.table} WHERE id = ANY($1::text[])`,
        [ids],
      );
      const rows = new Map<string, { version: number; state: S; updatedAt: Date; changed: boolean }>(
        current.map((row) => [row.id, { version: Number(row.version), state: restored(row), updatedAt: new Date(0), changed: false }]),
      );
      for (const event of mine) {
        const id = event.streamId.slice(prefix.length);
        const row = rows.get(id) ?? { version: 0, state: options.decider.initialState(), updatedAt: event.recordedAt, changed: false };
        if (event.version <= row.version) continue;
        rows.set(id, {
          version: event.version,
          state: options.decider.evolve(row.state, event as never),
          updatedAt: event.recordedAt,
          changed: true,
        });
      }
      const changed = [...rows].filter(([, row]) => row.changed);
      if (changed.length === 0) return;
      const records = changed.map(([id, row]) => ({
        id,
        version: row.version,
        state: stored(row.state),
        updated_at: row.updatedAt.toISOString(),
        ...options.toColumns(row.state),
        ...(apart ? { [apart.column]: row.state[apart.field] ?? null } : {}),
      }));
      const columns = ['id', 'version', 'state', 'updated_at', ...columnNames];
      const types = ['text', 'integer', 'jsonb', 'timestamptz', ...columnNames.map((column) => columnTypes[column])];
      await tx.query(
        `INSERT INTO ${s}.${options.table} (${columns.join(', ')})
         SELECT ${columns.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS record(${columns.map((column, i) => `${column} ${types[i]}`).join(', ')})
         ON CONFLICT (id) DO UPDATE SET ${columns
           .slice(1)
           .map((column) => `${column} = EXCLUDED.${column}`)
           .join(', ')}
         WHERE ${s}.${options.table}.version < EXCLUDED.version`,
        [JSON.stringify(records)],
      );
    },
  };
};

export interface StreamTablesProjectionOptions {
  readonly name: string;
  /** Its tables, each folded from one category's streams; several categories make a page that spans features. */
  readonly tables: readonly StreamTable[];
  /** Migrations after the first (which creates the tables): a column added later, and how existing rows get it. */
  readonly upgrades?: (s: string) => readonly string[];
}

/** A projection made of stream tables: it reads their categories and nothing else, and owns their tables. */
export const streamTablesProjection = (options: StreamTablesProjectionOptions): Projection => ({
  name: options.name,
  tables: options.tables.map((table) => table.table),
  categories: [...new Set(options.tables.map((table) => table.category))],
  migrations: (s) => [options.tables.map((table) => table.create(s)).join(';\n'), ...(options.upgrades?.(s) ?? [])],
  async apply(tx, events, s) {
    for (const table of options.tables) await table.apply(tx, events, s);
  },
});

export interface AggregateStateProjectionOptions<S> extends StreamTableOptions<S> {
  readonly name: string;
  readonly upgrades?: (s: string) => readonly string[];
}

/** A feature's own table of its aggregate's streams: one stream table, read only by that feature. */
export const aggregateStateProjection = <S>({ name, upgrades, ...table }: AggregateStateProjectionOptions<S>): Projection =>
  streamTablesProjection({ name, tables: [streamTable(table)], upgrades });
