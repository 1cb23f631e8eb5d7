import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { download, jpeg, png, sha256, upload } from '../support/uploads.js';
import { workflow } from '../support/workflow.js';

const MAX_BYTES = 2 * 1024 * 1024;

describe('Attachments over HTTP (folder blob store)', () => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;

  beforeAll(async () => {
    app = await startTestApp('pglite', { ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
    steps = workflow(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const blobFiles = async (): Promise<string[]> => readdir(join(app.settings.DATA_DIR, 'attachments', 'sha256')).catch(() => []);

  it('takes a kindergarten’s photo, tells its type by the bytes and records who uploaded it', async () => {
    const { kindergarten, director } = await steps.issuedCase();
    const bytes = await jpeg(1);
    const reply = await upload(app, director, bytes, '消防通道整改后.jpg', { type: 'application/octet-stream' });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: '消防通道整改后.jpg',
      contentType: 'image/jpeg',
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
      uploadedAt: expect.stringMatching(/\+08:00$/),
    });
    expect(reply.headers.get('location')).toBe(`/api/v1/attachments/${reply.body.id}`);
    const [event] = await app.store.readStream(`attachment-${reply.body.id}`);
    expect(event).toMatchObject({
      type: 'AttachmentUploaded',
      data: { sha256: sha256(bytes), uploadedBy: { sub: `director-${kindergarten.id}`, role: 'kindergarten', kindergartenId: kindergarten.id } },
    });
  });

  it('gives the uploader the bytes with a UTF-8 file name, nosniff and private caching, and a thumbnail at most 320 px wide', async () => {
    const { director } = await steps.issuedCase();
    const bytes = await jpeg(2, 1200, 900);
    const { body } = await upload(app, director, bytes, '整改后 照片(1).jpg');
    const got = await download(app, `/attachments/${body.id}`, director);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('content-disposition')).toBe(
      `inline; filename="___ __(1).jpg"; filename*=UTF-8''${encodeURIComponent('整改后 照片').replace(/[()]/g, '')}%281%29.jpg`,
    );
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toBe('private');
    const thumbnail = await download(app, `/attachments/${body.id}/thumbnail`, director);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
    const metadata = await sharp(thumbnail.bytes).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.width).toBe(320);
  });

  it('hides an attachment from everyone but its uploader until a report cites it, then shows it to those who may see the case', async () => {
    const { notice, director, codes } = await steps.issuedCase();
    const other = await steps.issuedCase();
    const department = app.token('department', { sub: 'clerk', unitId: 'unit-x' });
    const auditor = app.token('auditor', { sub: 'zhao' });
    const bytes = await png(3);
    const { body: attachment } = await upload(app, director, bytes, '照片.png', { type: 'image/png' });
    const path = `/attachments/${attachment.id}`;
    for (const token of [steps.supervisor, auditor, other.director, department]) expect((await download(app, path, token)).status).toBe(404);

    await app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director });
    const report = await app.call('POST', `/rectifications/${notice.id}/reports`, {
      token: director,
      body: { ...steps.report(codes), evidence: [{ attachmentId: attachment.id, caption: '清理后的消防通道' }] },
    });
    expect(report.status).toBe(200);
    expect(report.body.reports[0].evidence).toEqual([
      {
        attachmentId: attachment.id,
        caption: '清理后的消防通道',
        name: '照片.png',
        contentType: 'image/png',
        sha256: sha256(bytes),
        sizeBytes: bytes.length,
      },
    ]);
    const events = await app.store.readStream(`rectification-${notice.id}`);
    expect(events.find((event) => event.type === 'RectificationReportSubmitted')!.data).toMatchObject({
      evidence: [{ attachmentId: attachment.id, sha256: sha256(bytes) }],
    });

    for (const token of [steps.supervisor, auditor, director]) {
      const got = await download(app, path, token);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(bytes)).toBe(true);
    }
    expect((await download(app, `${path}/thumbnail`, steps.supervisor)).status).toBe(200);
    expect((await download(app, path, other.director)).status).toBe(404);
    expect((await download(app, path, department)).status).toBe(404);
  });

  it('refuses a report citing an attachment never uploaded, or one of another kindergarten, and writes nothing', async () => {
    const { notice, director, codes } = await steps.issuedCase();
    const other = await steps.issuedCase();
    const { body: theirs } = await upload(app, other.director, await jpeg(4));
    const { body: supervisors } = await upload(app, steps.supervisor, await jpeg(5));
    await app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director });
    const before = await app.store.streamVersion(`rectification-${notice.id}`);
    for (const attachmentId of ['0b7c3a2e-51c4-4a57-9f4e-2d6b8f3c1a90', theirs.id, supervisors.id]) {
      const reply = await app.call('POST', `/rectifications/${notice.id}/reports`, {
        token: director,
        body: { ...steps.report(codes), evidence: [{ attachmentId }] },
      });
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('unknown-attachment');
    }
    expect(await app.store.streamVersion(`rectification-${notice.id}`)).toBe(before);
    const v1 = await app.call('POST', `/rectifications/${notice.id}/reports`, { token: director, body: steps.report(codes) });
    expect(v1.status).toBe(200);
    expect(v1.body.reports[0].evidence).toEqual([{ name: '整改照片.jpg', sha256: 'a'.repeat(64), sizeBytes: 12345 }]);
  });

  it('takes a statement (陈述申辩) citing the kindergarten’s own uploads only, with their hashes; the photo is seen as the enrolment is, and verified', async () => {
    const { kindergarten, notice, director } = await steps.failedCase();
    const other = await steps.issuedCase();
    const path = `/kindergartens/${kindergarten.id}/enrolment`;
    const proposed = await app.call('POST', `${path}/suspension-notice`, {
      token: steps.supervisor,
      body: { rectificationId: notice.id, facts: '复查仍不达标', basis: '清政发〔2023〕52号', proposedFrom: '2099-01-01' },
    });
    expect(proposed.status).toBe(200);
    const bytes = await jpeg(21);
    const own = (await upload(app, director, bytes, '整改后消防通道.jpg')).body;
    const theirs = (await upload(app, other.director, await jpeg(22))).body;
    const supervisors = (await upload(app, steps.supervisor, await jpeg(23))).body;
    const stream = `enrolment-${kindergarten.id}`;
    const before = await app.store.streamVersion(stream);
    for (const attachmentId of ['0b7c3a2e-51c4-4a57-9f4e-2d6b8f3c1a90', theirs.id, supervisors.id]) {
      const reply = await app.call('POST', `${path}/statement`, { token: director, body: { text: '已整改', attachmentIds: [own.id, attachmentId] } });
      expect([reply.status, reply.body.code]).toEqual([422, 'unknown-attachment']);
    }
    expect(await app.store.streamVersion(stream)).toBe(before);

    const stated = await app.call('POST', `${path}/statement`, { token: director, body: { text: '我园已完成整改', attachmentIds: [own.id] } });
    expect(stated.status).toBe(200);
    expect(stated.body.enrolment.proposal.statement.attachmentIds).toEqual([own.id]);
    const submitted = (await app.store.readStream(stream)).find((event) => event.type === 'StatementSubmitted')!;
    expect(submitted.data).toMatchObject({
      attachmentIds: [own.id],
      attachments: [{ attachmentId: own.id, name: '整改后消防通道.jpg', contentType: 'image/jpeg', sha256: sha256(bytes), sizeBytes: bytes.length }],
    });

    // seen as the kindergarten's enrolment is: its supervisors and the auditor, not another kindergarten or a unit
    const auditor = app.token('auditor', { sub: 'zhao' });
    for (const token of [steps.supervisor, auditor, director]) {
      const got = await download(app, `/attachments/${own.id}`, token);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(bytes)).toBe(true);
    }
    expect((await download(app, `/attachments/${own.id}`, other.director)).status).toBe(404);
    expect((await download(app, `/attachments/${own.id}`, app.token('department', { unitId: 'unit-x' }))).status).toBe(404);

    const intact = await app.call('GET', `/audit/verification?streamId=${stream}`, { token: auditor });
    expect(intact.body).toMatchObject({ ok: true, attachmentsChecked: 1, broken: [] });
  });

  it.each([
    ['HTML named .jpg', Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'photo.jpg'],
    [
      'an executable named .jpg',
      Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(120), Buffer.from('PE\x00\x00')]),
      'photo.jpg',
    ],
    ['an SVG (it can carry scripts)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'a.svg'],
    ['a plain text file', Buffer.from('消防通道已清理'), 'note.txt'],
  ])('answers 415 unsupported-file-type for %s and records nothing', async (_label, bytes, name) => {
    const director = steps.kindergartenToken('kg-any');
    const head = await app.store.headPosition();
    const reply = await upload(app, director, bytes, name);
    expect(reply.status).toBe(415);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.code).toBe('unsupported-file-type');
    expect(await app.store.headPosition()).toBe(head);
  });

  it('answers 400 for an empty file, a missing part, two files and an unexpected field', async () => {
    const director = steps.kindergartenToken('kg-any');
    const photo = new Blob([await jpeg(6)], { type: 'image/jpeg' });
    const cases: Array<Parameters<typeof upload>[4]> = [
      { parts: [['file', new Blob([]), 'empty.jpg']] },
      { parts: [['caption', '没有文件']] },
      {
        parts: [
          ['file', photo, 'a.jpg'],
          ['file', photo, 'b.jpg'],
        ],
      },
      {
        parts: [
          ['file', photo, 'a.jpg'],
          ['caption', '多余的字段'],
        ],
      },
      { parts: [['photo', photo, 'a.jpg']] },
    ];
    const head = await app.store.headPosition();
    for (const options of cases) {
      const reply = await upload(app, director, Buffer.alloc(0), '', options);
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe('validation-failed');
    }
    expect(await app.store.headPosition()).toBe(head);
  });

  it('answers 400 for a multipart body cut short, and 415 for a JSON body', async () => {
    const director = steps.kindergartenToken('kg-any');
    const boundary = 'X-BOUNDARY-1';
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n${'\xff\xd8\xff'.repeat(1000)}`;
    const truncated = await app.call('POST', '/attachments', {
      token: director,
      raw: cut,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(truncated.status).toBe(400);
    expect(truncated.body.code).toBe('validation-failed');
    const json = await app.call('POST', '/attachments', { token: director, body: { file: 'x' } });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('unsupported-media-type');
  });

  it('answers 413 for a file over ATTACHMENT_MAX_BYTES and stores nothing', async () => {
    const director = steps.kindergartenToken('kg-any');
    const big = Buffer.concat([await jpeg(7), randomBytes(MAX_BYTES)]);
    const [head, blobs] = [await app.store.headPosition(), await blobFiles()];
    const reply = await upload(app, director, big, 'big.jpg');
    expect(reply.status).toBe(413);
    expect(reply.body.code).toBe('payload-too-large');
    expect(await app.store.headPosition()).toBe(head);
    expect(await blobFiles()).toEqual(blobs);
    expect(await blobFiles()).not.toContain(sha256(big));
  });

  it('keeps a sanitised name for ../, control characters and 300 characters, and still downloads under it', async () => {
    const director = steps.kindergartenToken('kg-names');
    const bytes = await jpeg(8);
    const cases: Array<[string, string]> = [
      ['../../etc/整改.jpg', '整改.jpg'],
      ['a\u0001b\u202e\u0007c.jpg', 'abc.jpg'],
      [`${'长'.repeat(300)}.jpg`, `${'长'.repeat(196)}.jpg`],
    ];
    for (const [given, kept] of cases) {
      const reply = await upload(app, director, bytes, given);
      expect(reply.status).toBe(201);
      expect(reply.body.name).toBe(kept);
      const got = await download(app, `/attachments/${reply.body.id}`, director);
      expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(kept)}`);
      expect(got.bytes.equals(bytes)).toBe(true);
    }
  });

  it('stores the same bytes once, even uploaded twice at once', async () => {
    const director = steps.kindergartenToken('kg-twice');
    const bytes = await jpeg(9);
    const replies = await Promise.all([upload(app, director, bytes, '一.jpg'), upload(app, director, bytes, '二.jpg')]);
    expect(replies.map((reply) => reply.status)).toEqual([201, 201]);
    expect(replies[0]!.body.id).not.toBe(replies[1]!.body.id);
    expect((await blobFiles()).filter((file) => file === sha256(bytes))).toHaveLength(1);
  });

  it('lets no auditor upload', async () => {
    const reply = await upload(app, app.token('auditor', { sub: 'zhao' }), await jpeg(10));
    expect(reply.status).toBe(403);
  });

  it('reports a cited attachment deleted or altered in the blob store, naming it', async () => {
    const { notice, director, codes } = await steps.issuedCase();
    const [first, second] = [await jpeg(11), await jpeg(12)];
    const a = (await upload(app, director, first, 'a.jpg')).body;
    const b = (await upload(app, director, second, 'b.jpg')).body;
    await app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director });
    await app.call('POST', `/rectifications/${notice.id}/reports`, {
      token: director,
      body: { ...steps.report(codes), evidence: [{ attachmentId: a.id }, { attachmentId: b.id }] },
    });
    const auditor = app.token('auditor', { sub: 'zhao' });
    const intact = await app.call('GET', `/audit/verification?streamId=rectification-${notice.id}`, { token: auditor });
    expect(intact.body).toMatchObject({ ok: true, attachmentsChecked: 2, broken: [] });

    const { rm, writeFile } = await import('node:fs/promises');
    const folder = join(app.settings.DATA_DIR, 'attachments', 'sha256');
    await rm(join(folder, sha256(first)));
    await writeFile(join(folder, sha256(second)), Buffer.concat([second, Buffer.from('x')]));
    const broken = await app.call('GET', '/audit/verification', { token: auditor });
    expect(broken.body.ok).toBe(false);
    expect(broken.body.broken).toEqual(
      expect.arrayContaining([
        { streamId: `rectification-${notice.id}`, version: expect.any(Number), reason: 'attachment-missing', attachmentId: a.id },
        { streamId: `rectification-${notice.id}`, version: expect.any(Number), reason: 'attachment-altered', attachmentId: b.id },
      ]),
    );
  });
});
