// Issue 10 item 8: the supervisors' notifications about a kindergarten reach only the supervisors whose 责任区 holds it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freshId, startTestApp, type TestApp } from '../support/test-app.js';
import { awaitInbox, inboxOf } from '../support/reminders.js';
import { workflow } from '../support/workflow.js';

const WITHIN = 10_000;

describe('the inbox of a supervisor with a 责任区 (pglite)', () => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;

  beforeAll(async () => {
    app = await startTestApp('pglite', { RUN_REMINDERS: 'true' });
    steps = workflow(app);
  });

  afterAll(async () => {
    await app?.stop();
    await app?.close();
  });

  const post = async (path: string, token: string, body?: object, status = 200) => {
    const reply = await app.call('POST', path, { token, body });
    expect({ path, status: reply.status }).toEqual({ path, status });
    return reply.body;
  };

  /** A case in the township whose report awaits review: the supervisors are told of it. */
  const reportIn = async (township: string) => {
    const kindergarten = await steps.registerKindergarten({ township });
    const inspection = await steps.inspection(kindergarten.id, 'annual', 2025);
    await steps.finding(inspection.id, 'S-01');
    await steps.conclude(inspection.id, 'failed');
    const notice = await post(
      '/rectifications',
      steps.supervisor,
      { kindergartenId: kindergarten.id, inspectionId: inspection.id, findingCodes: ['S-01'], deadline: { dueAt: '2099-12-31T23:59:59+08:00' }, publish: false },
      201,
    );
    const director = steps.kindergartenToken(kindergarten.id);
    await post(`/rectifications/${notice.id}/acknowledgement`, director);
    await post(`/rectifications/${notice.id}/reports`, director, steps.report(['S-01']));
    return notice as { id: string };
  };

  it('shows, counts and marks only the notifications about its townships; a supervisor without townships gets them all', async () => {
    // two of the register's townships; the store is this test's own
    const [east, west] = ['beibao', 'lamawan'];
    const scoped = app.token('supervisor', { sub: freshId('liu'), townships: [east] });
    const ours = await reportIn(east);
    const theirs = await reportIn(west);
    // the county-wide supervisor is told of both
    await awaitInbox(app, steps.supervisor, ours.id, 'report-submitted', WITHIN);
    const other = await awaitInbox(app, steps.supervisor, theirs.id, 'report-submitted', WITHIN);

    const items = await inboxOf(app, scoped);
    const cases = new Set(items.map((item) => item.refs.rectificationId));
    expect(cases.has(ours.id)).toBe(true);
    expect(cases.has(theirs.id)).toBe(false);

    const count = async (token: string): Promise<number> => (await app.call('GET', '/inbox/unread-count', { token })).body.count;
    const everything = await inboxOf(app, steps.supervisor);
    expect(await count(scoped)).toBe(items.length);
    expect(await count(steps.supervisor)).toBe(everything.length);
    // what it does not see is exactly what is about the other township's case
    expect(everything.length - items.length).toBe(everything.filter((item) => item.refs.rectificationId === theirs.id).length);

    const read = await app.call('POST', `/inbox/${other.id}/read`, { token: scoped });
    expect([read.status, read.body.code]).toEqual([404, 'not-found']);
    expect((await app.call('POST', `/inbox/${items[0].id}/read`, { token: scoped })).status).toBe(200);
  });
});
