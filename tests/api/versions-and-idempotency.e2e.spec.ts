import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ShiftedClock } from '@app/config';
import { freshId, startTestApp, type Reply, type StoreKind, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

// Monday 3 March 2025, 10:00 in Shanghai.
const START = new Date('2025-03-03T02:00:00Z');

const expectProblem = (reply: Reply, status: number, code: string): void => {
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
};

describe.each<StoreKind>(['pglite', 'postgres'])('versions, If-Match and Idempotency-Key over HTTP (%s)', (kind) => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;

  beforeAll(async () => {
    app = await startTestApp(kind, {}, { clock: new ShiftedClock(START) });
    steps = workflow(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  /** What the store holds of these streams, and the head of the global log. */
  const record = async (...streams: string[]) => ({
    head: await app.store.headPosition(),
    streams: await Promise.all(
      streams.map(async (streamId) => ({
        streamId,
        version: await app.store.streamVersion(streamId),
        events: (await app.store.readStream(streamId)).map((event) => `${event.version}:${event.type}`),
      })),
    ),
  });

  /** The reply's ETag is its body's version and the stream's. */
  const expectVersion = async (reply: Reply, streamId: string, version: number) => {
    expect(reply.body.version).toBe(version);
    expect(reply.headers.get('etag')).toBe(`"${version}"`);
    expect(await app.store.streamVersion(streamId)).toBe(version);
  };

  describe('ETag and If-Match', () => {
    it('every aggregate resource returns ETag: "<version>", on GET and on each command', async () => {
      const registered = await app.call('POST', '/kindergartens', {
        token: steps.admin,
        body: { id: freshId('kg'), name: '版本幼儿园', township: '城关镇', ownership: 'public' },
      });
      const kindergartenId = registered.body.id as string;
      const kgStream = `kindergarten-${kindergartenId}`;
      await expectVersion(registered, kgStream, 1);
      await expectVersion(await app.call('GET', `/kindergartens/${kindergartenId}`, { token: steps.admin }), kgStream, 1);
      const director = steps.kindergartenToken(kindergartenId);
      const disclosed = await app.call('PUT', `/kindergartens/${kindergartenId}/disclosure`, {
        token: director,
        body: { teachers: 12, caregivers: 4, children: 150, monthlyFeeYuan: 480.5 },
      });
      await expectVersion(disclosed, kgStream, 2);
      await expectVersion(await app.call('GET', `/kindergartens/${kindergartenId}`, { token: director }), kgStream, 2);

      const scheduled = await app.call('POST', '/inspections', {
        token: steps.supervisor,
        body: { kindergartenId, kind: 'annual', year: 2025, scheduledOn: '2025-03-03' },
      });
      const inspectionId = scheduled.body.id as string;
      const inspectionStream = `inspection-${inspectionId}`;
      await expectVersion(scheduled, inspectionStream, 1);
      await expectVersion(
        await steps.finding(inspectionId, 'S-01').then(() => app.call('GET', `/inspections/${inspectionId}`, { token: steps.supervisor })),
        inspectionStream,
        2,
      );
      const finding = await app.call('POST', `/inspections/${inspectionId}/findings`, {
        token: steps.supervisor,
        body: { code: 'S-02', description: '晨检记录不全', severity: 'minor' },
      });
      await expectVersion(finding, inspectionStream, 3);
      const concluded = await app.call('POST', `/inspections/${inspectionId}/conclusion`, {
        token: steps.supervisor,
        body: { outcome: 'failed', summary: '整改' },
      });
      await expectVersion(concluded, inspectionStream, 4);
      await expectVersion(await app.call('GET', `/inspections/${inspectionId}`, { token: director }), inspectionStream, 4);

      const issued = await app.call('POST', '/rectifications', {
        token: steps.supervisor,
        body: { kindergartenId, inspectionId, findingCodes: ['S-01', 'S-02'], deadline: { workingDays: 10 }, publish: false },
      });
      const caseId = issued.body.id as string;
      const caseStream = `rectification-${caseId}`;
      await expectVersion(issued, caseStream, 1);
      const path = `/rectifications/${caseId}`;
      await expectVersion(await app.call('POST', `${path}/acknowledgement`, { token: director }), caseStream, 2);
      await expectVersion(
        await app.call('POST', `${path}/extension-requests`, {
          token: director,
          body: { requestedDueAt: '2025-04-30T23:59:59+08:00', reason: '施工' },
        }),
        caseStream,
        3,
      );
      await expectVersion(
        await app.call('POST', `${path}/extension-decision`, { token: steps.supervisor, body: { approve: true, reason: '同意' } }),
        caseStream,
        4,
      );
      await expectVersion(await app.call('POST', `${path}/reports`, { token: director, body: steps.report(['S-01', 'S-02']) }), caseStream, 5);
      await expectVersion(
        await app.call('POST', `${path}/review`, { token: steps.supervisor, body: { decision: 'return', comment: '补充' } }),
        caseStream,
        6,
      );
      await expectVersion(await app.call('GET', path, { token: director }), caseStream, 6);
      await expectVersion(await app.call('GET', path, { token: app.token('auditor') }), caseStream, 6);
    });

    it('a stale If-Match answers 412 version-mismatch and writes nothing; the current one succeeds', async () => {
      const { kindergarten, notice, director, codes } = await steps.issuedCase();
      const kindergartenId = kindergarten.id as string;
      const caseId = notice.id as string;
      const supervisor = steps.supervisor;

      /** Sends the command with a stale version (412, nothing written), then with the current one. */
      const pinned = async (streamId: string, method: string, path: string, token: string, body: unknown, expected = 200) => {
        const current = await app.store.streamVersion(streamId);
        for (const stale of [current - 1, current + 1, current + 100].filter((version) => version >= 0)) {
          const before = await record(streamId);
          const reply = await app.call(method, path, { token, body, headers: { 'if-match': `"${stale}"` } });
          expectProblem(reply, 412, 'version-mismatch');
          expect(await record(streamId)).toEqual(before);
        }
        const reply = await app.call(method, path, { token, body, headers: { 'if-match': `"${current}"` } });
        expect(reply.status).toBe(expected);
        expect(await app.store.streamVersion(streamId)).toBe(current + 1);
        return reply;
      };

      const kgStream = `kindergarten-${kindergartenId}`;
      await pinned(kgStream, 'PUT', `/kindergartens/${kindergartenId}/disclosure`, director, {
        teachers: 1,
        caregivers: 1,
        children: 9,
        monthlyFeeYuan: 0,
      });

      const safety = await steps.inspection(kindergartenId, 'safety');
      const safetyStream = `inspection-${safety.id}`;
      await pinned(
        safetyStream,
        'POST',
        `/inspections/${safety.id}/findings`,
        supervisor,
        { code: 'F-1', description: '灭火器过期', severity: 'major' },
        201,
      );
      await pinned(safetyStream, 'POST', `/inspections/${safety.id}/conclusion`, supervisor, { outcome: 'failed', summary: '不合格' });

      const caseStream = `rectification-${caseId}`;
      const path = `/rectifications/${caseId}`;
      await pinned(caseStream, 'POST', `${path}/acknowledgement`, director, undefined);
      await pinned(caseStream, 'POST', `${path}/extension-requests`, director, { requestedDueAt: '2100-06-30T23:59:59+08:00', reason: '施工' }, 201);
      await pinned(caseStream, 'POST', `${path}/extension-decision`, supervisor, { approve: false, reason: '不同意' });
      await pinned(caseStream, 'POST', `${path}/reports`, director, steps.report(codes));
      await pinned(caseStream, 'POST', `${path}/review`, supervisor, { decision: 'return', comment: '补充' });
      await pinned(caseStream, 'POST', `${path}/reports`, director, steps.report(codes));
      const followUp = await steps.inspection(kindergartenId, 'follow-up');
      await steps.finding(followUp.id, 'S-01');
      await steps.conclude(followUp.id, 'failed', '复查不合格');
      await pinned(caseStream, 'POST', `${path}/follow-up`, supervisor, { inspectionId: followUp.id });

      const enrolmentStream = `enrolment-${kindergartenId}`;
      await pinned(enrolmentStream, 'POST', `/kindergartens/${kindergartenId}/enrolment/suspension-notice`, supervisor, {
        rectificationId: caseId,
        facts: '复查仍不达标',
        basis: '清政发〔2023〕52号',
        proposedFrom: '2025-03-10',
      });
      await pinned(enrolmentStream, 'POST', `/kindergartens/${kindergartenId}/enrolment/statement`, director, { waive: true });
      const suspended = await pinned(enrolmentStream, 'POST', `/kindergartens/${kindergartenId}/enrolment/suspension`, supervisor, {
        decision: 'suspend',
        effectiveFrom: '2025-03-10',
        reason: '暂停招生',
      });
      expect(suspended.body).toMatchObject({ enrolmentStatus: 'suspended', enrolmentVersion: 3 });
      const passed = await steps.inspection(kindergartenId, 'follow-up');
      await steps.conclude(passed.id, 'passed', '复查合格');
      const reinstated = await pinned(enrolmentStream, 'POST', `/kindergartens/${kindergartenId}/enrolment/reinstatement`, supervisor, {
        inspectionId: passed.id,
        reason: '恢复招生',
      });
      expect(reinstated.body).toMatchObject({ enrolmentStatus: 'open', enrolmentVersion: 4 });
    });

    it('a malformed If-Match answers 400 validation-failed and writes nothing', async () => {
      const { notice, director, kindergarten } = await steps.issuedCase();
      const caseStream = `rectification-${notice.id}`;
      for (const ifMatch of ['1', "'1'", '"one"', '"1', '"-1"', '"1.0"', '""']) {
        const before = await record(caseStream, `kindergarten-${kindergarten.id}`);
        const reply = await app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director, headers: { 'if-match': ifMatch } });
        try {
          expectProblem(reply, 400, 'validation-failed');
        } catch (error) {
          throw new Error(`If-Match ${ifMatch}: ${(error as Error).message}`);
        }
        const disclosure = await app.call('PUT', `/kindergartens/${kindergarten.id}/disclosure`, {
          token: director,
          headers: { 'if-match': ifMatch },
          body: { teachers: 1, caregivers: 1, children: 9, monthlyFeeYuan: 0 },
        });
        expectProblem(disclosure, 400, 'validation-failed');
        expect(await record(caseStream, `kindergarten-${kindergarten.id}`)).toEqual(before);
      }
      expect(
        (await app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director, headers: { 'if-match': '"1"' } })).status,
      ).toBe(200);
    });

    it('suspension and reinstatement check If-Match against enrolmentVersion, not the kindergarten’s version', async () => {
      const { kindergarten, notice, director } = await steps.submittedCase();
      const kindergartenId = kindergarten.id as string;
      const supervisor = steps.supervisor;
      // the kindergarten moves to version 2; its enrolment stream is still empty
      await app.call('PUT', `/kindergartens/${kindergartenId}/disclosure`, {
        token: director,
        body: { teachers: 1, caregivers: 1, children: 9, monthlyFeeYuan: 0 },
      });
      const followUp = await steps.inspection(kindergartenId, 'follow-up');
      await steps.finding(followUp.id, 'S-01');
      await steps.conclude(followUp.id, 'failed', '复查不合格');
      expect(
        (await app.call('POST', `/rectifications/${notice.id}/follow-up`, { token: supervisor, body: { inspectionId: followUp.id } })).status,
      ).toBe(200);
      const view = await app.call('GET', `/kindergartens/${kindergartenId}`, { token: supervisor });
      expect(view).toMatchObject({ body: { version: 2, enrolmentVersion: 0 } });
      expect(view.headers.get('etag')).toBe('"2"');

      const proposal = { rectificationId: notice.id, facts: '复查仍不达标', basis: '清政发〔2023〕52号', proposedFrom: '2025-03-10' };
      const streams = [`enrolment-${kindergartenId}`, `kindergarten-${kindergartenId}`];
      let before = await record(...streams);
      expectProblem(
        await app.call('POST', `/kindergartens/${kindergartenId}/enrolment/suspension-notice`, {
          token: supervisor,
          body: proposal,
          headers: { 'if-match': '"2"' },
        }),
        412,
        'version-mismatch',
      );
      expect(await record(...streams)).toEqual(before);
      const proposed = await app.call('POST', `/kindergartens/${kindergartenId}/enrolment/suspension-notice`, {
        token: supervisor,
        body: proposal,
        headers: { 'if-match': '"0"' },
      });
      expect(proposed).toMatchObject({ status: 200, body: { enrolmentStatus: 'open', enrolmentVersion: 1, version: 2 } });
      expect(proposed.headers.get('etag')).toBe('"2"');
      await app.call('POST', `/kindergartens/${kindergartenId}/enrolment/statement`, { token: director, body: { waive: true } });
      const suspended = await app.call('POST', `/kindergartens/${kindergartenId}/enrolment/suspension`, {
        token: supervisor,
        body: { decision: 'suspend', effectiveFrom: '2025-03-10', reason: '暂停招生' },
        headers: { 'if-match': '"2"' },
      });
      expect(suspended).toMatchObject({ status: 200, body: { enrolmentStatus: 'suspended', enrolmentVersion: 3, version: 2 } });

      const passed = await steps.inspection(kindergartenId, 'follow-up');
      await steps.conclude(passed.id, 'passed', '复查合格');
      const reinstatement = { inspectionId: passed.id, reason: '恢复招生' };
      before = await record(...streams);
      for (const stale of ['"2"', '"4"']) {
        expectProblem(
          await app.call('POST', `/kindergartens/${kindergartenId}/enrolment/reinstatement`, {
            token: supervisor,
            body: reinstatement,
            headers: { 'if-match': stale },
          }),
          412,
          'version-mismatch',
        );
      }
      expect(await record(...streams)).toEqual(before);
      const reinstated = await app.call('POST', `/kindergartens/${kindergartenId}/enrolment/reinstatement`, {
        token: supervisor,
        body: reinstatement,
        headers: { 'if-match': '"3"' },
      });
      expect(reinstated).toMatchObject({ status: 200, body: { enrolmentStatus: 'open', enrolmentVersion: 4, version: 2 } });
    });
  });

  describe('Idempotency-Key', () => {
    const expectReplay = (replay: Reply, first: Reply) => {
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.status).toBe(first.status);
      expect(replay.body).toEqual(first.body);
      expect(replay.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(replay.headers.get('location')).toBe(first.headers.get('location'));
    };

    it('the same key with a JSON-equal body replays the first response (status, body, ETag, Location) and writes nothing', async () => {
      const key = `register-${freshId('key')}`;
      const id = freshId('kg');
      const first = await app.call('POST', '/kindergartens', {
        token: steps.admin,
        headers: { 'idempotency-key': key },
        body: { id, name: '幂等幼儿园', township: '城关镇', ownership: 'public' },
      });
      expect(first.status).toBe(201);
      expect(first.headers.get('location')).toBe(`/api/v1/kindergartens/${id}`);
      const before = await record(`kindergarten-${id}`);
      const replay = await app.call('POST', '/kindergartens', {
        token: steps.admin,
        headers: { 'idempotency-key': key, 'content-type': 'application/json' },
        raw: `{ "ownership": "public",\n  "township": "城关镇", "name": "\\u5e42\\u7b49幼儿园", "id": "${id}" }`,
      });
      expectReplay(replay, first);
      expect(await record(`kindergarten-${id}`)).toEqual(before);

      // the first response, even after the kindergarten has moved on
      await app.call('PUT', `/kindergartens/${id}/disclosure`, {
        token: steps.kindergartenToken(id),
        body: { teachers: 1, caregivers: 1, children: 9, monthlyFeeYuan: 0 },
      });
      const later = await app.call('POST', '/kindergartens', {
        token: steps.admin,
        headers: { 'idempotency-key': key },
        body: { township: '城关镇', id, ownership: 'public', name: '幂等幼儿园' },
      });
      expectReplay(later, first);
      expect(later.headers.get('etag')).toBe('"1"');
    });

    it('replays nested bodies, 200 commands, bodiless commands and PUT too', async () => {
      const { kindergarten, inspection, codes } = await steps.failedInspection(['S-01', 'S-02']);
      const key = freshId('key');
      const body = {
        kindergartenId: kindergarten.id,
        inspectionId: inspection.id,
        findingCodes: codes,
        deadline: { workingDays: 10 },
        publish: true,
      };
      const first = await app.call('POST', '/rectifications', { token: steps.supervisor, headers: { 'idempotency-key': key }, body });
      expect(first.status).toBe(201);
      const caseId = first.body.id as string;
      const caseStream = `rectification-${caseId}`;
      let before = await record(caseStream);
      const replay = await app.call('POST', '/rectifications', {
        token: steps.supervisor,
        headers: { 'idempotency-key': key },
        body: { publish: true, deadline: { workingDays: 10 }, findingCodes: codes, inspectionId: inspection.id, kindergartenId: kindergarten.id },
      });
      expectReplay(replay, first);
      expect(await record(caseStream)).toEqual(before);

      const director = steps.kindergartenToken(kindergarten.id);
      const ackKey = freshId('ack');
      const acknowledged = await app.call('POST', `/rectifications/${caseId}/acknowledgement`, {
        token: director,
        headers: { 'idempotency-key': ackKey },
      });
      expect(acknowledged).toMatchObject({ status: 200, body: { status: 'acknowledged', version: 2 } });
      before = await record(caseStream);
      expectReplay(
        await app.call('POST', `/rectifications/${caseId}/acknowledgement`, { token: director, headers: { 'idempotency-key': ackKey } }),
        acknowledged,
      );
      expect(await record(caseStream)).toEqual(before);

      const reportKey = freshId('report');
      const report = steps.report(codes);
      const submitted = await app.call('POST', `/rectifications/${caseId}/reports`, {
        token: director,
        headers: { 'idempotency-key': reportKey },
        body: report,
      });
      expect(submitted.status).toBe(200);
      before = await record(caseStream);
      const reordered = {
        evidence: report.evidence.map(({ sizeBytes, sha256, name }) => ({ sizeBytes, sha256, name })),
        actions: report.actions.map(({ action, findingCode }) => ({ action, findingCode })),
        summary: report.summary,
      };
      expectReplay(
        await app.call('POST', `/rectifications/${caseId}/reports`, { token: director, headers: { 'idempotency-key': reportKey }, body: reordered }),
        submitted,
      );
      expect(await record(caseStream)).toEqual(before);

      const disclosureKey = freshId('disclosure');
      const kgStream = `kindergarten-${kindergarten.id}`;
      const disclosed = await app.call('PUT', `/kindergartens/${kindergarten.id}/disclosure`, {
        token: director,
        headers: { 'idempotency-key': disclosureKey },
        body: { teachers: 8, caregivers: 3, children: 90, monthlyFeeYuan: 350.5, notes: '备注' },
      });
      expect(disclosed).toMatchObject({ status: 200, body: { version: 2 } });
      before = await record(kgStream);
      expectReplay(
        await app.call('PUT', `/kindergartens/${kindergarten.id}/disclosure`, {
          token: director,
          headers: { 'idempotency-key': disclosureKey },
          body: { notes: '备注', monthlyFeeYuan: 350.5, children: 90, caregivers: 3, teachers: 8 },
        }),
        disclosed,
      );
      expect(await record(kgStream)).toEqual(before);
    });

    it('the same key with another body answers 422 idempotency-key-reused and writes nothing', async () => {
      const key = freshId('key');
      const id = freshId('kg');
      const body = { id, name: '幼儿园甲', township: '城关镇', ownership: 'public' };
      expect((await app.call('POST', '/kindergartens', { token: steps.admin, headers: { 'idempotency-key': key }, body })).status).toBe(201);
      const other = freshId('kg');
      for (const changed of [
        { ...body, name: '幼儿园乙' },
        { ...body, id: other },
      ]) {
        const before = await record(`kindergarten-${id}`, `kindergarten-${other}`);
        expectProblem(
          await app.call('POST', '/kindergartens', { token: steps.admin, headers: { 'idempotency-key': key }, body: changed }),
          422,
          'idempotency-key-reused',
        );
        expect(await record(`kindergarten-${id}`, `kindergarten-${other}`)).toEqual(before);
      }

      const { notice } = await steps.issuedCase();
      const reviewKey = freshId('review');
      const path = `/rectifications/${notice.id}/extension-decision`;
      // refused (no pending extension): not stored, so another body is simply another attempt
      expectProblem(
        await app.call('POST', path, { token: steps.supervisor, headers: { 'idempotency-key': reviewKey }, body: { approve: true, reason: '同意' } }),
        409,
        'no-pending-extension',
      );
      expectProblem(
        await app.call('POST', path, {
          token: steps.supervisor,
          headers: { 'idempotency-key': reviewKey },
          body: { approve: false, reason: '不同意' },
        }),
        409,
        'no-pending-extension',
      );
    });

    it('keys are scoped per user', async () => {
      const key = freshId('shared');
      const li = app.token('admin', { sub: 'admin-li' });
      const zhang = app.token('admin', { sub: 'admin-zhang' });
      const id = freshId('kg');
      const body = { id, name: '共享键幼儿园', township: '城关镇', ownership: 'public' };
      expect((await app.call('POST', '/kindergartens', { token: li, headers: { 'idempotency-key': key }, body })).status).toBe(201);
      // another user, the same key and body: executed, not replayed (and so refused: the kindergarten exists)
      const same = await app.call('POST', '/kindergartens', { token: zhang, headers: { 'idempotency-key': key }, body });
      expectProblem(same, 409, 'kindergarten-exists');
      expect(same.headers.get('idempotent-replayed')).toBeNull();
      // another user, the same key, another body: executed, not 422
      const otherId = freshId('kg');
      const otherBody = { ...body, id: otherId, name: `共享键幼儿园 ${otherId}` };
      const other = await app.call('POST', '/kindergartens', { token: zhang, headers: { 'idempotency-key': key }, body: otherBody });
      expect(other).toMatchObject({ status: 201, body: { id: otherId } });
      expect(other.headers.get('idempotent-replayed')).toBeNull();
      // each user's key replays their own response
      expectReplay(
        await app.call('POST', '/kindergartens', { token: zhang, headers: { 'idempotency-key': key }, body: otherBody }),
        other,
      );
      expect((await app.call('POST', '/kindergartens', { token: li, headers: { 'idempotency-key': key }, body })).body).toMatchObject({ id });
    });

    it('keys are scoped per principal: the same user id acting for another kindergarten is not replayed the first one’s answer', async () => {
      const kindergarten = await steps.registerKindergarten();
      const other = await steps.registerKindergarten();
      const key = freshId('tenant');
      const path = `/kindergartens/${kindergarten.id}/disclosure`;
      const body = { teachers: 3, caregivers: 2, children: 40, monthlyFeeYuan: 800 };
      const own = app.token('kindergarten', { sub: 'director-shared', kindergartenId: kindergarten.id });
      const first = await app.call('PUT', path, { token: own, headers: { 'idempotency-key': key }, body });
      expect(first.status).toBe(200);
      // the same sub, key, path and body, but the principal acts for another kindergarten (the directory moved the
      // user there: its earlier tokens no longer agree with it): run (and refused), not replayed. The harness's move
      // of the user is in the log before the measure starts: it is not what this test measures.
      const elsewhere = app.token('kindergarten', { sub: 'director-shared', kindergartenId: other.id });
      const before = await record(`kindergarten-${kindergarten.id}`, `kindergarten-${other.id}`);
      const foreign = await app.call('PUT', path, { token: elsewhere, headers: { 'idempotency-key': key }, body });
      expect(foreign.headers.get('idempotent-replayed')).toBeNull();
      expect(foreign.status).toBe(404);
      expect(foreign.body).not.toMatchObject({ id: kindergarten.id });
      expect(await record(`kindergarten-${kindergarten.id}`, `kindergarten-${other.id}`)).toEqual(before);
      // the first principal still gets its own answer (the directory moves the user back to its kindergarten)
      const back = app.token('kindergarten', { sub: 'director-shared', kindergartenId: kindergarten.id });
      expectReplay(await app.call('PUT', path, { token: back, headers: { 'idempotency-key': key }, body }), first);
    });

    it('a replay is the first answer byte for byte: the same text, members in the same order', async () => {
      const key = freshId('bytes');
      const id = freshId('kg');
      const send = () =>
        fetch(`${app.url}/kindergartens`, {
          method: 'POST',
          headers: { authorization: `Bearer ${steps.admin}`, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ id, name: '逐字节幼儿园', township: '城关镇', ownership: 'public' }),
        });
      const first = await send();
      const firstText = await first.text();
      expect(first.status).toBe(201);
      // members whose order a JSON column would change (it sorts them by length): the replay keeps the first order
      expect(Object.keys(JSON.parse(firstText) as object)).not.toEqual(Object.keys(JSON.parse(firstText) as object).sort((a, b) => a.length - b.length));
      const replay = await send();
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.status).toBe(201);
      expect(replay.headers.get('content-type')).toBe(first.headers.get('content-type'));
      expect(await replay.text()).toBe(firstText);
    });

    it('keys are scoped per path', async () => {
      const kindergarten = await steps.registerKindergarten();
      const key = freshId('path');
      const scheduleBody = { kindergartenId: kindergarten.id, kind: 'safety', year: 2025, scheduledOn: '2025-03-03' };
      const scheduled = await app.call('POST', '/inspections', { token: steps.supervisor, headers: { 'idempotency-key': key }, body: scheduleBody });
      expect(scheduled.status).toBe(201);
      const inspectionId = scheduled.body.id as string;
      // the same key on another path, with another body: a new request
      const finding = await app.call('POST', `/inspections/${inspectionId}/findings`, {
        token: steps.supervisor,
        headers: { 'idempotency-key': key },
        body: { code: 'F-1', description: '问题', severity: 'minor' },
      });
      expect(finding).toMatchObject({ status: 201, body: { version: 2 } });
      expect(finding.headers.get('idempotent-replayed')).toBeNull();
      const conclusion = await app.call('POST', `/inspections/${inspectionId}/conclusion`, {
        token: steps.supervisor,
        headers: { 'idempotency-key': key },
        body: { outcome: 'failed', summary: '不合格' },
      });
      expect(conclusion).toMatchObject({ status: 200, body: { version: 3, outcome: 'failed' } });
      // and each path still replays its own
      const before = await record(`inspection-${inspectionId}`);
      expectReplay(
        await app.call('POST', '/inspections', { token: steps.supervisor, headers: { 'idempotency-key': key }, body: scheduleBody }),
        scheduled,
      );
      expectReplay(
        await app.call('POST', `/inspections/${inspectionId}/findings`, {
          token: steps.supervisor,
          headers: { 'idempotency-key': key },
          body: { severity: 'minor', description: '问题', code: 'F-1' },
        }),
        finding,
      );
      expect(await record(`inspection-${inspectionId}`)).toEqual(before);
    });

    it('an invalid key answers 400 validation-failed and writes nothing', async () => {
      for (const key of ['k'.repeat(256), 'with space', 'tab\there', 'é-accent']) {
        const id = freshId('kg');
        const before = await record(`kindergarten-${id}`);
        const reply = await app.call('POST', '/kindergartens', {
          token: steps.admin,
          headers: { 'idempotency-key': key },
          body: { id, name: '幼儿园', township: '城关镇', ownership: 'public' },
        });
        try {
          expectProblem(reply, 400, 'validation-failed');
        } catch (error) {
          throw new Error(`Idempotency-Key ${JSON.stringify(key)}: ${(error as Error).message}`);
        }
        expect(await record(`kindergarten-${id}`)).toEqual(before);
      }
      // 255 visible ASCII characters are fine
      const longest = `${'!~'.repeat(127)}K`;
      const accepted = await app.call('POST', '/kindergartens', {
        token: steps.admin,
        headers: { 'idempotency-key': longest },
        body: { id: freshId('kg'), name: '幼儿园', township: '城关镇', ownership: 'public' },
      });
      expect(accepted.status).toBe(201);
    });

    it('a request that failed is not stored: the same key runs again once the cause is fixed', async () => {
      const { notice, director, codes } = await steps.issuedCase();
      const path = `/rectifications/${notice.id}/reports`;
      const key = freshId('retry');
      const report = steps.report(codes);
      // 409: not acknowledged yet
      const early = await app.call('POST', path, { token: director, headers: { 'idempotency-key': key }, body: report });
      expectProblem(early, 409, 'invalid-transition');
      expectProblem(await app.call('POST', path, { token: director, headers: { 'idempotency-key': key }, body: report }), 409, 'invalid-transition');
      // 400 and 422 with the same key are not stored either
      expectProblem(
        await app.call('POST', path, { token: director, headers: { 'idempotency-key': key }, body: { ...report, summary: 7 } }),
        400,
        'validation-failed',
      );
      expect((await app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director })).status).toBe(200);
      expectProblem(
        await app.call('POST', path, { token: director, headers: { 'idempotency-key': key }, body: steps.report([codes[0]!]) }),
        422,
        'finding-not-addressed',
      );
      const submitted = await app.call('POST', path, { token: director, headers: { 'idempotency-key': key }, body: report });
      expect(submitted).toMatchObject({ status: 200, body: { status: 'submitted', version: 3 } });
      expect(submitted.headers.get('idempotent-replayed')).toBeNull();
      expectReplay(await app.call('POST', path, { token: director, headers: { 'idempotency-key': key }, body: report }), submitted);
      expect(await app.store.streamVersion(`rectification-${notice.id}`)).toBe(3);
    });
  });

  it('20 concurrent accepts of the same submitted report: one 200, nineteen 409 invalid-transition, one RectificationAccepted', async () => {
    const { notice, director, codes } = await steps.issuedCase();
    const path = `/rectifications/${notice.id}`;
    expect((await app.call('POST', `${path}/acknowledgement`, { token: director })).status).toBe(200);
    expect((await app.call('POST', `${path}/reports`, { token: director, body: steps.report(codes) })).status).toBe(200);

    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        app.call('POST', `${path}/review`, { token: steps.supervisor, body: { decision: 'accept', comment: `验收 ${index}` } }),
      ),
    );
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    for (const reply of replies.filter((reply) => reply.status === 409)) expectProblem(reply, 409, 'invalid-transition');
    expect(replies.find((reply) => reply.status === 200)!.body).toMatchObject({ status: 'closed', version: 4 });

    const events = await app.store.readStream(`rectification-${notice.id}`);
    expect(events.map((event) => event.type)).toEqual([
      'RectificationNoticeIssued',
      'NoticeAcknowledged',
      'RectificationReportSubmitted',
      'RectificationAccepted',
    ]);
    expect((await app.store.verifyStream(`rectification-${notice.id}`)).ok).toBe(true);
  });
});
