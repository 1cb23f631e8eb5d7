import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startS3Server, type S3TestServer } from '@app/attachments/testing';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { download, jpeg, sha256, upload } from '../support/uploads.js';
import { workflow } from '../support/workflow.js';

describe('Attachments over HTTP on S3-compatible storage (a real s3rver)', () => {
  let s3: S3TestServer;
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;

  beforeAll(async () => {
    s3 = await startS3Server();
    app = await startTestApp('pglite', s3.env);
    steps = workflow(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await s3?.close();
  });

  it('keeps the bytes and the thumbnail in the bucket, and the supervisor sees what a report cites', async () => {
    const { notice, director, codes } = await steps.issuedCase();
    const bytes = await jpeg(21, 1000, 700);
    const { status, body } = await upload(app, director, bytes, '整改后.jpg');
    expect(status).toBe(201);
    await app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director });
    await app.call('POST', `/rectifications/${notice.id}/reports`, {
      token: director,
      body: { ...steps.report(codes), evidence: [{ attachmentId: body.id }] },
    });
    const got = await download(app, `/attachments/${body.id}`, steps.supervisor);
    expect(got.status).toBe(200);
    expect(sha256(got.bytes)).toBe(sha256(bytes));
    expect((await download(app, `/attachments/${body.id}/thumbnail`, steps.supervisor)).status).toBe(200);
    const verification = await app.call('GET', `/audit/verification?streamId=rectification-${notice.id}`, { token: app.token('auditor') });
    expect(verification.body).toMatchObject({ ok: true, attachmentsChecked: 1 });
  });

  it('answers 503 with Retry-After when the S3 server is down, and records nothing', async () => {
    const director = steps.kindergartenToken('kg-s3-down');
    await s3.close();
    const head = await app.store.headPosition();
    const reply = await upload(app, director, await jpeg(22));
    expect(reply.status).toBe(503);
    expect(reply.body.code).toBe('store-unavailable');
    expect(reply.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await app.store.headPosition()).toBe(head);
  });
});
