import { randomInt } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type Reply, type StoreKind, type TestApp } from '../support/test-app.js';
import { PLAN_SEEDS, SettableClock, departmentToken, planTasks, unitReportBody } from '../support/plan.js';
import { download, jpeg, sha256, upload } from '../support/uploads.js';
import { waitUntil } from '../support/wait.js';

// Monthly reports cite attachments by id (issue 13, item 2): only the unit's own uploads, seen then by those who may
// read the report, and re-hashed by verification.

const FINANCE = 'county-finance-bureau';
const CIVIL_AFFAIRS = 'county-civil-affairs-bureau';
const NEVER_UPLOADED = '3f9a1c2e-8b7d-4e6f-a5c4-1d2e3f4a5b6c';

const expectProblem = (reply: Reply, status: number, code: string): void => {
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
};

describe.each<StoreKind>(['pglite', 'postgres'])('monthly reports citing attachments (%s)', (kind) => {
  let app: TestApp;
  let clock: SettableClock;
  let tasks: any[];

  beforeAll(async () => {
    clock = new SettableClock('2025-04-03T10:00:00+08:00');
    app = await startTestApp(kind, PLAN_SEEDS, { clock });
    tasks = await planTasks(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('takes the unit’s own uploads only, shows them to those who may read the report, and re-hashes them', async () => {
    const finance = departmentToken(app, FINANCE);
    const colleague = app.token('department', { sub: `colleague-${FINANCE}`, unitId: FINANCE });
    const civil = departmentToken(app, CIVIL_AFFAIRS);
    const director = app.token('kindergarten', { kindergartenId: 'kg-evidence' });
    // bytes of this run only: a blob store outlives the engine (the postgres variant's folder), and this test alters a blob
    const width = 600 + randomInt(400);
    const [photoBytes, secondBytes] = [await jpeg(31, width), await jpeg(32, width)];
    const photo = (await upload(app, finance, photoBytes, '督导现场.jpg')).body;
    const second = (await upload(app, colleague, secondBytes, '会议纪要.jpg')).body;
    const foreign = (await upload(app, civil, await jpeg(33), '民政.jpg')).body;
    const kindergartens = (await upload(app, director, await jpeg(34), '园所.jpg')).body;
    const stream = `monthlyReport-${FINANCE}-2025-03`;
    const body = (evidence: unknown[]) => ({ ...unitReportBody(tasks, FINANCE, '2025-03'), evidence });

    for (const attachmentId of [foreign.id, kindergartens.id, NEVER_UPLOADED]) {
      expectProblem(await app.call('POST', '/monthly-reports', { token: finance, body: body([{ attachmentId }]) }), 422, 'unknown-attachment');
    }
    expectProblem(
      await app.call('POST', '/monthly-reports', { token: finance, body: body([{ attachmentId: 'photo.jpg' }]) }),
      400,
      'validation-failed',
    );
    expectProblem(
      await app.call('POST', '/monthly-reports', { token: finance, body: body([{ attachmentId: photo.id, sha256: photo.sha256 }]) }),
      400,
      'validation-failed',
    );
    expect(await app.store.readStream(stream)).toEqual([]);

    const filed = await app.call('POST', '/monthly-reports', { token: finance, body: body([{ attachmentId: photo.id, caption: '现场检查' }]) });
    expect(filed.status).toBe(201);
    const cited = {
      attachmentId: photo.id,
      caption: '现场检查',
      name: '督导现场.jpg',
      contentType: 'image/jpeg',
      sha256: sha256(photoBytes),
      sizeBytes: photoBytes.length,
    };
    expect(filed.body).toMatchObject({ status: 'on-time', evidence: [cited], versions: [{ evidence: [cited] }] });
    const [event] = await app.store.readStream(stream);
    expect(event!.data).toMatchObject({ evidence: [cited] });

    // the unit, supervisors, auditors and admins see the cited photo; another unit and a kindergarten do not
    const supervisor = app.token('supervisor');
    await waitUntil(async () => (await download(app, `/attachments/${photo.id}`, supervisor)).status === 200, {
      what: 'the cited photo visible to a supervisor',
    });
    for (const token of [app.token('auditor'), app.token('admin'), colleague]) {
      const got = await download(app, `/attachments/${photo.id}`, token);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(photoBytes)).toBe(true);
    }
    expect((await download(app, `/attachments/${photo.id}/thumbnail`, supervisor)).status).toBe(200);
    for (const token of [civil, director]) expect((await download(app, `/attachments/${photo.id}`, token)).status).toBe(404);

    // an amendment follows the same rule, and each version keeps its own evidence
    const path = `/monthly-reports/${FINANCE}/2025-03`;
    const items = filed.body.items;
    expectProblem(
      await app.call('PUT', path, { token: finance, body: { items, evidence: [{ attachmentId: foreign.id }] } }),
      422,
      'unknown-attachment',
    );
    expect(await app.store.streamVersion(stream)).toBe(1);
    const amended = await app.call('PUT', path, {
      token: finance,
      body: { items, evidence: [{ attachmentId: photo.id, caption: '现场检查' }, { attachmentId: second.id }] },
    });
    expect(amended.status).toBe(200);
    expect(amended.body.evidence.map((item: any) => item.attachmentId)).toEqual([photo.id, second.id]);
    expect(amended.body.versions.map((version: any) => version.evidence.length)).toEqual([1, 2]);
    const viewed = await app.call('GET', path, { token: supervisor });
    expect(viewed.body.evidence).toEqual(amended.body.evidence);
    await waitUntil(async () => (await download(app, `/attachments/${second.id}`, supervisor)).status === 200, {
      what: 'the amendment’s photo visible to a supervisor',
    });

    const timeline = await app.call('GET', `/audit/streams/${stream}/timeline`, { token: app.token('auditor') });
    expect(timeline.body.steps.map((step: any) => step.sentence)).toEqual([
      expect.stringContaining('附1份佐证材料'),
      expect.stringContaining('附2份佐证材料'),
    ]);

    // verification re-hashes what the report cites
    const auditor = app.token('auditor');
    const intact = await app.call('GET', `/audit/verification?streamId=${stream}`, { token: auditor });
    expect(intact.body).toMatchObject({ ok: true, broken: [] });
    expect(intact.body.attachmentsChecked).toBeGreaterThanOrEqual(2);
    await writeFile(join(app.settings.DATA_DIR, 'attachments', 'sha256', sha256(secondBytes)), Buffer.concat([secondBytes, Buffer.from('x')]));
    const broken = await app.call('GET', `/audit/verification?streamId=${stream}`, { token: auditor });
    expect(broken.body.ok).toBe(false);
    expect(broken.body.broken).toContainEqual({ streamId: stream, version: 2, reason: 'attachment-altered', attachmentId: second.id });
  });
});
