import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ShiftedClock } from '@app/config';
import { freshId, startTestApp, type Reply, type StoreKind, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

// Monday 3 March 2025, 10:00 in Shanghai (as in workflow.e2e.spec.ts): deadlines and "today" are known in advance.
const START = new Date('2025-03-03T02:00:00Z');
// Tuesday 1 December 2026, 10:00 in Shanghai: 90 working days from here reach 2027, a year without official data.
const LATE_2026 = new Date('2026-12-01T02:00:00Z');
const FAR = '2099-12-31T23:59:59+08:00';

/** Status, code and media type of a refusal (RFC 9457 problem). */
const expectProblem = (reply: Reply, status: number, code: string): void => {
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
};

/** A refusal that writes nothing: the streams named keep their versions and the global log its head. */
const refusal = (app: TestApp) => async (streams: readonly string[], send: () => Promise<Reply>, status: number, code: string) => {
  const snapshot = async () => ({
    head: await app.store.headPosition(),
    versions: await Promise.all(streams.map(async (streamId) => [streamId, await app.store.streamVersion(streamId)])),
  });
  const before = await snapshot();
  const reply = await send();
  expectProblem(reply, status, code);
  expect(await snapshot()).toEqual(before);
  return reply;
};

const kgStream = (id: string) => `kindergarten-${id}`;
const inspectionStream = (id: string) => `inspection-${id}`;
const caseStream = (id: string) => `rectification-${id}`;
const enrolmentStream = (id: string) => `enrolment-${id}`;

describe.each<StoreKind>(['pglite', 'postgres'])('refusals over HTTP (%s)', (kind) => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  let refuses: ReturnType<typeof refusal>;
  const clock = new ShiftedClock(START);

  beforeAll(async () => {
    app = await startTestApp(kind, {}, { clock });
    steps = workflow(app);
    refuses = refusal(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  /** A case with its report submitted whose follow-up inspection failed: the case is `failed`. */
  const failedCase = async () => {
    const issued = await steps.submittedCase();
    const followUp = await steps.inspection(issued.kindergarten.id, 'follow-up');
    await steps.finding(followUp.id, 'S-01', '消防通道仍被占用');
    await steps.conclude(followUp.id, 'failed', '复查仍不达标');
    const reply = await app.call('POST', `/rectifications/${issued.notice.id}/follow-up`, {
      token: steps.supervisor,
      body: { inspectionId: followUp.id },
    });
    expect(reply.body).toMatchObject({ status: 'failed' });
    return { ...issued, followUp };
  };

  /** A kindergarten whose enrolment is suspended on its failed case. */
  const suspendedKindergarten = async () => {
    const failed = await failedCase();
    const reply = await app.call('POST', `/kindergartens/${failed.kindergarten.id}/enrolment/suspension`, {
      token: steps.supervisor,
      body: { rectificationId: failed.notice.id, effectiveFrom: '2025-03-10', reason: '整改后仍不达标' },
    });
    expect(reply).toMatchObject({ status: 200, body: { enrolmentStatus: 'suspended' } });
    return failed;
  };

  const acknowledgedCase = async (options: Parameters<ReturnType<typeof workflow>['issuedCase']>[0] = {}) => {
    const issued = await steps.issuedCase(options);
    expect((await app.call('POST', `/rectifications/${issued.notice.id}/acknowledgement`, { token: issued.director })).status).toBe(200);
    return issued;
  };

  describe('kindergartens', () => {
    it('409 kindergarten-exists', async () => {
      const kindergarten = await steps.registerKindergarten();
      await refuses(
        [kgStream(kindergarten.id)],
        () =>
          app.call('POST', '/kindergartens', {
            token: steps.admin,
            body: { id: kindergarten.id, name: '另一所幼儿园', township: '城关镇', ownership: 'private' },
          }),
        409,
        'kindergarten-exists',
      );
    });

    it('422 effective-from-in-past, checked before 409 already-suspended', async () => {
      const open = await failedCase();
      const yesterday = { rectificationId: open.notice.id, effectiveFrom: '2025-03-02', reason: '暂停招生' };
      const path = `/kindergartens/${open.kindergarten.id}/enrolment/suspension`;
      await refuses(
        [enrolmentStream(open.kindergarten.id)],
        () => app.call('POST', path, { token: steps.supervisor, body: yesterday }),
        422,
        'effective-from-in-past',
      );

      const suspended = await suspendedKindergarten();
      await refuses(
        [enrolmentStream(suspended.kindergarten.id)],
        () =>
          app.call('POST', `/kindergartens/${suspended.kindergarten.id}/enrolment/suspension`, {
            token: steps.supervisor,
            body: { ...yesterday, rectificationId: suspended.notice.id },
          }),
        422,
        'effective-from-in-past',
      );
    });

    it('409 already-suspended, checked before the cited case', async () => {
      const suspended = await suspendedKindergarten();
      const path = `/kindergartens/${suspended.kindergarten.id}/enrolment/suspension`;
      const streams = [enrolmentStream(suspended.kindergarten.id), kgStream(suspended.kindergarten.id)];
      // today counts as "today or later"
      await refuses(
        streams,
        () =>
          app.call('POST', path, {
            token: steps.supervisor,
            body: { rectificationId: suspended.notice.id, effectiveFrom: '2025-03-03', reason: '再次' },
          }),
        409,
        'already-suspended',
      );
      // a case that is not failed would be refused too, but the state conflict comes first
      const open = await steps.issuedCase();
      await refuses(
        streams,
        () =>
          app.call('POST', path, { token: steps.supervisor, body: { rectificationId: open.notice.id, effectiveFrom: '2025-04-01', reason: '再次' } }),
        409,
        'already-suspended',
      );
    });

    it('422 suspension-requires-failed-rectification: an open case, a closed case, another kindergarten’s failed case', async () => {
      const open = await steps.submittedCase();
      const path = `/kindergartens/${open.kindergarten.id}/enrolment/suspension`;
      const streams = [enrolmentStream(open.kindergarten.id)];
      const body = { rectificationId: open.notice.id, effectiveFrom: '2025-03-10', reason: '暂停招生' };
      await refuses(streams, () => app.call('POST', path, { token: steps.supervisor, body }), 422, 'suspension-requires-failed-rectification');

      const followUp = await steps.inspection(open.kindergarten.id, 'follow-up');
      await steps.conclude(followUp.id, 'passed', '复查合格');
      const closed = await app.call('POST', `/rectifications/${open.notice.id}/follow-up`, {
        token: steps.supervisor,
        body: { inspectionId: followUp.id },
      });
      expect(closed.body).toMatchObject({ status: 'closed' });
      await refuses(streams, () => app.call('POST', path, { token: steps.supervisor, body }), 422, 'suspension-requires-failed-rectification');

      const another = await failedCase();
      await refuses(
        streams,
        () => app.call('POST', path, { token: steps.supervisor, body: { ...body, rectificationId: another.notice.id } }),
        422,
        'suspension-requires-failed-rectification',
      );
    });

    it('422 unknown-rectification for a suspension citing no case', async () => {
      const kindergarten = await steps.registerKindergarten();
      await refuses(
        [enrolmentStream(kindergarten.id)],
        () =>
          app.call('POST', `/kindergartens/${kindergarten.id}/enrolment/suspension`, {
            token: steps.supervisor,
            body: { rectificationId: `rc-${freshId('none')}`, effectiveFrom: '2025-03-10', reason: '暂停招生' },
          }),
        422,
        'unknown-rectification',
      );
    });

    it('409 not-suspended, checked before the cited inspection', async () => {
      const kindergarten = await steps.registerKindergarten();
      const followUp = await steps.inspection(kindergarten.id, 'follow-up');
      await steps.conclude(followUp.id, 'passed', '复查合格');
      const path = `/kindergartens/${kindergarten.id}/enrolment/reinstatement`;
      for (const inspectionId of [followUp.id, freshId('none')]) {
        await refuses(
          [enrolmentStream(kindergarten.id)],
          () => app.call('POST', path, { token: steps.supervisor, body: { inspectionId, reason: '恢复招生' } }),
          409,
          'not-suspended',
        );
      }
    });

    it('422 reinstatement-requires-passed-follow-up, and unknown-inspection for an inspection that does not exist', async () => {
      const suspended = await suspendedKindergarten();
      const id = suspended.kindergarten.id as string;
      const path = `/kindergartens/${id}/enrolment/reinstatement`;
      const streams = [enrolmentStream(id)];
      const reinstate = (inspectionId: string) => () =>
        app.call('POST', path, { token: steps.supervisor, body: { inspectionId, reason: '恢复招生' } });

      // the follow-up that failed the case (failed, and concluded before the suspension)
      await refuses(streams, reinstate(suspended.followUp.id), 422, 'reinstatement-requires-passed-follow-up');
      // the annual inspection (not a follow-up)
      await refuses(streams, reinstate(suspended.inspection.id), 422, 'reinstatement-requires-passed-follow-up');
      // a follow-up not concluded yet
      const scheduled = await steps.inspection(id, 'follow-up');
      await refuses(streams, reinstate(scheduled.id), 422, 'reinstatement-requires-passed-follow-up');
      // a passed annual (quality) inspection after the suspension is not a follow-up either
      const quality = await steps.inspection(id, 'quality');
      await steps.conclude(quality.id, 'passed', '合格');
      await refuses(streams, reinstate(quality.id), 422, 'reinstatement-requires-passed-follow-up');
      // another kindergarten's passed follow-up
      const other = await steps.registerKindergarten();
      const othersFollowUp = await steps.inspection(other.id, 'follow-up');
      await steps.conclude(othersFollowUp.id, 'passed', '复查合格');
      await refuses(streams, reinstate(othersFollowUp.id), 422, 'reinstatement-requires-passed-follow-up');
      // a follow-up passed before the suspension was recorded
      const early = await failedCase();
      const passedBefore = await steps.inspection(early.kindergarten.id, 'follow-up');
      await steps.conclude(passedBefore.id, 'passed', '复查合格');
      const suspension = await app.call('POST', `/kindergartens/${early.kindergarten.id}/enrolment/suspension`, {
        token: steps.supervisor,
        body: { rectificationId: early.notice.id, effectiveFrom: '2025-03-10', reason: '暂停招生' },
      });
      expect(suspension.status).toBe(200);
      await refuses(
        [enrolmentStream(early.kindergarten.id)],
        () =>
          app.call('POST', `/kindergartens/${early.kindergarten.id}/enrolment/reinstatement`, {
            token: steps.supervisor,
            body: { inspectionId: passedBefore.id, reason: '恢复招生' },
          }),
        422,
        'reinstatement-requires-passed-follow-up',
      );

      await refuses(streams, reinstate(freshId('none')), 422, 'unknown-inspection');
    });

    it('404 not-found for a kindergarten that does not exist: GET, disclosure, suspension, reinstatement', async () => {
      const id = freshId('none');
      const streams = [kgStream(id), enrolmentStream(id)];
      // the harness's directory entry for the token is written before the measure starts
      const director = steps.kindergartenToken(id);
      await refuses(streams, () => app.call('GET', `/kindergartens/${id}`, { token: steps.admin }), 404, 'not-found');
      await refuses(
        streams,
        () =>
          app.call('PUT', `/kindergartens/${id}/disclosure`, {
            token: director,
            body: { teachers: 1, caregivers: 1, children: 10, monthlyFeeYuan: 100 },
          }),
        404,
        'not-found',
      );
      const failed = await failedCase();
      await refuses(
        streams,
        () =>
          app.call('POST', `/kindergartens/${id}/enrolment/suspension`, {
            token: steps.supervisor,
            body: { rectificationId: failed.notice.id, effectiveFrom: '2025-03-10', reason: '暂停招生' },
          }),
        404,
        'not-found',
      );
      await refuses(
        streams,
        () =>
          app.call('POST', `/kindergartens/${id}/enrolment/reinstatement`, {
            token: steps.supervisor,
            body: { inspectionId: failed.followUp.id, reason: '恢复' },
          }),
        404,
        'not-found',
      );
      // a path id that cannot name anything
      await refuses([], () => app.call('GET', '/kindergartens/%20bad%20', { token: steps.admin }), 404, 'not-found');
    });
  });

  it('404 not-found for a path no route serves, with or without a token', async () => {
    for (const [method, path] of [
      ['GET', '/no-such-resource'],
      ['POST', '/kindergartens/x'],
      ['DELETE', `/rectifications/rc-${freshId('none')}`],
    ]) {
      await refuses([], () => app.call(method, path, { token: steps.admin }), 404, 'not-found');
      await refuses([], () => app.call(method, path), 404, 'not-found');
    }
  });

  describe('inspections', () => {
    it('409 annual-inspection-exists: one annual inspection per kindergarten and year', async () => {
      const kindergarten = await steps.registerKindergarten();
      const annual = await steps.inspection(kindergarten.id, 'annual', 2025);
      await refuses(
        [inspectionStream(annual.id)],
        () =>
          app.call('POST', '/inspections', {
            token: steps.supervisor,
            body: { kindergartenId: kindergarten.id, kind: 'annual', year: 2025, scheduledOn: '2025-06-01' },
          }),
        409,
        'annual-inspection-exists',
      );
      // another year, or another kind, is fine
      await steps.inspection(kindergarten.id, 'annual', 2026);
      await steps.inspection(kindergarten.id, 'safety', 2025);
      await steps.inspection(kindergarten.id, 'safety', 2025);
    });

    it('422 unknown-kindergarten', async () => {
      const id = freshId('none');
      for (const inspectionKind of ['annual', 'safety', 'quality', 'follow-up']) {
        await refuses(
          [inspectionStream(`annual-2025-${id}`)],
          () =>
            app.call('POST', '/inspections', {
              token: steps.supervisor,
              body: { kindergartenId: id, kind: inspectionKind, year: 2025, scheduledOn: '2025-03-10' },
            }),
          422,
          'unknown-kindergarten',
        );
      }
    });

    it('409 inspection-concluded for a finding and a second conclusion, before finding-exists', async () => {
      const { inspection } = await steps.failedInspection(['S-01']);
      const streams = [inspectionStream(inspection.id)];
      const findings = `/inspections/${inspection.id}/findings`;
      await refuses(
        streams,
        () => app.call('POST', findings, { token: steps.supervisor, body: { code: 'S-09', description: '新发现', severity: 'minor' } }),
        409,
        'inspection-concluded',
      );
      // a code already recorded: the conclusion comes first
      await refuses(
        streams,
        () => app.call('POST', findings, { token: steps.supervisor, body: { code: 'S-01', description: '重复', severity: 'minor' } }),
        409,
        'inspection-concluded',
      );
      for (const outcome of ['passed', 'failed']) {
        await refuses(
          streams,
          () => app.call('POST', `/inspections/${inspection.id}/conclusion`, { token: steps.supervisor, body: { outcome, summary: '再次结论' } }),
          409,
          'inspection-concluded',
        );
      }
    });

    it('409 finding-exists', async () => {
      const kindergarten = await steps.registerKindergarten();
      const inspection = await steps.inspection(kindergarten.id, 'safety');
      await steps.finding(inspection.id, 'S-01');
      await refuses(
        [inspectionStream(inspection.id)],
        () =>
          app.call('POST', `/inspections/${inspection.id}/findings`, {
            token: steps.supervisor,
            body: { code: 'S-01', description: '另一描述', severity: 'critical' },
          }),
        409,
        'finding-exists',
      );
    });

    it('422 failed-without-findings; a concluded inspection answers inspection-concluded first', async () => {
      const kindergarten = await steps.registerKindergarten();
      const inspection = await steps.inspection(kindergarten.id, 'quality');
      const conclusion = `/inspections/${inspection.id}/conclusion`;
      await refuses(
        [inspectionStream(inspection.id)],
        () => app.call('POST', conclusion, { token: steps.supervisor, body: { outcome: 'failed', summary: '不合格' } }),
        422,
        'failed-without-findings',
      );
      await steps.conclude(inspection.id, 'passed', '合格');
      await refuses(
        [inspectionStream(inspection.id)],
        () => app.call('POST', conclusion, { token: steps.supervisor, body: { outcome: 'failed', summary: '不合格' } }),
        409,
        'inspection-concluded',
      );
    });

    it('404 not-found for an inspection that does not exist: GET, finding, conclusion', async () => {
      const id = freshId('none');
      const streams = [inspectionStream(id)];
      await refuses(streams, () => app.call('GET', `/inspections/${id}`, { token: steps.supervisor }), 404, 'not-found');
      await refuses(
        streams,
        () =>
          app.call('POST', `/inspections/${id}/findings`, {
            token: steps.supervisor,
            body: { code: 'S-01', description: '问题', severity: 'minor' },
          }),
        404,
        'not-found',
      );
      await refuses(
        streams,
        () => app.call('POST', `/inspections/${id}/conclusion`, { token: steps.supervisor, body: { outcome: 'passed', summary: '合格' } }),
        404,
        'not-found',
      );
    });
  });

  describe('rectification notices', () => {
    const issue = (body: Record<string, unknown>) => () => app.call('POST', '/rectifications', { token: steps.supervisor, body });
    const notice = (kindergartenId: string, inspectionId: string, extra: Record<string, unknown> = {}) => ({
      kindergartenId,
      inspectionId,
      findingCodes: ['S-01'],
      deadline: { dueAt: FAR },
      publish: true,
      ...extra,
    });

    it('422 unknown-kindergarten', async () => {
      const { inspection } = await steps.failedInspection(['S-01']);
      const id = freshId('none');
      await refuses([caseStream(`rc-${inspection.id}`)], issue(notice(id, inspection.id)), 422, 'unknown-kindergarten');
    });

    it('422 unknown-inspection', async () => {
      const kindergarten = await steps.registerKindergarten();
      const inspectionId = freshId('none');
      await refuses([caseStream(`rc-${inspectionId}`)], issue(notice(kindergarten.id, inspectionId)), 422, 'unknown-inspection');
    });

    it('422 inspection-not-failed: passed, not concluded, or another kindergarten’s, before unknown-finding', async () => {
      const kindergarten = await steps.registerKindergarten();
      const passed = await steps.inspection(kindergarten.id, 'quality');
      await steps.finding(passed.id, 'S-01');
      await steps.conclude(passed.id, 'passed', '合格');
      await refuses([caseStream(`rc-${passed.id}`)], issue(notice(kindergarten.id, passed.id)), 422, 'inspection-not-failed');

      const scheduled = await steps.inspection(kindergarten.id, 'safety');
      await steps.finding(scheduled.id, 'S-01');
      await refuses([caseStream(`rc-${scheduled.id}`)], issue(notice(kindergarten.id, scheduled.id)), 422, 'inspection-not-failed');

      const others = await steps.failedInspection(['S-01']);
      await refuses([caseStream(`rc-${others.inspection.id}`)], issue(notice(kindergarten.id, others.inspection.id)), 422, 'inspection-not-failed');
      // also with codes the inspection does not hold
      await refuses(
        [caseStream(`rc-${passed.id}`)],
        issue(notice(kindergarten.id, passed.id, { findingCodes: ['X-99'] })),
        422,
        'inspection-not-failed',
      );
    });

    it('422 unknown-finding, before deadline-in-past', async () => {
      const { kindergarten, inspection } = await steps.failedInspection(['S-01', 'S-02']);
      const streams = [caseStream(`rc-${inspection.id}`)];
      await refuses(streams, issue(notice(kindergarten.id, inspection.id, { findingCodes: ['S-01', 'X-99'] })), 422, 'unknown-finding');
      await refuses(
        streams,
        issue(notice(kindergarten.id, inspection.id, { findingCodes: ['X-99'], deadline: { dueAt: '2025-03-01T00:00:00+08:00' } })),
        422,
        'unknown-finding',
      );
    });

    it('409 rectification-exists: one case per inspection, before deadline-in-past', async () => {
      const { kindergarten, inspection, notice: existing } = await steps.issuedCase({ codes: ['S-01', 'S-02'] });
      const streams = [caseStream(existing.id)];
      await refuses(streams, issue(notice(kindergarten.id, inspection.id, { findingCodes: ['S-02'] })), 409, 'rectification-exists');
      await refuses(
        streams,
        issue(notice(kindergarten.id, inspection.id, { deadline: { dueAt: '2025-03-01T00:00:00+08:00' } })),
        409,
        'rectification-exists',
      );
    });

    it('422 deadline-in-past: dueAt not in the future', async () => {
      const { kindergarten, inspection } = await steps.failedInspection(['S-01']);
      const streams = [caseStream(`rc-${inspection.id}`)];
      for (const dueAt of [
        '2025-03-03T09:00:00+08:00',
        '2025-03-02T23:59:59Z',
        '2024-12-31T23:59:59+08:00',
        new Date(clock.now().getTime() - 1000).toISOString(),
      ]) {
        await refuses(streams, issue(notice(kindergarten.id, inspection.id, { deadline: { dueAt } })), 422, 'deadline-in-past');
      }
    });
  });

  describe('case commands', () => {
    it('409 invalid-transition: acknowledge twice, report from issued, review from acknowledged, and more', async () => {
      const issued = await steps.issuedCase();
      const id = issued.notice.id as string;
      const stream = [caseStream(id)];
      const director = issued.director;
      await refuses(
        stream,
        () => app.call('POST', `/rectifications/${id}/reports`, { token: director, body: steps.report(issued.codes) }),
        409,
        'invalid-transition',
      );
      await refuses(
        stream,
        () => app.call('POST', `/rectifications/${id}/review`, { token: steps.supervisor, body: { decision: 'accept', comment: '好' } }),
        409,
        'invalid-transition',
      );
      expect((await app.call('POST', `/rectifications/${id}/acknowledgement`, { token: director })).status).toBe(200);
      await refuses(stream, () => app.call('POST', `/rectifications/${id}/acknowledgement`, { token: director }), 409, 'invalid-transition');
      for (const decision of ['accept', 'return']) {
        await refuses(
          stream,
          () => app.call('POST', `/rectifications/${id}/review`, { token: steps.supervisor, body: { decision, comment: '好' } }),
          409,
          'invalid-transition',
        );
      }
      // submitted: no second report, no extension, no acknowledgement
      expect((await app.call('POST', `/rectifications/${id}/reports`, { token: director, body: steps.report(issued.codes) })).status).toBe(200);
      await refuses(
        stream,
        () => app.call('POST', `/rectifications/${id}/reports`, { token: director, body: steps.report(issued.codes) }),
        409,
        'invalid-transition',
      );
      await refuses(
        stream,
        () =>
          app.call('POST', `/rectifications/${id}/extension-requests`, {
            token: director,
            body: { requestedDueAt: FAR.replace('2099', '2100'), reason: '延期' },
          }),
        409,
        'invalid-transition',
      );
      await refuses(stream, () => app.call('POST', `/rectifications/${id}/acknowledgement`, { token: director }), 409, 'invalid-transition');
      // closed is final
      expect(
        (await app.call('POST', `/rectifications/${id}/review`, { token: steps.supervisor, body: { decision: 'accept', comment: '好' } })).status,
      ).toBe(200);
      const followUp = await steps.inspection(issued.kindergarten.id, 'follow-up');
      await steps.conclude(followUp.id, 'passed', '复查合格');
      await refuses(
        stream,
        () => app.call('POST', `/rectifications/${id}/follow-up`, { token: steps.supervisor, body: { inspectionId: followUp.id } }),
        409,
        'invalid-transition',
      );
      await refuses(
        stream,
        () => app.call('POST', `/rectifications/${id}/review`, { token: steps.supervisor, body: { decision: 'return', comment: '再看' } }),
        409,
        'invalid-transition',
      );
      await refuses(
        stream,
        () => app.call('POST', `/rectifications/${id}/extension-decision`, { token: steps.supervisor, body: { approve: true, reason: '同意' } }),
        409,
        'invalid-transition',
      );
    });

    it('extension requests: 409 extension-pending, then 422 extension-after-deadline, then 422 extension-not-later', async () => {
      // two acknowledged cases, due a moment from now
      const inspections = [await steps.failedInspection(['S-01']), await steps.failedInspection(['S-01'])];
      const dueAt = new Date(clock.now().getTime() + 1_500).toISOString();
      const [pending, late] = await Promise.all(
        inspections.map(async ({ kindergarten, inspection }) => {
          const issued = await app.call('POST', '/rectifications', {
            token: steps.supervisor,
            body: { kindergartenId: kindergarten.id, inspectionId: inspection.id, findingCodes: ['S-01'], deadline: { dueAt }, publish: false },
          });
          expect(issued.status).toBe(201);
          const director = steps.kindergartenToken(kindergarten.id);
          expect((await app.call('POST', `/rectifications/${issued.body.id}/acknowledgement`, { token: director })).status).toBe(200);
          return { id: issued.body.id as string, director };
        }),
      );
      const request = (issued: { id: string; director: string }, requestedDueAt: string) => () =>
        app.call('POST', `/rectifications/${issued.id}/extension-requests`, {
          token: issued.director,
          body: { requestedDueAt, reason: '需要更多时间' },
        });

      // before the deadline: not later than dueAt (equal, or earlier)
      await refuses([caseStream(late.id)], request(late, dueAt), 422, 'extension-not-later');
      await refuses([caseStream(late.id)], request(late, '2025-03-03T10:00:00+08:00'), 422, 'extension-not-later');
      expect((await request(pending, FAR)()).status).toBe(201);
      await refuses([caseStream(pending.id)], request(pending, FAR.replace('2099', '2100')), 409, 'extension-pending');

      await sleep(Math.max(0, Date.parse(dueAt) - clock.now().getTime()) + 50);
      // at or after dueAt: a pending request still answers extension-pending first
      await refuses([caseStream(pending.id)], request(pending, FAR.replace('2099', '2100')), 409, 'extension-pending');
      await refuses([caseStream(late.id)], request(late, FAR), 422, 'extension-after-deadline');
      // an earlier date is refused for the deadline before the date
      await refuses([caseStream(late.id)], request(late, '2025-03-03T10:00:00+08:00'), 422, 'extension-after-deadline');
    });

    it('409 no-pending-extension: none asked, or already decided', async () => {
      const issued = await steps.issuedCase();
      const id = issued.notice.id as string;
      const decide = (approve: boolean) => () =>
        app.call('POST', `/rectifications/${id}/extension-decision`, { token: steps.supervisor, body: { approve, reason: '决定' } });
      await refuses([caseStream(id)], decide(true), 409, 'no-pending-extension');
      expect(
        (
          await app.call('POST', `/rectifications/${id}/extension-requests`, {
            token: issued.director,
            body: { requestedDueAt: '2100-01-31T23:59:59+08:00', reason: '延期' },
          })
        ).status,
      ).toBe(201);
      expect((await decide(false)()).status).toBe(200);
      await refuses([caseStream(id)], decide(true), 409, 'no-pending-extension');
      await refuses([caseStream(id)], decide(false), 409, 'no-pending-extension');
    });

    it('reports: 409 invalid-transition, then 422 unknown-finding, then 422 finding-not-addressed', async () => {
      const issued = await steps.issuedCase({ codes: ['S-01', 'S-02'] });
      const id = issued.notice.id as string;
      const submit = (codes: string[]) => () =>
        app.call('POST', `/rectifications/${id}/reports`, { token: issued.director, body: steps.report(codes) });
      await refuses([caseStream(id)], submit(['X-99']), 409, 'invalid-transition');
      expect((await app.call('POST', `/rectifications/${id}/acknowledgement`, { token: issued.director })).status).toBe(200);
      await refuses([caseStream(id)], submit(['S-01', 'S-02', 'X-99']), 422, 'unknown-finding');
      await refuses([caseStream(id)], submit(['X-99']), 422, 'unknown-finding');
      await refuses([caseStream(id)], submit(['S-01']), 422, 'finding-not-addressed');
      await refuses([caseStream(id)], submit(['S-02', 'S-02']), 422, 'finding-not-addressed');
      expect((await submit(['S-02', 'S-01'])()).status).toBe(200);
    });

    it('422 follow-up-inspection-required: not a follow-up, not concluded, another kindergarten’s, concluded before the notice', async () => {
      const kindergarten = await steps.registerKindergarten();
      const annual = await steps.inspection(kindergarten.id, 'annual', 2025);
      await steps.finding(annual.id, 'S-01');
      await steps.conclude(annual.id, 'failed', '不合格');
      // a follow-up concluded before the notice was issued
      const before = await steps.inspection(kindergarten.id, 'follow-up');
      await steps.conclude(before.id, 'passed', '合格');
      const issued = await app.call('POST', '/rectifications', {
        token: steps.supervisor,
        body: { kindergartenId: kindergarten.id, inspectionId: annual.id, findingCodes: ['S-01'], deadline: { dueAt: FAR }, publish: false },
      });
      expect(issued.status).toBe(201);
      const id = issued.body.id as string;
      const followUp = (inspectionId: string) => () =>
        app.call('POST', `/rectifications/${id}/follow-up`, { token: steps.supervisor, body: { inspectionId } });
      // too early while the report is owed and the case not overdue, whatever the inspection cited
      await refuses([caseStream(id)], followUp(freshId('none')), 409, 'follow-up-too-early');
      const director = steps.kindergartenToken(kindergarten.id);
      expect((await app.call('POST', `/rectifications/${id}/acknowledgement`, { token: director })).status).toBe(200);
      expect((await app.call('POST', `/rectifications/${id}/reports`, { token: director, body: steps.report(['S-01']) })).status).toBe(200);

      await refuses([caseStream(id)], followUp(before.id), 422, 'follow-up-inspection-required');
      await refuses([caseStream(id)], followUp(annual.id), 422, 'follow-up-inspection-required');
      const safety = await steps.inspection(kindergarten.id, 'safety');
      await steps.conclude(safety.id, 'passed', '合格');
      await refuses([caseStream(id)], followUp(safety.id), 422, 'follow-up-inspection-required');
      const scheduled = await steps.inspection(kindergarten.id, 'follow-up');
      await refuses([caseStream(id)], followUp(scheduled.id), 422, 'follow-up-inspection-required');
      const other = await steps.registerKindergarten();
      const othersFollowUp = await steps.inspection(other.id, 'follow-up');
      await steps.conclude(othersFollowUp.id, 'passed', '合格');
      await refuses([caseStream(id)], followUp(othersFollowUp.id), 422, 'follow-up-inspection-required');

      await refuses([caseStream(id)], followUp(freshId('none')), 422, 'unknown-inspection');
      // the right one closes the case
      await steps.conclude(scheduled.id, 'passed', '复查合格');
      expect((await followUp(scheduled.id)()).body).toMatchObject({ status: 'closed' });
    });

    it('404 not-found for a case that does not exist: GET and every command', async () => {
      const id = `rc-${freshId('none')}`;
      const director = steps.kindergartenToken(freshId('kg'));
      const streams = [caseStream(id)];
      await refuses(streams, () => app.call('GET', `/rectifications/${id}`, { token: steps.supervisor }), 404, 'not-found');
      const commands: Array<[string, string, unknown]> = [
        [director, 'acknowledgement', undefined],
        [director, 'extension-requests', { requestedDueAt: FAR, reason: '延期' }],
        [steps.supervisor, 'extension-decision', { approve: true, reason: '同意' }],
        [director, 'reports', steps.report(['S-01'])],
        [steps.supervisor, 'review', { decision: 'accept', comment: '好' }],
        [steps.supervisor, 'follow-up', { inspectionId: freshId('none') }],
      ];
      for (const [token, command, body] of commands) {
        await refuses(streams, () => app.call('POST', `/rectifications/${id}/${command}`, { token, body }), 404, 'not-found');
      }
    });
  });

  describe('the order of the checks: auth, role, body size, validation, existence, If-Match, business rules', () => {
    const huge = { id: 'kg-huge', name: 'x'.repeat(2 * 1024 * 1024), township: '城关镇', ownership: 'public' };

    it('no token and a body over 1 MiB: 401, not 413', async () => {
      await refuses([kgStream('kg-huge')], () => app.call('POST', '/kindergartens', { body: huge }), 401, 'unauthenticated');
    });

    it('a role that may not and a body over 1 MiB: 403; the right role: 413', async () => {
      await refuses([kgStream('kg-huge')], () => app.call('POST', '/kindergartens', { token: steps.supervisor, body: huge }), 403, 'forbidden');
      await refuses([kgStream('kg-huge')], () => app.call('POST', '/kindergartens', { token: steps.admin, body: huge }), 413, 'payload-too-large');
      // too large and not even JSON: the size comes first
      await refuses(
        [kgStream('kg-huge')],
        () =>
          app.call('POST', '/kindergartens', {
            token: steps.admin,
            raw: `{${'x'.repeat(1024 * 1024 + 10)}`,
            headers: { 'content-type': 'application/json' },
          }),
        413,
        'payload-too-large',
      );
    });

    it('a role that may not and an invalid body: 403, not 400', async () => {
      const issued = await steps.issuedCase();
      await refuses([], () => app.call('POST', '/kindergartens', { token: steps.supervisor, body: { id: 'X' } }), 403, 'forbidden');
      await refuses([], () => app.call('POST', '/inspections', { token: issued.director, body: { kind: 'weekly' } }), 403, 'forbidden');
      await refuses(
        [caseStream(issued.notice.id)],
        () => app.call('POST', `/rectifications/${issued.notice.id}/review`, { token: issued.director, body: { decision: 'maybe' } }),
        403,
        'forbidden',
      );
      await refuses(
        [caseStream(issued.notice.id)],
        () =>
          app.call('POST', `/rectifications/${issued.notice.id}/reports`, {
            token: steps.supervisor,
            raw: '{not json',
            headers: { 'content-type': 'application/json' },
          }),
        403,
        'forbidden',
      );
    });

    it('an invalid body on a resource that does not exist: 400, not 404', async () => {
      const missing = freshId('none');
      const cases: Array<[string, string, string, unknown]> = [
        [steps.supervisor, 'POST', `/rectifications/rc-${missing}/review`, { decision: 'maybe', comment: '?' }],
        [steps.supervisor, 'POST', `/rectifications/rc-${missing}/follow-up`, {}],
        [steps.kindergartenToken(missing), 'POST', `/rectifications/rc-${missing}/reports`, { summary: '', actions: [] }],
        [steps.kindergartenToken(missing), 'PUT', `/kindergartens/${missing}/disclosure`, { teachers: -1 }],
        [steps.supervisor, 'POST', `/inspections/${missing}/findings`, { code: '', description: 'x', severity: 'huge' }],
        [
          steps.supervisor,
          'POST',
          `/kindergartens/${missing}/enrolment/suspension`,
          { rectificationId: 'x', effectiveFrom: '2025-02-30', reason: '理由' },
        ],
      ];
      for (const [token, method, path, body] of cases) {
        const reply = await refuses(
          [caseStream(`rc-${missing}`), kgStream(missing), inspectionStream(missing)],
          () => app.call(method, path, { token, body }),
          400,
          'validation-failed',
        );
        expect(reply.body.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: expect.any(String), message: expect.any(String) })]),
        );
      }
    });

    it('a stale If-Match on a resource that does not exist: 404, not 412', async () => {
      const missing = freshId('none');
      // the harness's directory entry for the token is written before the measure starts
      const director = steps.kindergartenToken(missing);
      await refuses(
        [caseStream(`rc-${missing}`)],
        () =>
          app.call('POST', `/rectifications/rc-${missing}/acknowledgement`, {
            token: director,
            headers: { 'if-match': '"3"' },
          }),
        404,
        'not-found',
      );
      await refuses(
        [caseStream(`rc-${missing}`)],
        () =>
          app.call('POST', `/rectifications/rc-${missing}/review`, {
            token: steps.supervisor,
            headers: { 'if-match': '"3"' },
            body: { decision: 'accept', comment: '好' },
          }),
        404,
        'not-found',
      );
      await refuses(
        [inspectionStream(missing)],
        () =>
          app.call('POST', `/inspections/${missing}/conclusion`, {
            token: steps.supervisor,
            headers: { 'if-match': '"3"' },
            body: { outcome: 'passed', summary: '合格' },
          }),
        404,
        'not-found',
      );
      await refuses(
        [enrolmentStream(missing)],
        () =>
          app.call('POST', `/kindergartens/${missing}/enrolment/reinstatement`, {
            token: steps.supervisor,
            headers: { 'if-match': '"3"' },
            body: { inspectionId: 'x', reason: '恢复' },
          }),
        404,
        'not-found',
      );
    });

    it('a stale If-Match on a case whose command would also be refused: 412, not 409 or 422', async () => {
      const issued = await acknowledgedCase();
      const id = issued.notice.id as string;
      await refuses(
        [caseStream(id)],
        () => app.call('POST', `/rectifications/${id}/acknowledgement`, { token: issued.director, headers: { 'if-match': '"1"' } }),
        412,
        'version-mismatch',
      );
      await refuses(
        [caseStream(id)],
        () =>
          app.call('POST', `/rectifications/${id}/reports`, { token: issued.director, headers: { 'if-match': '"1"' }, body: steps.report(['X-99']) }),
        412,
        'version-mismatch',
      );
      await refuses(
        [caseStream(id)],
        () =>
          app.call('POST', `/rectifications/${id}/extension-decision`, {
            token: steps.supervisor,
            headers: { 'if-match': '"1"' },
            body: { approve: true, reason: '同意' },
          }),
        412,
        'version-mismatch',
      );
      // a concluded inspection and a suspension from the past, with stale versions
      await refuses(
        [inspectionStream(issued.inspection.id)],
        () =>
          app.call('POST', `/inspections/${issued.inspection.id}/findings`, {
            token: steps.supervisor,
            headers: { 'if-match': '"2"' },
            body: { code: 'S-01', description: '重复', severity: 'minor' },
          }),
        412,
        'version-mismatch',
      );
      await refuses(
        [enrolmentStream(issued.kindergarten.id)],
        () =>
          app.call('POST', `/kindergartens/${issued.kindergarten.id}/enrolment/suspension`, {
            token: steps.supervisor,
            headers: { 'if-match': '"1"' },
            body: { rectificationId: id, effectiveFrom: '2025-03-01', reason: '暂停' },
          }),
        412,
        'version-mismatch',
      );
    });
  });

  describe('calendar-unavailable (engine clock on 1 December 2026)', () => {
    let late: TestApp;
    let lateSteps: ReturnType<typeof workflow>;

    beforeAll(async () => {
      late = await startTestApp(kind, {}, { clock: new ShiftedClock(LATE_2026) });
      lateSteps = workflow(late);
    });

    afterAll(async () => {
      await late?.close();
    });

    it('422 calendar-unavailable when a counted working day falls in 2027; rectification-exists comes first', async () => {
      const refusesLate = refusal(late);
      const { kindergarten, inspection } = await lateSteps.failedInspection(['S-01']);
      const body = {
        kindergartenId: kindergarten.id,
        inspectionId: inspection.id,
        findingCodes: ['S-01'],
        deadline: { workingDays: 90 },
        publish: true,
      };
      await refusesLate(
        [caseStream(`rc-${inspection.id}`)],
        () => late.call('POST', '/rectifications', { token: lateSteps.supervisor, body }),
        422,
        'calendar-unavailable',
      );
      expectProblem(
        await late.call('GET', '/calendar/deadline?from=2026-12-01&workingDays=90', { token: lateSteps.supervisor }),
        422,
        'calendar-unavailable',
      );

      // within 2026 the same notice can be issued
      const issued = await late.call('POST', '/rectifications', { token: lateSteps.supervisor, body: { ...body, deadline: { workingDays: 10 } } });
      expect(issued).toMatchObject({ status: 201, body: { dueAt: '2026-12-15T23:59:59.999+08:00' } });
      await refusesLate(
        [caseStream(issued.body.id)],
        () => late.call('POST', '/rectifications', { token: lateSteps.supervisor, body }),
        409,
        'rectification-exists',
      );
    });
  });
});
