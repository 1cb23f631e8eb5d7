import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { testDatabaseUrl, uniqueSchemaName } from '@app/sql/testing';
import { SESSION_COOKIE } from '../../apps/api/src/auth/authenticator.js';
import { startEngine, type EngineProcess } from '../support/engine-process.js';
import { startOidcProvider, TestBrowser, type TestOidcProvider } from '../support/oidc-provider.js';
import { waitUntil } from '../support/wait.js';
import { stopAllChildren } from '../support/worker-process.js';

const ENGINE = 'engine.test';
const REDIRECT_URI = `http://${ENGINE}/api/v1/auth/oidc/callback`;

/** The engine as `npm start` runs it, logging every request: single sign-on's secrets stay out of its log. */
describe('single sign-on leaves no secret in the log (engine process, postgres)', () => {
  const schema = uniqueSchemaName('oidclog');
  let provider: TestOidcProvider;
  let engine: EngineProcess;

  beforeAll(async () => {
    provider = await startOidcProvider(REDIRECT_URI);
    engine = await startEngine({
      EVENT_STORE: 'postgres',
      DATABASE_URL: testDatabaseUrl(),
      DATABASE_SCHEMA: schema,
      RUN_REMINDERS: 'false',
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URI: REDIRECT_URI,
    });
    await engine.listening();
  }, 90_000);

  afterAll(async () => {
    await engine?.run.stop();
    await stopAllChildren();
    await provider?.close();
    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await db.end();
  }, 60_000);

  it('logs the callback without its authorization code, and no session id, cookie or client secret', async () => {
    const admin = engine.token('admin');
    await engine.usersReady();
    const userId = `user-${randomUUID().slice(0, 8)}`;
    const registered = await fetch(`${engine.url}/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: userId, name: '单点登录测试', role: 'auditor' }),
    });
    expect(registered.status).toBe(201);
    const sub = `sso-${randomUUID()}`;
    provider.accounts.set(sub, { preferred_username: userId });
    provider.signInAs(sub);
    const browser = new TestBrowser({ [ENGINE]: engine.root });
    const { url: callback } = await browser.visit(`http://${ENGINE}/api/v1/auth/oidc/start`, {
      stopAt: (url) => url.host === ENGINE && url.pathname === '/api/v1/auth/oidc/callback',
    });
    const pending = browser.cookie(ENGINE, 'oidc_sign_in')!;
    const code = callback.searchParams.get('code')!;
    expect(pending).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(code.length).toBeGreaterThan(20);

    const visit = await browser.visit(callback, { stopAt: (url) => url.host === ENGINE && !url.pathname.startsWith('/api/') });
    expect(visit.url.pathname).toBe('/');
    const session = browser.cookie(ENGINE, SESSION_COOKIE)!;
    const me = await fetch(`${engine.url}/auth/me`, { headers: { cookie: `${SESSION_COOKIE}=${session}` } });
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(userId);

    // the request is logged (so the grep below looks where a leak would be), its code redacted
    await waitUntil(() => engine.run.output().includes('/api/v1/auth/oidc/callback?'), { what: 'the callback in the log' });
    const log = engine.run.output();
    expect(log).toMatch(/\/api\/v1\/auth\/oidc\/callback\?code=\[Redacted\]/);
    for (const secret of [code, pending, session, provider.clientSecret]) expect(log).not.toContain(secret);
  });
});
