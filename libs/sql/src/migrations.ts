import { quoteSchema, type SqlClient } from './sql-client.js';

/**
 * Applies a component's numbered migrations in order, once each, recorded in `<schema>.schema_migrations`.
 * Takes a transaction-scoped advisory lock, so processes starting together do not race.
 */
export const migrate = async (client: SqlClient, schema: string, component: string, steps: readonly string[]): Promise<void> => {
  const s = quoteSchema(schema);
  await client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${schema}/$migrations`]);
    await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
        component text NOT NULL, version integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (component, version))`);
    const applied = await tx.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations WHERE component = $1`, [component]);
    const done = new Set(applied.map((row) => Number(row.version)));
    for (const [index, sql] of steps.entries()) {
      if (done.has(index + 1)) continue;
      await tx.exec(sql);
      await tx.query(`INSERT INTO ${s}.schema_migrations (component, version) VALUES ($1, $2)`, [component, index + 1]);
    }
  });
};
