// Issue 14, items 1, 5, 6, 7 and 8: bad input costs little, never a 5xx, always problem+json, nothing written.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freshId, startTestApp, type Reply, type StoreKind, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

const JSON_TYPE = { 'content-type': 'application/json' };
const many = (count: number, item: string): string => `[${Array.from({ length: count }, () => item).join(',')}]`;

/** One raw HTTP/1.1 exchange: what the server writes back until it closes the connection (or 5 s pass). */
const rawExchange = (url: string, request: string): Promise<{ status: number; headers: string; body: string }> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    let received = '';
    const timer = setTimeout(() => socket.destroy(), 5000);
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      const [head = '', body = ''] = received.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body });
    });
    socket.write(request);
  });

describe.each<StoreKind>(['pglite', 'postgres'])('hardening against bad input (%s)', (kind) => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  let auditor: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    steps = workflow(app);
    auditor = app.token('auditor');
  });

  afterAll(async () => {
    await app?.close();
  });

  const expectProblem = (reply: Reply, status: number, code: string): void => {
    expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  };

  /** Refused with `status`/`code`, and the store has not moved. */
  const refused = async (request: () => Promise<Reply>, status: number, code: string): Promise<Reply> => {
    const before = await app.store.headPosition();
    const reply = await request();
    expectProblem(reply, status, code);
    expect(await app.store.headPosition()).toBe(before);
    return reply;
  };
  const fields = (reply: Reply): string[] => reply.body.errors.map((error: { field: string }) => error.field);

  describe('item 1: a huge bad body costs a small answer', () => {
    it('340,000 empty actions in a report: one error for the array, not one per element', async () => {
      const { notice, director } = await steps.issuedCase({ codes: ['S-01'] });
      const raw = `{"summary":"x","evidence":[],"actions":${many(340_000, '{}')}}`;
      const reply = await refused(
        () => app.call('POST', `/rectifications/${notice.id}/reports`, { token: director, raw, headers: JSON_TYPE }),
        400,
        'validation-failed',
      );
      expect(fields(reply)).toEqual(['actions']);
      expect(JSON.stringify(reply.body).length).toBeLessThan(2_000);
    });

    it('340,000 empty items in a monthly report, and 120,000 bad evidence items', async () => {
      const department = app.token('department', { sub: 'dept-user', unitId: 'unit-a' });
      const items = await refused(
        () =>
          app.call('POST', '/monthly-reports', { token: department, raw: `{"period":"2025-03","items":${many(340_000, '{}')}}`, headers: JSON_TYPE }),
        400,
        'validation-failed',
      );
      expect(fields(items)).toEqual(['items']);
      const { notice, director } = await steps.issuedCase({ codes: ['S-01'] });
      const raw = `{"summary":"x","actions":[],"evidence":${many(120_000, '{"a":1}')}}`;
      const evidence = await refused(
        () => app.call('POST', `/rectifications/${notice.id}/reports`, { token: director, raw, headers: JSON_TYPE }),
        400,
        'validation-failed',
      );
      expect(JSON.stringify(evidence.body).length).toBeLessThan(4_000);
    });

    it('within the size limits, at most 20 errors are listed, then how many more; one per field', async () => {
      const { notice, director } = await steps.issuedCase({ codes: ['S-01'] });
      const body = { summary: 'x', actions: Array.from({ length: 200 }, () => ({ findingCode: 42, action: 42 })), evidence: [] };
      const reply = await refused(
        () => app.call('POST', `/rectifications/${notice.id}/reports`, { token: director, body }),
        400,
        'validation-failed',
      );
      expect(reply.body.errors).toHaveLength(20);
      expect(reply.body.moreErrors).toBe(380);
      expect(reply.body.detail).toMatch(/and 380 more/);
      // the first violation of each field only
      expect(reply.body.errors.slice(0, 2).map((error: { field: string }) => error.field)).toEqual(['actions.0.findingCode', 'actions.0.action']);
      const unknown = Object.fromEntries(Array.from({ length: 31 }, (_, n) => [`k${n}`, 1]));
      const keys = await refused(() => app.call('POST', '/kindergartens', { token: steps.admin, body: unknown }), 400, 'validation-failed');
      expect(keys.body.errors).toHaveLength(20);
      expect(keys.body.moreErrors).toBeGreaterThan(0);
      // more fields than any command has: refused before validation, naming the place
      const tooMany = Object.fromEntries(Array.from({ length: 50_000 }, (_, n) => [`k${n}`, 1]));
      const refusedKeys = await refused(() => app.call('POST', '/kindergartens', { token: steps.admin, body: tooMany }), 400, 'validation-failed');
      expect(fields(refusedKeys)).toEqual(['']);
      const deep = {
        ...steps.report(['S-01']),
        evidence: [{ name: 'a', sha256: 'a'.repeat(64), sizeBytes: 1, ...Object.fromEntries(Array.from({ length: 33 }, (_, n) => [`k${n}`, 1])) }],
      };
      const deepKeys = await refused(
        () => app.call('POST', `/rectifications/${notice.id}/reports`, { token: director, body: deep }),
        400,
        'validation-failed',
      );
      expect(fields(deepKeys)).toEqual(['evidence.0']);
    });
  });

  describe('item 5: dates and numbers out of any plausible range are a 400 naming the field', () => {
    it('dueAt and requestedDueAt of 9999-12-31, and dates before 2000', async () => {
      const { kindergarten, inspection, codes } = await steps.failedInspection(['S-01']);
      for (const dueAt of ['9999-12-31T23:59:59Z', '2101-01-01T00:00:00+08:00', '1999-12-31T23:59:59Z', '0001-01-01T00:00:00Z']) {
        const body = { kindergartenId: kindergarten.id, inspectionId: inspection.id, findingCodes: codes, deadline: { dueAt }, publish: false };
        const reply = await refused(() => app.call('POST', '/rectifications', { token: steps.supervisor, body }), 400, 'validation-failed');
        expect(fields(reply)).toEqual(['deadline.dueAt']);
      }
      const { notice, director } = await steps.issuedCase({ codes: ['S-01'] });
      for (const requestedDueAt of ['9999-12-31T23:59:59Z', '2101-01-01T00:00:00Z']) {
        const reply = await refused(
          () => app.call('POST', `/rectifications/${notice.id}/extension-requests`, { token: director, body: { requestedDueAt, reason: '施工' } }),
          400,
          'validation-failed',
        );
        expect(fields(reply)).toEqual(['requestedDueAt']);
      }
      const schedule = await refused(
        () =>
          app.call('POST', '/inspections', {
            token: steps.supervisor,
            body: { kindergartenId: kindergarten.id, kind: 'safety', year: 2025, scheduledOn: '9999-12-31' },
          }),
        400,
        'validation-failed',
      );
      expect(fields(schedule)).toEqual(['scheduledOn']);
      const calendar = await refused(
        () => app.call('GET', '/calendar/deadline?from=9999-12-31&workingDays=3', { token: steps.supervisor }),
        400,
        'validation-failed',
      );
      expect(fields(calendar)).toEqual(['from']);
    });

    it.each([
      ['/audit/streams/kindergarten-x/events?fromVersion=2147483648', 'fromVersion'],
      ['/audit/streams/kindergarten-x/events?fromVersion=1073741825', 'fromVersion'],
      ['/audit/streams/kindergarten-x/events?fromVersion=1e400', 'fromVersion'],
      ['/audit/streams/kindergarten-x/events?fromVersion=99999999999999999999', 'fromVersion'],
      ['/audit/streams/kindergarten-x/state?version=2147483648', 'version'],
      ['/audit/events?afterPosition=9223372036854775808', 'afterPosition'],
      ['/audit/events?afterPosition=9007199254740992', 'afterPosition'],
      ['/audit/events?afterPosition=-1', 'afterPosition'],
      ['/audit/streams/kindergarten-x/state?at=9999-12-31T23:59:59Z', 'at'],
    ])('GET %s → 400 naming %s', async (path, field) => {
      const reply = await refused(() => app.call('GET', path, { token: auditor }), 400, 'validation-failed');
      expect(fields(reply)).toEqual([field]);
    });

    it('the largest bounded values still answer normally (no such stream: 404; past the end of the log: an empty page)', async () => {
      expect((await app.call('GET', '/audit/streams/kindergarten-x/events?fromVersion=1073741824', { token: auditor })).status).toBe(404);
      expect((await app.call('GET', '/audit/events?afterPosition=9007199254740991', { token: auditor })).body).toEqual({ items: [] });
    });
  });

  describe('item 6: framework errors are problem+json, and a token is checked first', () => {
    const longId = 'a'.repeat(300);

    it('an over-long path parameter: 401 without a token, 414 with one', async () => {
      const anonymous = await app.call('GET', `/rectifications/${longId}`);
      expectProblem(anonymous, 401, 'unauthenticated');
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      expectProblem(await app.call('GET', `/rectifications/${longId}`, { token: 'not.a.token' }), 401, 'unauthenticated');
      const reply = await app.call('GET', `/rectifications/${longId}`, { token: steps.supervisor });
      expectProblem(reply, 414, 'uri-too-long');
      expect(reply.headers.get('x-correlation-id')).toBeTruthy();
      await refused(
        () =>
          app.call('POST', `/inspections/${longId}/findings`, {
            token: steps.supervisor,
            body: { code: 'Q-01', description: 'x', severity: 'minor' },
          }),
        414,
        'uri-too-long',
      );
    });

    it('a %-escape that does not decode: 401 without a token, 400 with one', async () => {
      expectProblem(await app.call('GET', '/rectifications/%ZZ'), 401, 'unauthenticated');
      const reply = await app.call('GET', '/rectifications/%ZZ', { token: steps.supervisor });
      expectProblem(reply, 400, 'validation-failed');
      expect(fields(reply)).toEqual(['path']);
      // an unknown path is a 404 (after the token), and the public board asks for no token
      expectProblem(await app.call('GET', '/public/kindergartens/%ZZ'), 400, 'validation-failed');
    });

    it('oversized headers: 431 as problem+json on a raw socket', async () => {
      const reply = await rawExchange(app.url, `GET /api/v1/kindergartens HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(reply.status).toBe(431);
      expect(reply.headers).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(reply.body)).toMatchObject({ status: 431, code: 'headers-too-large' });
    });

    it('a Content-Length that is not a number, or comes with Transfer-Encoding: 400 as problem+json, nothing written', async () => {
      const before = await app.store.headPosition();
      const body = JSON.stringify({ id: freshId('kg'), name: '幼儿园', township: '城关镇', ownership: 'public' });
      const auth = `Authorization: Bearer ${steps.admin}\r\nContent-Type: application/json\r\n`;
      for (const framing of [
        `Content-Length: abc\r\n`,
        `Content-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n`,
        `Content-Length: 1, 2\r\n`,
      ]) {
        const reply = await rawExchange(app.url, `POST /api/v1/kindergartens HTTP/1.1\r\nHost: x\r\n${auth}${framing}\r\n${body}`);
        expect(reply.status).toBe(400);
        expect(reply.headers).toMatch(/content-type: application\/problem\+json/i);
        expect(JSON.parse(reply.body)).toMatchObject({ status: 400, code: 'validation-failed' });
      }
      expect(await app.store.headPosition()).toBe(before);
    });
  });

  describe('item 7: a body on a command that takes none is refused', () => {
    it('POST …/acknowledgement with [1], {} or "x": 400, nothing recorded; without a body it is recorded', async () => {
      const { notice, director } = await steps.issuedCase({ codes: ['S-01'] });
      const path = `/rectifications/${notice.id}/acknowledgement`;
      for (const raw of ['[1]', '{}', '"x"', 'null', '0']) {
        const reply = await refused(() => app.call('POST', path, { token: director, raw, headers: JSON_TYPE }), 400, 'validation-failed');
        expect(fields(reply)).toEqual(['']);
      }
      expect((await app.call('GET', `/rectifications/${notice.id}`, { token: director })).body.status).toBe('issued');
      expect((await app.call('POST', path, { token: director })).status).toBe(200);
    });
  });

  describe('item 8: invalid UTF-8 is refused, never repaired into U+FFFD', () => {
    it.each([
      ['a lone continuation byte', [0x80]],
      ['0xFF', [0xff]],
      ['a truncated 3-byte sequence', [0xe5, 0xb9]],
      ['an overlong encoding of "/"', [0xc0, 0xaf]],
      ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ])('%s in a name: 400, nothing written', async (_, bytes) => {
      const id = freshId('kg');
      const [head, tail] = JSON.stringify({ id, name: '幼儿园MARK', township: '城关镇', ownership: 'public' }).split('MARK');
      const body = Buffer.concat([Buffer.from(head!), Buffer.from(bytes), Buffer.from(tail!)]);
      const reply = await refused(
        async () => {
          const response = await fetch(`${app.url}/kindergartens`, {
            method: 'POST',
            headers: { ...JSON_TYPE, authorization: `Bearer ${steps.admin}` },
            body,
          });
          return { status: response.status, headers: response.headers, body: await response.json() };
        },
        400,
        'validation-failed',
      );
      expect(reply.body.detail).toMatch(/UTF-8/);
      expect((await app.call('GET', `/kindergartens/${id}`, { token: steps.admin })).status).toBe(404);
    });
  });
});
