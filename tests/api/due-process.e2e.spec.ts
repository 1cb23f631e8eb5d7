import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '@app/config';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { jpeg, upload } from '../support/uploads.js';
import { workflow } from '../support/workflow.js';

// Monday 2 March 2026, 10:00 in Shanghai: three working days later is the end of Thursday 5 March.
const MONDAY = new Date('2026-03-02T02:00:00Z');
const STATEMENT_DUE = '2026-03-05T23:59:59.999+08:00';

/** The engine's time, moved by the test (real time still runs on from where it is set). */
class MovableClock extends Clock {
  private shift = 0;

  constructor(start: Date) {
    super();
    this.set(start);
  }

  set(at: Date): void {
    this.shift = at.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.shift);
  }
}

describe.each(['pglite', 'postgres'] as const)('enrolment suspension with due process (陈述申辩) over HTTP (%s)', (kind) => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  const clock = new MovableClock(MONDAY);

  beforeAll(async () => {
    app = await startTestApp(kind, {}, { clock });
    steps = workflow(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  const notice = (rectificationId: string, extra: Record<string, unknown> = {}) => ({
    rectificationId,
    facts: '2025年年检发现消防通道堵塞，限期整改后复查仍不达标',
    basis: '清政发〔2023〕52号：整改后仍不达标的，暂停其招生',
    proposedFrom: '2026-03-16',
    ...extra,
  });
  const enrolment = (kindergartenId: string) => `/kindergartens/${kindergartenId}/enrolment`;

  it('tells, hears and decides: the proposal with its statement period, the statement, the decision answering it', async () => {
    clock.set(MONDAY);
    const { kindergarten, notice: failed, director } = await steps.failedCase();
    const path = enrolment(kindergarten.id);
    const statementText = `我园已聘请专业公司完成消防通道整改-${randomUUID().slice(0, 8)}`;

    const proposed = await app.call('POST', `${path}/suspension-notice`, { token: steps.supervisor, body: notice(failed.id) });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({
      id: kindergarten.id,
      enrolmentStatus: 'open',
      enrolment: { status: 'open', proposal: { rectificationId: failed.id, proposedFrom: '2026-03-16', statementDueAt: STATEMENT_DUE } },
    });
    expect(proposed.headers.get('etag')).toBe(`"${proposed.body.enrolmentVersion}"`);

    const again = await app.call('POST', `${path}/suspension-notice`, { token: steps.supervisor, body: notice(failed.id) });
    expect([again.status, again.body.code]).toEqual([409, 'suspension-proposed']);

    const early = await app.call('POST', `${path}/suspension`, { token: steps.supervisor, body: { decision: 'suspend', reason: '不予采纳' } });
    expect([early.status, early.body.code]).toEqual([409, 'statement-period-open']);

    const other = await steps.registerKindergarten();
    const stranger = await app.call('POST', `${path}/statement`, { token: steps.kindergartenToken(other.id), body: { text: '冒名陈述' } });
    expect([stranger.status, stranger.body.code]).toEqual([404, 'not-found']);

    const photo = (await upload(app, director, await jpeg(31), '消防通道整改后.jpg')).body;
    const stated = await app.call('POST', `${path}/statement`, { token: director, body: { text: statementText, attachmentIds: [photo.id] } });
    expect(stated.status).toBe(200);
    expect(stated.body.enrolment.proposal.statement).toEqual({
      text: statementText,
      attachmentIds: [photo.id],
      submittedAt: expect.any(String),
    });
    const twice = await app.call('POST', `${path}/statement`, { token: director, body: { waive: true } });
    expect([twice.status, twice.body.code]).toEqual([409, 'statement-exists']);

    const past = await app.call('POST', `${path}/suspension`, {
      token: steps.supervisor,
      body: { decision: 'suspend', reason: '不予采纳', effectiveFrom: '2026-03-01' },
    });
    expect([past.status, past.body.code]).toEqual([422, 'effective-from-in-past']);

    const reason = '陈述申辩理由不成立：复查时消防通道仍被堵塞';
    const decided = await app.call('POST', `${path}/suspension`, {
      token: steps.supervisor,
      body: { decision: 'suspend', reason, effectiveFrom: '2026-03-16' },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      enrolmentStatus: 'suspended',
      enrolment: {
        status: 'suspended',
        proposal: { statement: { text: statementText } },
        suspension: { rectificationId: failed.id, effectiveFrom: '2026-03-16', reason, decidedAt: expect.stringMatching(/^2026-03-02T/) },
      },
    });

    const onceMore = await app.call('POST', `${path}/suspension-notice`, { token: steps.supervisor, body: notice(failed.id) });
    expect([onceMore.status, onceMore.body.code]).toEqual([409, 'already-suspended']);

    const events = await app.store.readStream(`enrolment-${kindergarten.id}`);
    expect(events.map((event) => event.type)).toEqual(['SuspensionProposed', 'StatementSubmitted', 'EnrolmentSuspended']);
    expect(events[0]!.data).toMatchObject({ statementDueAt: STATEMENT_DUE, proposalNo: 1 });

    // the kindergarten sees it all; the public sees the suspension and never the statement
    const own = await app.call('GET', `/kindergartens/${kindergarten.id}`, { token: director });
    expect(own.body.enrolment.proposal.statement.text).toBe(statementText);
    const board = await app.call('GET', '/public/notices');
    const register = await app.call('GET', '/public/kindergartens?limit=1000');
    expect(board.body.suspensions).toContainEqual(expect.objectContaining({ kindergarten: expect.objectContaining({ id: kindergarten.id }) }));
    for (const reply of [board, register]) expect(JSON.stringify(reply.body)).not.toContain(statementText);

    const timeline = await app.call('GET', `/audit/streams/enrolment-${kindergarten.id}/timeline`, { token: app.token('auditor') });
    const sentences = timeline.body.steps.map((step: { sentence: string }) => step.sentence);
    expect(sentences[0]).toContain('陈述申辩期限至2026年3月5日 23:59');
    expect(sentences[1]).toContain(statementText);
    expect(sentences[2]).toContain('暂停招生');
  });

  it('lets the period run out: no statement after it, the decision withdraws, and a new proposal follows', async () => {
    clock.set(MONDAY);
    const { kindergarten, notice: failed, director } = await steps.failedCase();
    const path = enrolment(kindergarten.id);
    await app.call('POST', `${path}/suspension-notice`, { token: steps.supervisor, body: notice(failed.id) });

    clock.set(new Date('2026-03-05T16:00:00Z')); // 00:00 on Friday 6 March in Shanghai
    const late = await app.call('POST', `${path}/statement`, { token: director, body: { text: '迟到的陈述' } });
    expect([late.status, late.body.code]).toEqual([422, 'statement-period-over']);

    const withdrawn = await app.call('POST', `${path}/suspension`, {
      token: steps.supervisor,
      body: { decision: 'withdraw', reason: '经复核，暂不作处理' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.enrolment).toEqual({ status: 'open' });
    const none = await app.call('POST', `${path}/suspension`, { token: steps.supervisor, body: { decision: 'suspend', reason: '再次决定' } });
    expect([none.status, none.body.code]).toEqual([409, 'no-proposal']);

    const second = await app.call('POST', `${path}/suspension-notice`, {
      token: steps.supervisor,
      body: notice(failed.id, { proposedFrom: '2026-03-20' }),
    });
    expect(second.status).toBe(200);
    // Friday 6 March + 3 working days: Monday 9, Tuesday 10, Wednesday 11
    expect(second.body.enrolment.proposal).toMatchObject({ proposedFrom: '2026-03-20', statementDueAt: '2026-03-11T23:59:59.999+08:00' });
    const waived = await app.call('POST', `${path}/statement`, { token: director, body: { waive: true } });
    expect(waived.body.enrolment.proposal).toMatchObject({ waived: true });
    const suspended = await app.call('POST', `${path}/suspension`, {
      token: steps.supervisor,
      body: { decision: 'suspend', reason: '放弃陈述申辩，依规暂停招生' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body.enrolment.suspension).toMatchObject({ effectiveFrom: '2026-03-06' });

    const types = (await app.store.readStream(`enrolment-${kindergarten.id}`)).map((event) => event.type);
    expect(types).toEqual(['SuspensionProposed', 'SuspensionWithdrawn', 'SuspensionProposed', 'StatementWaived', 'EnrolmentSuspended']);
  });

  it('refuses what the rules forbid, writing nothing', async () => {
    clock.set(MONDAY);
    const { kindergarten, notice: open, director } = await steps.issuedCase();
    const path = enrolment(kindergarten.id);
    const refused = async (method: string, url: string, token: string, body: unknown, status: number, code: string) => {
      const reply = await app.call(method, url, { token, body });
      expect([reply.status, reply.body.code]).toEqual([status, code]);
    };
    await refused('POST', `${path}/suspension-notice`, steps.supervisor, notice(open.id), 422, 'suspension-requires-failed-rectification');
    await refused('POST', `${path}/suspension-notice`, steps.supervisor, notice('rc-nothing-here'), 422, 'unknown-rectification');
    await refused('POST', `${path}/statement`, director, { text: '陈述' }, 409, 'no-proposal');
    await refused('POST', `${path}/suspension`, steps.supervisor, { decision: 'withdraw', reason: '撤回' }, 409, 'no-proposal');
    await refused(
      'POST',
      `/kindergartens/kg-missing-${randomUUID().slice(0, 6)}/enrolment/suspension-notice`,
      steps.supervisor,
      notice(open.id),
      404,
      'not-found',
    );
    // the v1 body of a suspension no longer suffices (changelog v1.1)
    await refused(
      'POST',
      `${path}/suspension`,
      steps.supervisor,
      { rectificationId: open.id, effectiveFrom: '2026-03-02', reason: '暂停' },
      400,
      'validation-failed',
    );
    await refused('POST', `${path}/statement`, director, { waive: true, text: '两者都有' }, 400, 'validation-failed');
    await refused('POST', `${path}/statement`, director, { waive: true, attachmentIds: ['a'] }, 400, 'validation-failed');
    await refused('POST', `${path}/statement`, director, { waive: false }, 400, 'validation-failed');
    await refused('POST', `${path}/statement`, director, {}, 400, 'validation-failed');
    await refused('POST', `${path}/suspension`, steps.supervisor, { decision: 'maybe', reason: '？' }, 400, 'validation-failed');
    await refused('POST', `${path}/suspension-notice`, director, notice(open.id), 403, 'forbidden');
    await refused('POST', `${path}/statement`, steps.supervisor, { text: '代为陈述' }, 403, 'forbidden');
    expect(await app.store.readStream(`enrolment-${kindergarten.id}`)).toEqual([]);
  });

  it('answers 422 calendar-unavailable where the statement period runs into a year without official data', async () => {
    clock.set(new Date('2026-12-30T02:00:00Z')); // Wednesday 30 December 2026: the 3rd working day is in 2027
    const { kindergarten, notice: failed } = await steps.failedCase();
    const reply = await app.call('POST', `${enrolment(kindergarten.id)}/suspension-notice`, { token: steps.supervisor, body: notice(failed.id) });
    expect([reply.status, reply.body.code]).toEqual([422, 'calendar-unavailable']);
    expect(await app.store.readStream(`enrolment-${kindergarten.id}`)).toEqual([]);
  });
  it('of two concurrent proposals, and of two concurrent statements, one wins and the other gets the 409 its state gives', async () => {
    clock.set(MONDAY);
    const { kindergarten, notice: failed, director } = await steps.failedCase();
    const path = enrolment(kindergarten.id);
    const proposals = await Promise.all(
      [1, 2].map(() => app.call('POST', `${path}/suspension-notice`, { token: steps.supervisor, body: notice(failed.id) })),
    );
    expect(proposals.map((reply) => [reply.status, reply.body.code]).sort()).toEqual([
      [200, undefined],
      [409, 'suspension-proposed'],
    ]);
    const statements = await Promise.all([
      app.call('POST', `${path}/statement`, { token: director, body: { text: '第一份陈述' } }),
      app.call('POST', `${path}/statement`, { token: director, body: { waive: true } }),
    ]);
    expect(statements.map((reply) => [reply.status, reply.body.code]).sort()).toEqual([
      [200, undefined],
      [409, 'statement-exists'],
    ]);
    const types = (await app.store.readStream(`enrolment-${kindergarten.id}`)).map((event) => event.type);
    expect(types).toHaveLength(2);
    expect(types[0]).toBe('SuspensionProposed');
  });
});
