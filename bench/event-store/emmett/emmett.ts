// Emmett's PostgreSQL event store as the bench's outside baseline. It lives in its own package (its uuid peer
// conflicts with the root's uuid 14): installed here on first use, loaded by path so the root never needs it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface EmmettStore {
  appendToStream(
    streamName: string,
    events: { type: string; data: object; metadata?: object }[],
    options?: { expectedStreamVersion?: bigint },
  ): Promise<unknown>;
  close(): Promise<void>;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const entry = new URL('./node_modules/@event-driven-io/emmett-postgresql/dist/index.js', import.meta.url);

/** Emmett 0.42 (pinned in package-lock.json beside this file) on `connectionString`, its tables in `schema`. */
export const openEmmett = async (connectionString: string, schema: string): Promise<EmmettStore> => {
  if (!existsSync(fileURLToPath(entry))) execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
  const emmett = (await import(entry.href)) as { getPostgreSQLEventStore(url: string, options?: object): EmmettStore & { schema: { migrate(): Promise<unknown> } } };
  const url = new URL(connectionString);
  // Emmett names its tables without a schema: the search path puts them in this run's own schema
  url.searchParams.set('options', `-c search_path=${schema}`);
  const store = emmett.getPostgreSQLEventStore(url.toString(), { schema: { autoMigration: 'None' } });
  await store.schema.migrate();
  return store;
};
