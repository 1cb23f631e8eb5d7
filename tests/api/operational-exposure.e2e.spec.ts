import { createHmac } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadSettings } from '@app/config';
import { TEST_JWT_SECRET, startTestApp, type TestApp } from '../support/test-app.js';

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token signed with the engine's secret, with exactly the claims given (no exp unless given). */
const handMadeToken = (claims: Record<string, unknown>): string => {
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  return `${unsigned}.${createHmac('sha256', TEST_JWT_SECRET).update(unsigned).digest('base64url')}`;
};

const now = (): number => Math.floor(Date.now() / 1000);

/**
 * Opens a raw connection, sends `head` then `bodyBytes` one at a time every `dripMs`, and says how long the server
 * kept the connection open and what it answered (if anything).
 */
const holdConnection = (port: number, head: string, options: { bodyBytes?: number; dripMs?: number; giveUpMs: number }) =>
  new Promise<{ heldMs: number; answer: string; closedByServer: boolean }>((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let drip: NodeJS.Timeout | undefined;
    const finish = (closedByServer: boolean): void => {
      clearInterval(drip);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ heldMs: Date.now() - started, answer, closedByServer });
    };
    const giveUp = setTimeout(() => finish(false), options.giveUpMs);
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      socket.write(head);
      let left = options.bodyBytes ?? 1;
      socket.write('{');
      left -= 1;
      if (options.dripMs) {
        drip = setInterval(() => {
          if (left-- > 0) socket.write(' ');
        }, options.dripMs);
      }
    });
  });

describe('slow requests are cut off (HTTP_*_TIMEOUT_MS)', () => {
  let app: TestApp;
  let port: number;

  beforeAll(async () => {
    app = await startTestApp('pglite', { HTTP_IDLE_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' });
    port = Number(new URL(app.url).port);
  });

  afterAll(async () => {
    await app?.close();
  });

  const head = (token?: string): string =>
    'POST /api/v1/kindergartens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n' +
    (token ? `Authorization: Bearer ${token}\r\n` : '') +
    '\r\n';

  it('closes a connection that sends its headers and one byte of body, then nothing (with a token)', async () => {
    const held = await holdConnection(port, head(app.token('admin')), { giveUpMs: 15_000 });
    expect(held.closedByServer).toBe(true);
    expect(held.heldMs).toBeLessThan(5_000);
  });

  it('closes it without a token too (the 401 is answered, the connection does not stay)', async () => {
    const held = await holdConnection(port, head(), { giveUpMs: 15_000 });
    expect(held.answer).toMatch(/^HTTP\/1\.1 401/);
    expect(held.closedByServer).toBe(true);
    expect(held.heldMs).toBeLessThan(5_000);
  });

  it('closes a connection that drips its body a byte at a time, never silent long enough for the idle timeout', async () => {
    const held = await holdConnection(port, head(app.token('admin')), { bodyBytes: 1000, dripMs: 300, giveUpMs: 15_000 });
    expect(held.closedByServer).toBe(true);
    expect(held.heldMs).toBeLessThan(5_000);
    expect(held.answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection whose headers never end', async () => {
    const held = await holdConnection(port, 'GET /api/v1/kindergartens HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', {
      bodyBytes: 1000,
      dripMs: 300,
      giveUpMs: 15_000,
    });
    expect(held.closedByServer).toBe(true);
    expect(held.heldMs).toBeLessThan(5_000);
  });

  it('leaves an ordinary request alone', async () => {
    expect((await app.call('GET', '/kindergartens', { token: app.token('admin') })).status).toBe(200);
  });
});

describe('slow requests with a long idle timeout: the request timeout alone cuts them off', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('pglite', { HTTP_IDLE_TIMEOUT_MS: '60000', HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers 408 and closes a connection that sent its headers and one byte, with or without a token', async () => {
    const port = Number(new URL(app.url).port);
    for (const token of [app.token('admin'), undefined]) {
      const head =
        'POST /api/v1/kindergartens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n' +
        (token ? `Authorization: Bearer ${token}\r\n` : '') +
        '\r\n';
      const held = await holdConnection(port, head, { giveUpMs: 15_000 });
      expect(held.closedByServer).toBe(true);
      expect(held.heldMs).toBeLessThan(5_000);
      if (token) expect(held.answer).toMatch(/^HTTP\/1\.1 408/);
    }
  });
});

describe('operational exposure', () => {
  let app: TestApp;
  let root: string;

  beforeAll(async () => {
    app = await startTestApp('pglite', { PUBLIC_RATE_LIMIT_PER_MINUTE: '5', METRICS_TOKEN: 'metrics-token-for-the-test', AUTH_TOKEN_MAX_HOURS: '24' });
    root = app.url.replace(/\/api\/v1$/, '');
    // admin-user, whom the hand-made tokens below name, in the directory
    app.token('admin');
    await app.usersReady();
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('token lifetime (AUTH_TOKEN_MAX_HOURS)', () => {
    const claims = { sub: 'admin-user', role: 'admin' };

    it('refuses a validly signed token without exp with 401', async () => {
      const reply = await app.call('GET', '/kindergartens', { token: handMadeToken({ ...claims, iat: now() }) });
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ code: 'unauthenticated', detail: expect.stringContaining('exp') });
    });

    it('refuses a token living longer than the cap, with or without iat', async () => {
      for (const token of [
        handMadeToken({ ...claims, iat: now(), exp: now() + 48 * 3600 }),
        handMadeToken({ ...claims, exp: now() + 48 * 3600 }),
        // issued long ago, still valid for an hour: lived longer than 24 h all the same
        handMadeToken({ ...claims, iat: now() - 30 * 24 * 3600, exp: now() + 3600 }),
      ]) {
        const reply = await app.call('GET', '/kindergartens', { token });
        expect(reply.status).toBe(401);
        expect(reply.body).toMatchObject({ code: 'unauthenticated', detail: expect.stringContaining('AUTH_TOKEN_MAX_HOURS') });
      }
    });

    it('accepts a token within the cap', async () => {
      expect((await app.call('GET', '/kindergartens', { token: handMadeToken({ ...claims, iat: now(), exp: now() + 24 * 3600 }) })).status).toBe(200);
      expect((await app.call('GET', '/kindergartens', { token: app.token('admin') })).status).toBe(200);
    });
  });

  describe('security headers', () => {
    it('sends nosniff, a CSP forbidding framing, and no-store on authenticated answers (and their errors)', async () => {
      for (const reply of [
        await app.call('GET', '/kindergartens', { token: app.token('admin') }),
        await app.call('GET', '/kindergartens'),
        await app.call('GET', '/kindergartens', { token: app.token('kindergarten', { kindergartenId: 'kg-x1' }) }),
      ]) {
        expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
        expect(reply.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(reply.headers.get('content-security-policy')).toContain("script-src 'self'");
        expect(reply.headers.get('x-frame-options')).toBe('DENY');
        expect(reply.headers.get('cache-control')).toBe('no-store');
      }
    });

    it('sends no-store on the audit export', async () => {
      const reply = await fetch(`${app.url}/audit/export`, { headers: { authorization: `Bearer ${app.token('auditor')}` } });
      await reply.text();
      expect(reply.status).toBe(200);
      expect(reply.headers.get('cache-control')).toBe('no-store');
    });

    it('keeps the API console working under the CSP: its page loads only same-origin scripts', async () => {
      const page = await fetch(`${root}/docs`);
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      const scripts = [...html.matchAll(/<script[^>]*>/g)].map(([tag]) => tag);
      expect(scripts.length).toBeGreaterThan(0);
      // every script is a same-origin file: no inline code the CSP would block
      for (const tag of scripts) expect(tag).toMatch(/src="\.?\/?[^":]+"/);
    });
  });

  describe('/metrics (METRICS_TOKEN, or an admin)', () => {
    it('answers 401 without a token or with a wrong one, 403 to a user who is not an admin', async () => {
      for (const authorization of [undefined, 'Bearer wrong-token-wrong-token']) {
        const reply = await fetch(`${root}/metrics`, { headers: authorization ? { authorization } : {} });
        expect(reply.status).toBe(401);
        expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
      for (const role of ['supervisor', 'auditor'] as const) {
        const token = app.token(role);
        await app.usersReady();
        const reply = await fetch(`${root}/metrics`, { headers: { authorization: `Bearer ${token}` } });
        expect([role, reply.status, ((await reply.json()) as { code: string }).code]).toEqual([role, 403, 'forbidden']);
      }
    });

    it('serves the metrics to an admin’s token', async () => {
      const reply = await fetch(`${root}/metrics`, { headers: { authorization: `Bearer ${app.token('admin')}` } });
      expect(reply.status).toBe(200);
      expect(await reply.text()).toContain('http_request_duration_seconds');
    });

    it('serves the metrics with the token', async () => {
      const reply = await fetch(`${root}/metrics`, { headers: { authorization: 'Bearer metrics-token-for-the-test' } });
      expect(reply.status).toBe(200);
      expect(await reply.text()).toContain('http_request_duration_seconds');
      expect(reply.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('the public rate limit', () => {
    it('is one count per address across every public route', async () => {
      const statuses: number[] = [];
      for (const path of ['/public/kindergartens', '/public/notices', '/public/kindergartens', '/public/notices', '/public/kindergartens', '/public/notices']) {
        statuses.push((await app.call('GET', path)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    });

    it('ignores X-Forwarded-For without TRUST_PROXY: a caller cannot pick a fresh bucket', async () => {
      const reply = await app.call('GET', '/public/kindergartens', { headers: { 'x-forwarded-for': '203.0.113.77' } });
      expect(reply.status).toBe(429);
    });
  });
});

describe('behind a trusted reverse proxy (TRUST_PROXY)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('pglite', { PUBLIC_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('counts each forwarded client address apart, not one bucket for everybody', async () => {
    const from = async (address: string): Promise<number> =>
      (await app.call('GET', '/public/notices', { headers: { 'x-forwarded-for': address } })).status;
    const first = [await from('198.51.100.1'), await from('198.51.100.1'), await from('198.51.100.1'), await from('198.51.100.1')];
    expect(first).toEqual([200, 200, 200, 429]);
    expect(await from('198.51.100.2')).toBe(200);
  });
});

describe('/metrics in production without METRICS_TOKEN', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('pglite', { NODE_ENV: 'production', ADMIN_INITIAL_PASSWORD: 'Production-Admin-1' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is refused (401) to anyone but an admin, and served to an admin’s session', async () => {
    const metrics = `${app.url.replace(/\/api\/v1$/, '')}/metrics`;
    const anonymous = await fetch(metrics);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'unauthenticated' });

    const signIn = await app.call('POST', '/auth/sign-in', { body: { username: 'admin', password: 'Production-Admin-1' } });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    // the one-time password first
    expect((await fetch(metrics, { headers: { cookie } })).status).toBe(403);
    const changed = await app.call('POST', '/auth/password', {
      body: { currentPassword: 'Production-Admin-1', newPassword: 'Qingshui-River-2026!' },
      headers: { cookie, 'x-csrf-token': signIn.body.csrfToken },
    });
    expect(changed.status).toBe(204);
    const session = await fetch(metrics, { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(await session.text()).toContain('http_request_duration_seconds');
  });
});

describe('settings', () => {
  const production = { NODE_ENV: 'production', DATA_DIR: '/tmp', ADMIN_INITIAL_PASSWORD: 'Production-Admin-1' };

  it('needs ADMIN_INITIAL_PASSWORD in production, and says so', () => {
    const { ADMIN_INITIAL_PASSWORD: _, ...withoutAdmin } = production;
    expect(() => loadSettings({ ...withoutAdmin, AUTH_JWT_SECRET: 'a-real-secret-of-more-than-32-characters' })).toThrow(
      /ADMIN_INITIAL_PASSWORD is required when NODE_ENV=production/,
    );
  });

  it('refuses the .env.example placeholder secret in production', () => {
    expect(() => loadSettings({ ...production, AUTH_JWT_SECRET: 'change-me-to-32-or-more-random-characters' })).toThrow(/placeholder/);
    expect(() => loadSettings({ ...production, AUTH_JWT_SECRET: 'a-real-secret-of-more-than-32-characters' })).not.toThrow();
  });

  it('has safe defaults for the HTTP timeouts and the token lifetime, and validates them', () => {
    const settings = loadSettings({});
    expect(settings).toMatchObject({ HTTP_REQUEST_TIMEOUT_MS: 30_000, HTTP_HEADERS_TIMEOUT_MS: 10_000, HTTP_IDLE_TIMEOUT_MS: 60_000, AUTH_TOKEN_MAX_HOURS: 24 });
    expect(() => loadSettings({ HTTP_REQUEST_TIMEOUT_MS: '0' })).toThrow(/HTTP_REQUEST_TIMEOUT_MS/);
    expect(() => loadSettings({ HTTP_HEADERS_TIMEOUT_MS: '60000' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
    expect(() => loadSettings({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(loadSettings({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toBe('10.0.0.0/8, 127.0.0.1');
  });
});
