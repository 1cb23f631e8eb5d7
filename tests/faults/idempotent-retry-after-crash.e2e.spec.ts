import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { testDatabaseUrl, uniqueSchemaName } from '@app/sql/testing';
import { startEngine, type EngineProcess } from '../support/engine-process.js';
import { waitUntil } from '../support/wait.js';
import { stopAllChildren } from '../support/worker-process.js';

/**
 * An engine killed (SIGKILL) after a keyed command's events are committed and before its key records the answer:
 * a retry with the same Idempotency-Key, on the engine started again, proceeds within seconds and answers with
 * what the first attempt wrote; the record holds one set of events.
 *
 * The window is made certain without any hook in the engine: the test locks the key's row as soon as it is
 * claimed, so the engine's completion waits on the lock; once the events are in the log, the engine is killed and
 * the statements its sessions still had waiting are ended with them (as a crash before sending them would).
 */
describe('an idempotent retry after a crash between the append and the key’s completion (postgres)', () => {
  const schema = uniqueSchemaName('crash');
  const env = { EVENT_STORE: 'postgres', DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema };
  let db: pg.Client;
  let engine: EngineProcess;
  let kindergartenId: string;

  beforeAll(async () => {
    db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    engine = await startEngine(env);
    await engine.listening();
    kindergartenId = `kg-${randomUUID().slice(0, 12)}`;
    const admin = engine.token('admin');
    engine.token('supervisor');
    await engine.usersReady();
    const registered = await fetch(`${engine.url}/kindergartens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: kindergartenId, name: '重试幼儿园', township: '城关镇', ownership: 'public' }),
    });
    expect(registered.status).toBe(201);
  }, 90_000);

  afterAll(async () => {
    await engine?.run.stop();
    await stopAllChildren();
    await db?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await db?.end();
  }, 60_000);

  const body = JSON.stringify({ kindergartenId: '', kind: 'safety', year: 2026, scheduledOn: '2026-03-12' });
  const schedule = (target: EngineProcess, key: string): Promise<Response> =>
    fetch(`${target.url}/inspections`, {
      method: 'POST',
      headers: { authorization: `Bearer ${target.token('supervisor')}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: body.replace('"kindergartenId":""', `"kindergartenId":"${kindergartenId}"`),
      signal: AbortSignal.timeout(30_000),
    });
  const scheduledEvents = async (): Promise<Array<{ stream_id: string; command_id: string }>> =>
    (
      await db.query<{ stream_id: string; command_id: string }>(
        `SELECT stream_id, metadata->>'commandId' AS command_id FROM "${schema}".events WHERE type = 'InspectionScheduled' ORDER BY position`,
      )
    ).rows;

  it('the retry answers with the first attempt’s inspection within seconds, and the log holds it once', async () => {
    let key = '';
    let crashed = false;
    // the lock is taken while the engine decides: if the engine is quicker (the key already done), try again
    for (let attempt = 1; attempt <= 10 && !crashed; attempt++) {
      key = `crash-${randomUUID()}`;
      const before = (await scheduledEvents()).length;
      const first = schedule(engine, key).catch((error: unknown) => error);
      await db.query('BEGIN');
      const state = await waitUntil(
        async () =>
          (
            await db.query<{ state: string }>(`SELECT state FROM "${schema}".idempotency_keys WHERE key = $1 FOR UPDATE`, [key])
          ).rows[0]?.state,
        { timeoutMs: 10_000, intervalMs: 1, what: 'the key claimed' },
      );
      if (state !== 'pending') {
        await db.query('ROLLBACK');
        await first;
        continue;
      }
      // the engine appends, then waits on the lock to record the answer
      await waitUntil(async () => (await scheduledEvents()).length > before, { timeoutMs: 10_000, intervalMs: 5, what: 'the events appended' });
      await sleep(100);
      await engine.run.kill('SIGKILL');
      await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))`);
      await db.query('ROLLBACK');
      // the first attempt never got an answer
      expect(String(await first)).toMatch(/fetch failed/);
      crashed = true;
    }
    expect(crashed).toBe(true);
    const written = await scheduledEvents();
    const [row] = (await db.query<{ state: string }>(`SELECT state FROM "${schema}".idempotency_keys WHERE key = $1`, [key])).rows;
    expect(row?.state).toBe('pending');
    const firstAttempt = written.at(-1)!;

    // the engine again, on the same record: the retry proceeds within seconds and answers with the first inspection
    engine = await startEngine(env);
    await engine.listening();
    const started = Date.now();
    const retry = await schedule(engine, key);
    const retryText = await retry.text();
    expect({ status: retry.status, replayed: retry.headers.get('idempotent-replayed') }).toEqual({ status: 201, replayed: null });
    expect(Date.now() - started).toBeLessThan(10_000);
    const answer = JSON.parse(retryText) as { id: string; kindergartenId: string };
    expect(`inspection-${answer.id}`).toBe(firstAttempt.stream_id);
    expect(answer.kindergartenId).toBe(kindergartenId);
    expect(retry.headers.get('location')).toBe(`/api/v1/inspections/${answer.id}`);
    // one set of events: nothing written by the retry
    expect(await scheduledEvents()).toEqual(written);
    expect(written.filter((event) => event.command_id === firstAttempt.command_id)).toHaveLength(1);

    // from now on the key replays that answer, byte for byte
    const replay = await schedule(engine, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(retryText);
    expect(await scheduledEvents()).toEqual(written);
  }, 180_000);

  it('killed right after the key is claimed (before or during the append): the retry runs the command exactly once', async () => {
    const key = `early-${randomUUID()}`;
    const before = await scheduledEvents();
    const first = schedule(engine, key).catch((error: unknown) => error);
    await waitUntil(async () => (await db.query(`SELECT 1 FROM "${schema}".idempotency_keys WHERE key = $1`, [key])).rows.length > 0, {
      timeoutMs: 10_000,
      intervalMs: 1,
      what: 'the key claimed',
    });
    await engine.run.kill('SIGKILL');
    await first;
    engine = await startEngine(env);
    await engine.listening();
    const started = Date.now();
    const retry = await schedule(engine, key);
    expect(retry.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(10_000);
    const answer = (await retry.json()) as { id: string };
    // whether or not the first attempt had appended, there is one inspection for this request, the one answered
    const added = (await scheduledEvents()).slice(before.length);
    expect(added.map((event) => event.stream_id)).toEqual([`inspection-${answer.id}`]);
    expect((await schedule(engine, key)).headers.get('idempotent-replayed')).toBe('true');
    expect((await scheduledEvents()).slice(before.length)).toEqual(added);
  }, 180_000);
});
