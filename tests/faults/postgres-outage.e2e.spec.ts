import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEngine, type EngineProcess } from '../support/engine-process.js';
import { PostgresCluster } from '../support/postgres-cluster.js';
import { waitUntil } from '../support/wait.js';
import { stopAllChildren } from '../support/worker-process.js';
import { startWriteLoad, type WriteLoad, type WriteLoadReport } from '../support/write-load.js';

const SCHEMA = 'engine';

// short timeouts, so that a hang turns into 503s within the test's seconds
const TIMEOUTS = {
  DATABASE_CONNECT_TIMEOUT_MS: '1000',
  DATABASE_STATEMENT_TIMEOUT_MS: '1000',
  DATABASE_QUERY_TIMEOUT_MS: '1500',
};

describe('the engine on PostgreSQL, under write load, when PostgreSQL fails', () => {
  let cluster: PostgresCluster;
  let engine: EngineProcess;
  let admin: string;

  beforeAll(async () => {
    cluster = await PostgresCluster.create();
    await cluster.start();
    engine = await startEngine({ EVENT_STORE: 'postgres', DATABASE_URL: cluster.url, DATABASE_SCHEMA: SCHEMA, ...TIMEOUTS });
    await engine.listening();
    admin = engine.token('admin');
    await engine.usersReady();
  }, 90_000);

  afterAll(async () => {
    await Promise.all(loads.map((running) => running.stop()));
    await engine?.run.stop();
    await stopAllChildren();
    await cluster?.destroy();
  }, 60_000);

  const register = async (): Promise<{ status: number; headers: Headers; body: { code?: string; detail?: string } }> => {
    const id = `kg-${randomUUID().slice(0, 12)}`;
    const response = await fetch(`${engine.url}/kindergartens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id, name: `测试幼儿园 ${id}`, township: '城关镇', ownership: 'public' }),
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as { code?: string } };
  };

  const readiness = async (): Promise<{ status: number; body: { details?: { eventStore?: { status: string; message?: string } } } }> => {
    const response = await fetch(`${engine.root}/health/ready`, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: (await response.json()) as never };
  };

  const loads: WriteLoad[] = [];
  const load = (): WriteLoad => {
    const running = startWriteLoad({ url: engine.url, token: admin, clients: 6, retryForMs: 8_000, attemptTimeoutMs: 10_000 });
    loads.push(running);
    return running;
  };

  const underWay = async (running: WriteLoad): Promise<void> => {
    const before = running.report.acknowledged.length;
    await waitUntil(() => running.report.acknowledged.length >= before + 20, { timeoutMs: 20_000, what: '20 more acknowledged writes' });
  };

  /** Until the load's clients have been answered 503 a few times (writes under way wait for their read models first). */
  const seesOutage = async (running: WriteLoad): Promise<void> => {
    const before = running.report.answers['503 store-unavailable'] ?? 0;
    await waitUntil(() => (running.report.answers['503 store-unavailable'] ?? 0) >= before + 3, { timeoutMs: 20_000, what: "503s to the load's clients" });
  };

  const expectStoreUnavailable = (reply: Awaited<ReturnType<typeof register>>): void => {
    expect({ status: reply.status, code: reply.body.code }).toEqual({ status: 503, code: 'store-unavailable' });
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.headers.get('retry-after')).toBe('5');
  };

  /** After the fault: ready again, and the record holds every acknowledged write exactly once. */
  const expectRecovered = async (report: WriteLoadReport): Promise<void> => {
    expect(engine.alive()).toBe(true);
    expect(report.unexpected).toEqual([]);
    expect(report.retryAfterOnEvery503).toBe(true);
    expect(engine.run.messages().filter((message) => /unhandled error|Unhandled/i.test(message))).toEqual([]);
    expect((await readiness()).status).toBe(200);
    const rows = (await cluster.sql(`SELECT stream_id, count(*) FROM ${SCHEMA}.events WHERE type = 'KindergartenRegistered' GROUP BY stream_id`))
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('|'));
    const recorded = new Map(rows.map(([stream, count]) => [stream!, Number(count)]));
    const missing = [...report.acknowledged, ...report.writtenByAnEarlierAttempt].filter((id) => !recorded.has(`kindergarten-${id}`));
    expect(missing).toEqual([]);
    expect([...recorded].filter(([, count]) => count !== 1)).toEqual([]);
    // a retry of an attempt that wrote but got no answer answers with what it wrote (201), never runs it again (409)
    expect(report.writtenByAnEarlierAttempt).toEqual([]);
    // the projections run again: every read model reaches the head of the log
    await waitUntil(
      async () => {
        const [head, lowest] = (
          await cluster.sql(
            `SELECT (SELECT coalesce(max(position), 0) FROM ${SCHEMA}.events) || '|' || (SELECT coalesce(min(position), 0) FROM ${SCHEMA}.projection_checkpoints)`,
          )
        )
          .split('|')
          .map(Number);
        return lowest! >= head!;
      },
      { timeoutMs: 20_000, what: 'the read models to reach the head of the log' },
    );
  };

  it('survives PostgreSQL stopping mid-load: 503 store-unavailable with Retry-After and not ready while it is down, the first request after succeeds', async () => {
    const running = load();
    await underWay(running);
    await cluster.stop('immediate');

    expectStoreUnavailable(await register());
    const listed = await fetch(`${engine.url}/kindergartens`, { headers: { authorization: `Bearer ${admin}` } });
    expect({ status: listed.status, retryAfter: listed.headers.get('retry-after') }).toEqual({ status: 503, retryAfter: '5' });
    const down = await readiness();
    expect(down.status).toBe(503);
    expect(down.body.details?.eventStore).toMatchObject({ status: 'down', message: expect.stringMatching(/^PostgreSQL is unavailable: /) });
    await seesOutage(running);
    expect(engine.alive()).toBe(true);

    await cluster.start();
    expect((await register()).status).toBe(201);
    await underWay(running);
    const report = await running.stop();
    expect(report.answers['503 store-unavailable']).toBeGreaterThan(0);
    await expectRecovered(report);
  }, 60_000);

  it('survives its backends being killed (pg_terminate_backend), those in a transaction included', async () => {
    const running = load();
    await underWay(running);
    let killed = 0;
    for (let round = 0; round < 6; round++) {
      killed += Number(
        await cluster.sql(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name LIKE 'supervision-engine%'`),
      );
      await sleep(250);
    }
    expect(killed).toBeGreaterThan(6);
    expect(engine.alive()).toBe(true);
    expect((await register()).status).toBe(201);
    await underWay(running);
    await expectRecovered(await running.stop());
  }, 60_000);

  it('answers 503 store-unavailable within its timeouts while PostgreSQL hangs, and recovers when it answers again', async () => {
    const running = load();
    await underWay(running);
    await cluster.freeze();
    try {
      const started = Date.now();
      expectStoreUnavailable(await register());
      expect(Date.now() - started).toBeLessThan(4_000);
      expect((await readiness()).status).toBe(503);
      await seesOutage(running);
    } finally {
      await cluster.thaw();
    }
    expect(engine.alive()).toBe(true);
    await waitUntil(async () => (await readiness()).status === 200, { timeoutMs: 15_000, what: 'readiness after the hang' });
    expect((await register()).status).toBe(201);
    await underWay(running);
    const report = await running.stop();
    expect(report.answers['503 store-unavailable']).toBeGreaterThan(0);
    await expectRecovered(report);
  }, 60_000);
});
