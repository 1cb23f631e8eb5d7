import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ATTACHMENTS_QUEUE, REMOVE_UNUSED_JOB } from '@app/attachments';
import { SettableClock } from '../support/plan.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { download, jpeg, sha256, upload } from '../support/uploads.js';
import { waitUntil } from '../support/wait.js';
import { workflow } from '../support/workflow.js';

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

describe('Unused uploads removed by the worker job after ATTACHMENT_ORPHAN_DAYS', () => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  const clock = new SettableClock(new Date().toISOString());

  beforeAll(async () => {
    app = await startTestApp('pglite', { RUN_REMINDERS: 'true', ATTACHMENT_ORPHAN_DAYS: '7' }, { clock });
    steps = workflow(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const blob = (bytes: Buffer): string => join(app.settings.DATA_DIR, 'attachments', 'sha256', sha256(bytes));

  /** Runs the job as its scheduler would, and waits for its outcome. */
  const runJob = async (): Promise<{ removed: number }> => {
    const queue = app.app.get<Queue>(getQueueToken(ATTACHMENTS_QUEUE));
    const job = await queue.add(REMOVE_UNUSED_JOB, {});
    return waitUntil(
      async () => {
        const state = await job.getState();
        if (state === 'failed') throw new Error(`the job failed: ${(await queue.getJob(job.id!))?.failedReason}`);
        return state === 'completed' ? ((await queue.getJob(job.id!))!.returnvalue as { removed: number }) : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100, what: 'the cleanup job' },
    );
  };

  it('removes an upload nothing cited once the days have passed, and never a cited one', async () => {
    const { notice, director, codes } = await steps.issuedCase();
    const [citedBytes, unusedBytes, sharedBytes] = [await jpeg(31), await jpeg(32), await jpeg(33)];
    const cited = (await upload(app, director, citedBytes, 'cited.jpg')).body;
    const unused = (await upload(app, director, unusedBytes, 'unused.jpg')).body;
    // the same bytes as a cited upload: its record goes, the bytes stay
    const sharedUnused = (await upload(app, director, sharedBytes, 'shared-1.jpg')).body;
    const sharedCited = (await upload(app, director, sharedBytes, 'shared-2.jpg')).body;
    await app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director });
    const report = await app.call('POST', `/rectifications/${notice.id}/reports`, {
      token: director,
      body: { ...steps.report(codes), evidence: [{ attachmentId: cited.id }, { attachmentId: sharedCited.id }] },
    });
    expect(report.status).toBe(200);

    // six days on: nothing is old enough
    clock.set(new Date(Date.now() + 6 * 24 * 3600_000).toISOString());
    expect(await runJob()).toEqual({ removed: 0 });
    expect(await exists(blob(unusedBytes))).toBe(true);

    clock.set(new Date(Date.now() + 8 * 24 * 3600_000).toISOString());
    expect(await runJob()).toEqual({ removed: 2 });
    expect((await app.store.readStream(`attachment-${unused.id}`)).map((event) => event.type)).toEqual(['AttachmentUploaded', 'AttachmentRemoved']);
    expect((await app.store.readStream(`attachment-${sharedUnused.id}`)).at(-1)!.type).toBe('AttachmentRemoved');
    expect((await app.store.readStream(`attachment-${cited.id}`)).map((event) => event.type)).toEqual(['AttachmentUploaded']);
    expect(await exists(blob(unusedBytes))).toBe(false);
    expect(await exists(blob(citedBytes))).toBe(true);
    expect(await exists(blob(sharedBytes))).toBe(true);
    expect((await download(app, `/attachments/${unused.id}`, director)).status).toBe(404);
    expect((await download(app, `/attachments/${cited.id}`, steps.supervisor)).status).toBe(200);
    expect((await download(app, `/attachments/${sharedCited.id}`, steps.supervisor)).status).toBe(200);

    // a second run finds nothing more, and the record still verifies
    expect(await runJob()).toEqual({ removed: 0 });
    const verification = await app.call('GET', '/audit/verification', { token: app.token('auditor') });
    expect(verification.body).toMatchObject({ ok: true, broken: [] });
  });
});
