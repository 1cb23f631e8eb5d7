import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ShiftedClock } from '@app/config';
import { GENESIS_HASH, eventHash } from '@app/event-sourcing';
import { testDatabaseUrl } from '@app/sql/testing';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

const run = promisify(execFile);

/** The auditor's CLI, as an auditor runs it: a process of its own on the store. */
const auditCli = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--no-warnings', '--import', '@swc-node/register/esm-register', 'apps/cli/src/audit.ts', ...args],
      {
        env: { ...process.env, NODE_OPTIONS: '' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

describe('the audit record (postgres)', () => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  let auditor: string;
  const storeArgs = () => ['--store', 'postgres', '--database-url', testDatabaseUrl(), '--schema', app.settings.DATABASE_SCHEMA];

  beforeAll(async () => {
    app = await startTestApp('postgres', {}, { clock: new ShiftedClock(new Date('2025-03-03T02:00:00Z')) });
    steps = workflow(app);
    auditor = app.token('auditor', { sub: 'auditor-zhao' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows a case step by step as it happened: events, timeline in Chinese, state after each version', async () => {
    const { notice, director, codes } = await steps.issuedCase({ deadline: { workingDays: 10 } });
    const caseId = notice.id as string;
    const afterIssue = (await app.call('GET', `/rectifications/${caseId}`, { token: steps.supervisor })).body;
    await sleep(20);
    await app.call('POST', `/rectifications/${caseId}/acknowledgement`, { token: director });
    const afterAck = (await app.call('GET', `/rectifications/${caseId}`, { token: steps.supervisor })).body;
    await sleep(20);
    await app.call('POST', `/rectifications/${caseId}/reports`, { token: director, body: steps.report(codes) });
    await app.call('POST', `/rectifications/${caseId}/review`, { token: steps.supervisor, body: { decision: 'accept', comment: '整改到位' } });
    const streamId = `rectification-${caseId}`;

    const events = await app.call('GET', `/audit/streams/${streamId}/events`, { token: auditor });
    expect(events.status).toBe(200);
    expect(events.body.items.map((event: { type: string }) => event.type)).toEqual([
      'RectificationNoticeIssued',
      'NoticeAcknowledged',
      'RectificationReportSubmitted',
      'RectificationAccepted',
    ]);
    const first = events.body.items[0];
    expect(first).toMatchObject({
      streamId,
      version: 1,
      schemaVersion: 1,
      prevHash: '0'.repeat(64),
      metadata: { actor: { sub: 'wang', role: 'supervisor' } },
    });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.recordedAt).toMatch(/\+08:00$/);
    expect(events.body.items[1].prevHash).toBe(first.hash);

    const timeline = await app.call('GET', `/audit/streams/${streamId}/timeline`, { token: auditor });
    expect(timeline.status).toBe(200);
    const timelineSteps = timeline.body.steps as Array<{
      version: number;
      actor: { label: string };
      at: string;
      sentence: string;
      state: { status: string };
    }>;
    expect(timelineSteps.map((step) => step.state.status)).toEqual(['issued', 'acknowledged', 'submitted', 'closed']);
    expect(timelineSteps[0]!.sentence).toContain('下发限期整改通知，整改期限2025年3月17日 23:59');
    expect(timelineSteps[0]!.actor.label).toBe('王督学（督学）');
    expect(timelineSteps[1]!.sentence).toBe('幼儿园确认收到整改通知');
    expect(timelineSteps[3]!.sentence).toContain('审核通过第1次整改报告');

    const atVersion1 = await app.call('GET', `/audit/streams/${streamId}/state?version=1`, { token: auditor });
    expect(atVersion1.body).toMatchObject({ streamId, version: 1, state: { status: 'issued', dueAt: afterIssue.dueAt } });
    // a time between two events gives the state after the earlier one
    const t1 = Date.parse(first.recordedAt);
    const t2 = Date.parse(events.body.items[1].recordedAt);
    expect(t2).toBeGreaterThan(t1);
    const between = new Date(Math.floor((t1 + t2) / 2)).toISOString();
    const atTime = await app.call('GET', `/audit/streams/${streamId}/state?at=${encodeURIComponent(between)}`, { token: auditor });
    expect(atTime.body).toEqual({ ...atVersion1.body, asOf: first.recordedAt });
    const acknowledgedAt = await app.call('GET', `/audit/streams/${streamId}/state?at=${encodeURIComponent(events.body.items[1].recordedAt)}`, {
      token: auditor,
    });
    expect(acknowledgedAt.body).toMatchObject({ version: 2, state: { status: 'acknowledged', acknowledgedAt: afterAck.acknowledgedAt } });
    expect((await app.call('GET', `/audit/streams/${streamId}/state`, { token: auditor })).body).toMatchObject({
      version: 4,
      state: { status: 'closed' },
    });

    expect((await app.call('GET', `/audit/streams/${streamId}/state?version=5`, { token: auditor })).status).toBe(404);
    expect((await app.call('GET', `/audit/streams/rectification-nope/state`, { token: auditor })).status).toBe(404);
    expect((await app.call('GET', `/audit/streams/${streamId}/state?version=1&at=${encodeURIComponent(between)}`, { token: auditor })).status).toBe(
      400,
    );
    expect((await app.call('GET', `/audit/streams/rectification-nope/events`, { token: auditor })).status).toBe(404);

    const list = await app.call('GET', '/audit/streams?type=rectification', { token: auditor });
    expect(list.body.items).toContainEqual({ streamId, version: 4 });
    const log = await app.call('GET', '/audit/events?limit=2', { token: auditor });
    expect(log.body.items).toHaveLength(2);
    expect(log.body.next).toMatch(/afterPosition=\d+/);
    const nextPage = await app.call('GET', log.body.next.replace('/api/v1', ''), { token: auditor });
    expect(nextPage.body.items[0].position).toBeGreaterThan(log.body.items[1].position);
  });

  it('reports an event altered behind the application’s back, through the API and the CLI (exit 1)', async () => {
    const { notice } = await steps.issuedCase();
    const streamId = `rectification-${notice.id}`;
    expect((await app.call('GET', `/audit/verification?streamId=${streamId}`, { token: auditor })).body).toMatchObject({ ok: true, broken: [] });
    const intact = await auditCli(['verify', ...storeArgs()]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^intact: \d+ streams, \d+ events checked/m);

    const s = `"${app.settings.DATABASE_SCHEMA}"`;
    await app.database.transaction(async (tx) => {
      await tx.exec(`ALTER TABLE ${s}.events DISABLE TRIGGER events_append_only`);
      await tx.query(
        `UPDATE ${s}.events SET data = json_build_object('rectificationId', $2::text, 'dueAt', '2099-01-01T00:00:00.000+08:00') WHERE stream_id = $1 AND version = 1`,
        [streamId, notice.id],
      );
      await tx.exec(`ALTER TABLE ${s}.events ENABLE TRIGGER events_append_only`);
    });
    const one = await app.call('GET', `/audit/verification?streamId=${streamId}`, { token: auditor });
    expect(one.body).toMatchObject({ ok: false, broken: [{ streamId, version: 1, reason: 'hash-mismatch' }] });
    const all = await app.call('GET', '/audit/verification', { token: auditor });
    expect(all.body.ok).toBe(false);
    expect(all.body.broken).toEqual([{ streamId, version: 1, reason: 'hash-mismatch' }]);

    const broken = await auditCli(['verify', ...storeArgs()]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`broken: ${streamId} at version 1 (hash-mismatch)`);
  }, 60_000);

  it('is read-only: an auditor cannot write, a supervisor or kindergarten cannot read it', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/audit/streams', '/audit/export', '/audit/events', '/audit/verification', '/audit/streams/x/events']) {
        const reply = await app.call(method, path, { token: auditor, body: {} });
        expect({ method, path, status: reply.status, code: reply.body?.code }).toEqual({ method, path, status: 403, code: 'forbidden' });
      }
    }
    for (const token of [steps.supervisor, steps.kindergartenToken('kg-x'), app.token('department', { unitId: 'county-education-bureau' })]) {
      for (const path of ['/audit/streams', '/audit/events', '/audit/verification', '/audit/export', '/audit/streams/kindergarten-x/timeline']) {
        expect((await app.call('GET', path, { token })).status).toBe(403);
      }
    }
    expect((await app.call('GET', '/audit/streams')).status).toBe(401);
  });

  it('an auditor can command nothing: every write operation the API documents answers 403 and records nothing', async () => {
    const document = (await app.call('GET', app.url.replace(/\/api\/v1$/, '/docs-json'))).body as { paths: Record<string, Record<string, unknown>> };
    const head = await app.store.headPosition();
    const refused: string[] = [];
    for (const [template, operations] of Object.entries(document.paths)) {
      // marking one's own inbox notification as read is not an act on the record: open to every role
      if (template.startsWith('/api/v1/inbox/')) continue;
      // one's own session and password (sign-out, a new password) are every user's, an auditor's too
      if (template.startsWith('/api/v1/auth/')) continue;
      // operations open to anyone (sign-in) are no act of a role
      const open = (method: string) => JSON.stringify((operations[method] as { security?: unknown }).security) === '[]';
      for (const method of Object.keys(operations).filter((method) => ['post', 'put', 'patch', 'delete'].includes(method) && !open(method))) {
        const path = template.replace('/api/v1', '').replace(/\{[^}]+\}/g, 'x');
        const reply = await app.call(method.toUpperCase(), path, { token: auditor, body: {} });
        expect({ method, path, status: reply.status, code: reply.body?.code }).toEqual({ method, path, status: 403, code: 'forbidden' });
        refused.push(`${method} ${path}`);
      }
    }
    expect(refused.length).toBeGreaterThanOrEqual(17);
    expect(await app.store.headPosition()).toBe(head);
  });
});

describe('export and import', () => {
  let source: TestApp;
  let folder: string;

  beforeAll(async () => {
    source = await startTestApp('pglite', {}, { clock: new ShiftedClock(new Date('2025-03-03T02:00:00Z')) });
    folder = await mkdtemp(join(tmpdir(), 'audit-export-'));
  });

  afterAll(async () => {
    await source?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('exports NDJSON over HTTP; imported into an empty store, every stream is identical and verifies', async () => {
    const steps = workflow(source);
    const { notice, director, codes } = await steps.issuedCase();
    await source.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director });
    await source.call('POST', `/rectifications/${notice.id}/reports`, { token: director, body: steps.report(codes) });
    await steps.registerKindergarten();

    const response = await fetch(`${source.url}/audit/export`, { headers: { authorization: `Bearer ${source.token('auditor')}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const text = await response.text();
    const lines = text.trimEnd().split('\n');
    const head = await source.store.headPosition();
    const originals = (await source.store.readAll({ afterPosition: 0, limit: 10_000, raw: true })).events;
    expect(lines).toHaveLength(originals.length);
    expect(JSON.parse(lines.at(-1)!).position).toBe(head);
    const file = join(folder, 'events.ndjson');
    await writeFile(file, text);

    // a copy with one byte changed is refused whole
    const tampered = join(folder, 'tampered.ndjson');
    await writeFile(tampered, text.replace('已完成整改', '已完成整改！'));
    const refusedDir = join(folder, 'refused');
    const refused = await auditCli(['import', '--in', tampered, '--store', 'pglite', '--data-dir', refusedDir]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('nothing imported');

    const targetDir = join(folder, 'target');
    const imported = await auditCli(['import', '--in', file, '--store', 'pglite', '--data-dir', targetDir]);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toContain(`imported ${originals.length} events`);
    const verified = await auditCli(['verify', '--store', 'pglite', '--data-dir', targetDir]);
    expect(verified.code).toBe(0);
    const reExport = join(folder, 'again.ndjson');
    expect((await auditCli(['export', '--out', reExport, '--store', 'pglite', '--data-dir', targetDir])).code).toBe(0);
    const comparable = (line: string) => {
      const { position: _position, ...rest } = JSON.parse(line) as Record<string, unknown>;
      return rest;
    };
    const again = (await readFile(reExport, 'utf8')).trimEnd().split('\n').map(comparable);
    expect(again).toEqual(lines.map(comparable));

    const history = await auditCli(['history', `rectification-${notice.id}`, '--store', 'pglite', '--data-dir', targetDir]);
    expect(history.code).toBe(0);
    expect(history.stdout).toContain('下发限期整改通知');
    expect(history.stdout).toContain('幼儿园确认收到整改通知');
    const state = await auditCli([
      'state',
      `rectification-${notice.id}`,
      '--at',
      JSON.parse(lines.find((line) => line.includes('NoticeAcknowledged'))!).recordedAt,
      '--store',
      'pglite',
      '--data-dir',
      targetDir,
    ]);
    expect(JSON.parse(state.stdout)).toMatchObject({ version: 2, state: { status: 'acknowledged' } });
  }, 120_000);

  it('a file whose hashes are right but whose last stream cannot be written imports nothing: the store stays empty and takes the good file', async () => {
    const steps = workflow(source);
    await steps.issuedCase();
    await steps.registerKindergarten();
    const response = await fetch(`${source.url}/audit/export`, { headers: { authorization: `Bearer ${source.token('auditor')}` } });
    const good = (await response.text()).trimEnd().split('\n');
    const events = good.map((line) => JSON.parse(line) as Record<string, unknown> & { streamId: string; version: number; id: string });
    const lastStream = events.at(-1)!.streamId;
    expect(events.filter((event) => event.streamId === lastStream).length).toBeLessThan(events.length / 2);

    /** The file with the last stream's last event changed, and the stream's chain computed again (the hashes are right). */
    const withLastStream = (change: (event: Record<string, unknown>) => void): string => {
      const copy = events.map((event) => ({ ...event }));
      const own = copy.filter((event) => event.streamId === lastStream);
      change(own.at(-1)!);
      let prevHash = GENESIS_HASH;
      for (const event of own) {
        event.prevHash = prevHash;
        event.hash = eventHash(prevHash, event as never);
        prevHash = event.hash as string;
      }
      return `${copy.map((event) => JSON.stringify(event)).join('\n')}\n`;
    };
    const cases = {
      'invalid uuid': withLastStream((event) => (event.id = 'not-a-uuid')),
      'duplicate event id': withLastStream((event) => (event.id = events[0]!.id)),
      'unparseable recordedAt': withLastStream((event) => (event.recordedAt = 'yesterday')),
    };
    const target = join(folder, 'all-or-nothing');
    for (const [name, text] of Object.entries(cases)) {
      const file = join(folder, `${name.replaceAll(' ', '-')}.ndjson`);
      await writeFile(file, text);
      const refused = await auditCli(['import', '--in', file, '--store', 'pglite', '--data-dir', target]);
      try {
        expect(refused.code).toBe(1);
        expect(refused.stdout).toContain('nothing imported');
        expect(refused.stdout).toContain(lastStream);
        // the store is as it was: empty
        const verified = await auditCli(['verify', '--store', 'pglite', '--data-dir', target]);
        expect(verified.stdout).toContain('intact: 0 streams, 0 events checked');
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}\n${refused.stdout}${refused.stderr}`);
      }
    }
    const file = join(folder, 'good.ndjson');
    await writeFile(file, `${good.join('\n')}\n`);
    const imported = await auditCli(['import', '--in', file, '--store', 'pglite', '--data-dir', target]);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toContain(`imported ${events.length} events`);
  }, 180_000);
});
