import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { PostgresTestDatabase, testDatabaseUrl } from '@app/sql/testing';
import { startEngine, type EngineProcess } from '../support/engine-process.js';
import { QueueProbe } from '../support/reminders.js';
import { TEST_JWT_SECRET } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';
import { startedWorker, stopAllChildren, type ChildRun } from '../support/worker-process.js';

// More than one box, as real processes on one PostgreSQL schema and one Redis prefix: two API processes (no
// projections, no reminders) and two workers. The projections run in exactly one worker at a time (a lease: a
// session advisory lock in PostgreSQL); the other takes over when the holder is SIGKILLed. Reminders recorded
// once across two workers: tests/reminders/reliability.e2e.spec.ts.

const database = PostgresTestDatabase.create(2);
const schema = database.newSchema('boxes');
const prefix = `test-${randomUUID().slice(0, 8)}`;
const probe = QueueProbe.of({ REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: prefix });

afterAll(async () => {
  await stopAllChildren();
  await probe.close();
  await database.close();
});

const shared = { DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema, QUEUE_PREFIX: prefix, AUTH_JWT_SECRET: TEST_JWT_SECRET };
/** The groups of projections whose lease a worker has taken (the read models, the reminder scheduler). */
const leasesOf = (worker: ChildRun): Set<string> =>
  new Set(worker.messages().flatMap((message) => /^projections (.+): this process runs them \(lease taken\)/.exec(message)?.[1] ?? []));

const send = async (engine: EngineProcess, token: string, method: string, path: string, body?: object) => {
  const response = await fetch(`${engine.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as any };
};

/** The projections leases of this schema as PostgreSQL holds them: how many locks, held by how many sessions. */
const leasesHeld = async (): Promise<{ locks: number; sessions: number }> => {
  const [row] = await database.client.query<{ locks: number; sessions: number }>(
    `SELECT count(DISTINCT (l.classid, l.objid))::int AS locks, count(DISTINCT l.pid)::int AS sessions
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE $1`,
    [`supervision-engine-lock projections:${schema}:%`],
  );
  return row!;
};

/** Schedules an inspection through `engine` and lists the kindergarten's inspections through `reader` at once. */
const scheduleAndList = async (engine: EngineProcess, reader: EngineProcess, kindergartenId: string) => {
  const supervisor = engine.token('supervisor');
  const scheduled = await send(engine, supervisor, 'POST', '/inspections', { kindergartenId, kind: 'safety', year: 2025, scheduledOn: '2025-03-10' });
  expect(scheduled.status).toBe(201);
  // a token made for one process is a session on the other: the same key signs and checks
  const listed = await send(engine, reader.token('supervisor'), 'GET', `/inspections?kindergartenId=${kindergartenId}`);
  expect(listed.status).toBe(200);
  return { id: scheduled.body.id as string, listed: (listed.body.items as { id: string }[]).map((item) => item.id) };
};

describe('two API processes and two workers on one PostgreSQL and one Redis', () => {
  it('projections run in one worker, the other takes over within 30 s of a SIGKILL; each API sees its own writes', async () => {
    const workers: ChildRun[] = await Promise.all([startedWorker(shared), startedWorker(shared)]);
    const apis = await Promise.all([0, 1].map(() => startEngine({ ...shared, EVENT_STORE: 'postgres', RUN_WORKER: 'false', RUN_REMINDERS: 'false' })));
    await Promise.all(apis.map((api) => api.listening()));

    // each group of projections runs in exactly one worker: its lease logged by one, one session per lock in PostgreSQL
    const groups = await waitUntil(
      () => {
        const [first, second] = workers.map(leasesOf) as [Set<string>, Set<string>];
        const all = new Set([...first, ...second]);
        return all.size === 2 && first.size + second.size === 2 ? { first, second } : undefined;
      },
      { timeoutMs: 30_000, what: 'the read models and the reminder scheduler, each with one holder' },
    );
    expect(await leasesHeld()).toEqual({ locks: 2, sessions: 2 });
    expect(workers.some((worker) => worker.messages().some((message) => /this one stands by/.test(message)))).toBe(true);

    const [a, b] = apis as [EngineProcess, EngineProcess];
    // every caller is a registered user: the tests' admin and supervisor, written once to the shared store
    const admin = a.token('admin');
    for (const api of [a, b]) api.token('supervisor');
    await a.usersReady();
    const kindergartenId = `kg-${randomUUID().slice(0, 8)}`;
    const created = await send(a, admin, 'POST', '/kindergartens', {
      id: kindergartenId,
      name: '多进程测试幼儿园',
      township: '城关镇',
      ownership: 'public',
    });
    expect(created.status).toBe(201);
    // commands through either API see their own writes, and the other API sees them too
    const first = await scheduleAndList(b, a, kindergartenId);
    expect(first.listed).toContain(first.id);
    const second = await scheduleAndList(a, b, kindergartenId);
    expect(second.listed).toEqual(expect.arrayContaining([first.id, second.id]));
    const finding = await send(a, a.token('supervisor'), 'POST', `/inspections/${first.id}/findings`, {
      code: 'F1',
      description: '消防通道堆放杂物',
      severity: 'major',
    });
    expect(finding.status).toBe(201);
    // B decides on the stream as it is, not on anything A keeps: a second finding with the same code is refused
    const again = await send(b, b.token('supervisor'), 'POST', `/inspections/${first.id}/findings`, {
      code: 'F1',
      description: '重复记录',
      severity: 'major',
    });
    expect(again.status).toBe(409);

    // a holder dies without a word; the other worker takes its leases over
    const holderIndex = groups.first.size > 0 ? 0 : 1;
    const held = holderIndex === 0 ? groups.first : groups.second;
    const other = workers[1 - holderIndex]!;
    await workers[holderIndex]!.kill('SIGKILL');
    await waitUntil(() => [...held].every((group) => leasesOf(other).has(group)), {
      timeoutMs: 30_000,
      what: `the other worker taking over ${[...held].join(' | ')}`,
    });
    expect(await leasesHeld()).toEqual({ locks: 2, sessions: 2 });

    const third = await scheduleAndList(b, a, kindergartenId);
    expect(third.listed).toEqual(expect.arrayContaining([first.id, second.id, third.id]));
    await Promise.all([...apis.map((api) => api.run.stop()), other.stop()]);
  }, 150_000);
});
