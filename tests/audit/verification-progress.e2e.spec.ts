import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

const NDJSON = { accept: 'application/x-ndjson' };
const linesOf = (text: string) => (text.trim().split('\n') as string[]).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('verification with progress (Accept: application/x-ndjson)', () => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  let auditor: string;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    steps = workflow(app);
    auditor = app.token('auditor', { sub: 'auditor-qian', name: '钱审计' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reports as it goes and ends with the very report the JSON answer gives', async () => {
    await steps.issuedCase();
    const plain = await app.call('GET', '/audit/verification', { token: auditor });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(plain.body).sort()).toEqual(['attachmentsChecked', 'broken', 'eventsChecked', 'ok', 'positionsInOrder', 'streamsChecked']);

    const progress = await app.call('GET', '/audit/verification', { token: auditor, headers: NDJSON });
    expect(progress.status).toBe(200);
    expect(progress.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = linesOf(progress.body as string);
    const head = await app.store.headPosition();
    expect(lines[0]).toEqual({ phase: 'events', eventsChecked: 0, position: 0, headPosition: head });
    const counted = lines.filter((line) => line.phase === 'events').map((line) => line.eventsChecked as number);
    expect(counted).toEqual([...counted].sort((a, b) => a - b));
    expect(lines.at(-2)).toEqual({ phase: 'attachments', eventsChecked: plain.body.eventsChecked });
    expect(lines.at(-1)).toEqual({ phase: 'done', report: plain.body });
    expect(plain.body).toMatchObject({ ok: true, broken: [] });
    expect(plain.body.eventsChecked).toBeGreaterThanOrEqual(5);
  });

  it('one stream: its report at the end; a caller who may not audit gets the problem, not a stream', async () => {
    const { notice } = await steps.issuedCase();
    const streamId = `rectification-${notice.id}`;
    const lines = linesOf((await app.call('GET', `/audit/verification?streamId=${streamId}`, { token: auditor, headers: NDJSON })).body as string);
    expect(lines.at(-1)).toEqual({
      phase: 'done',
      report: { ok: true, streamsChecked: 1, eventsChecked: 1, attachmentsChecked: 0, broken: [] },
    });

    const refused = await app.call('GET', '/audit/verification', { token: steps.supervisor, headers: NDJSON });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'forbidden' });
    const invalid = await app.call('GET', '/audit/verification?streamId=%20bad', { token: auditor, headers: NDJSON });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'validation-failed' });
  });
});
