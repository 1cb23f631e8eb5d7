import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@app/event-store';
import { PostgresClient } from '@app/sql';
import { canonicalText } from '@app/event-sourcing';
const db = new PostgresClient({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres', maxConnections: 4 });
const schema = `split_${randomUUID().slice(0, 8)}`;
const s = `"${schema}"`;
await PostgresEventStore.connect({ client: db, schema, listen: false });
const metadata = { actor: { sub: 'bench', role: 'supervisor' }, at: '2025-03-03T09:00:00.000+08:00', commandId: 'c', correlationId: 'r', causationId: null };
const data = (i: number) => ({ inspectionId: `insp-${i}`, code: `F${i % 97}`, description: '消防通道堵塞，需在限期内整改', severity: 'major' });
await db.exec(`CREATE TABLE ${s}.raw (position bigserial PRIMARY KEY, stream_id text NOT NULL, version integer NOT NULL, id uuid NOT NULL UNIQUE,
    type text NOT NULL, schema_version integer NOT NULL, data json NOT NULL, metadata json NOT NULL, prev_hash text NOT NULL, hash text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(), UNIQUE (stream_id, version))`);
const STMT = `INSERT INTO ${s}.events (position, stream_id, version, id, type, schema_version, data, metadata, prev_hash, hash, recorded_at)
SELECT pg_current_xact_id()::text::bigint * 1024, $1::text, h.v + 1, $3::text::uuid, $4::text, $5::integer, $6::text::json, $7::text::json, h.prev,
  encode(sha256(convert_to(h.prev || '{"data":' || $6 || ',"id":"' || $3 || '","metadata":' || $7 || ',"schemaVersion":' || $5::integer::text || ',"streamId":' || $8 || ',"type":' || $9 || ',"version":' || (h.v + 1) || '}', 'UTF8')), 'hex'),
  date_trunc('milliseconds', clock_timestamp())
FROM (SELECT COALESCE(e.version, 0) AS v, COALESCE(e.hash, repeat('0', 64)) AS prev
      FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT version, hash FROM ${s}.events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1) e ON true) h
WHERE $2::integer = h.v OR $2::integer = -1 OR ($2::integer = -2 AND h.v > 0)
RETURNING position, version, prev_hash, hash, recorded_at`;
const N = 1000;
const run = async (name: string, f: (s: string, i: number) => Promise<unknown>) => {
  const streams = Array.from({ length: 50 }, () => `inspection-${randomUUID()}`);
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await f(streams[i % 50]!, i);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  return ms / N * 1000;
};
const totals: Record<string, number> = {};
for (let r = 0; r < 4; r++) {
  for (const [name, f] of Object.entries({
  function: (st: string, i: number) => db.query(`SELECT * FROM ${s}.append_events($1,$2,$3::jsonb)`, [st, Math.floor(i / 50), JSON.stringify([{ id: randomUUID(), type: 'FindingRecorded', schemaVersion: 1, dataText: canonicalText(data(i)), metadataText: canonicalText(metadata), streamJson: JSON.stringify(st), typeJson: '"FindingRecorded"' }])], { name: 'fn' }),
  statement: async (st: string, i: number) => { const r = await db.query(STMT, [st, Math.floor(i / 50), randomUUID(), 'FindingRecorded', 1, canonicalText(data(i)), canonicalText(metadata), JSON.stringify(st), '"FindingRecorded"'], { name: 'stmt' }); if (r.length !== 1) throw new Error('no row'); },
  raw: (st: string, i: number) => db.query(`INSERT INTO ${s}.raw (stream_id, version, id, type, schema_version, data, metadata, prev_hash, hash) VALUES ($1,$2,$3,$4,1,$5,$6,$7,$8)`, [st, Math.floor(i / 50) + 1, randomUUID(), 'FindingRecorded', JSON.stringify(data(i)), JSON.stringify(metadata), '0'.repeat(64), 'a'.repeat(64)]),
  })) totals[name] = (totals[name] ?? 0) + await run(name, f);
}
console.log(Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, (v / 4).toFixed(0) + ' µs'])));
const bad = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${s}.events e JOIN ${s}.events p ON p.stream_id = e.stream_id AND p.version = e.version - 1 WHERE p.hash <> e.prev_hash`);
console.log('chain breaks', bad);
await db.exec(`DROP SCHEMA ${s} CASCADE`);
await db.close();
