import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SESSION_COOKIE } from '../../apps/api/src/auth/authenticator.js';
import { startOidcProvider, TestBrowser, type TestOidcProvider, type Visit } from '../support/oidc-provider.js';
import { freshId, startTestApp, type StoreKind, type TestApp } from '../support/test-app.js';

// the engine as the provider and the browser know it (its redirect URI); the browser maps it onto the test engine
const ENGINE = 'engine.test';
const REDIRECT_URI = `http://${ENGINE}/api/v1/auth/oidc/callback`;
const START = `http://${ENGINE}/api/v1/auth/oidc/start`;
const PENDING_COOKIE = 'oidc_sign_in';

const isCallback = (url: URL): boolean => url.host === ENGINE && url.pathname === '/api/v1/auth/oidc/callback';
/** Signed in: the engine sent the browser to one of its pages (the console), outside the API. */
const isSignedIn = (url: URL): boolean => url.host === ENGINE && !url.pathname.startsWith('/api/');

describe.each<StoreKind>(['pglite', 'postgres'])('single sign-on with a real OpenID provider (%s)', (kind) => {
  let provider: TestOidcProvider;
  let app: TestApp;
  let admin: string;

  const browser = (): TestBrowser => new TestBrowser({ [ENGINE]: new URL(app.url).origin });

  /** A provider account (fresh `sub`) with these claims, signing in next. */
  const account = (claims: Record<string, string>): string => {
    const sub = `sso-${randomUUID()}`;
    provider.accounts.set(sub, claims);
    provider.signInAs(sub);
    return sub;
  };

  /** A person registered in the directory (POST /users), enabled unless said otherwise. */
  const user = async (options: { enabled?: boolean } = {}): Promise<string> => {
    const id = freshId('user');
    expect((await app.call('POST', '/users', { token: admin, body: { id, name: `督学${id}`, role: 'supervisor' } })).status).toBe(201);
    if (options.enabled === false) await disable(id);
    return id;
  };

  const disable = async (id: string): Promise<void> => {
    expect((await app.call('POST', `/users/${id}/disable`, { token: admin })).status).toBe(200);
  };

  const signIn = (client: TestBrowser, start = START): Promise<Visit> => client.visit(start, { stopAt: isSignedIn });

  /** Who GET /auth/me says the browser's session belongs to (never asked to change a password), or undefined. */
  const signedInUser = async (client: TestBrowser): Promise<string | undefined> => {
    const session = client.cookie(ENGINE, SESSION_COOKIE);
    if (session === undefined) return undefined;
    const me = await app.call('GET', '/auth/me', { headers: { cookie: `${SESSION_COOKIE}=${session}` } });
    if (me.status !== 200) return undefined;
    expect(me.body).toMatchObject({ csrfToken: expect.any(String), passwordChangeRequired: false });
    return me.body.user.id;
  };

  const bindings = async (userId: string): Promise<number> =>
    (await app.database.query(`SELECT 1 FROM "${app.settings.DATABASE_SCHEMA}".oidc_identities WHERE user_id = $1`, [userId])).length;

  beforeAll(async () => {
    provider = await startOidcProvider(REDIRECT_URI);
    app = await startTestApp(kind, {
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URI: REDIRECT_URI,
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000',
      // as behind an HTTPS proxy: every cookie of the engine is Secure (this browser sends them over plain HTTP all the same)
      SESSION_COOKIE_SECURE: 'always',
    });
    admin = app.token('admin');
    // a first run after the schema changed prepares the shared PGlite template
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    await provider?.close();
  });

  it('signs a registered user in through the provider’s redirects: PKCE, state and nonce, then a session and a redirect to /', async () => {
    const userId = await user();
    account({ preferred_username: userId, name: '王督学' });
    const client = browser();

    const visit = await signIn(client);

    expect(visit.url.href).toBe(`http://${ENGINE}/`);
    expect(await signedInUser(client)).toBe(userId);
    const authorization = visit.trail.find((url) => url.origin === provider.issuer && url.pathname === '/auth')!;
    expect(Object.fromEntries(authorization.searchParams)).toEqual(
      expect.objectContaining({
        client_id: provider.clientId,
        redirect_uri: REDIRECT_URI,
        response_type: 'code',
        scope: 'openid profile',
        code_challenge_method: 'S256',
        code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      }),
    );
    const engineCookies = client.setCookieLines.filter((cookie) => cookie.host === ENGINE).map((cookie) => cookie.line);
    // the pending sign-in: HttpOnly, back only to the callback, Lax so that it crosses the provider's redirect; then spent
    expect(engineCookies[0]).toMatch(
      new RegExp(`^${PENDING_COOKIE}=[A-Za-z0-9_-]{43}; Path=/api/v1/auth/oidc/callback; Expires=.*; HttpOnly; Secure; SameSite=Lax$`),
    );
    expect(client.cookie(ENGINE, PENDING_COOKIE)).toBeUndefined();
    const session = engineCookies.find((line) => line.startsWith(`${SESSION_COOKIE}=`));
    expect(session).toMatch(/; Path=\/;/);
    expect(session).toMatch(/; HttpOnly;/);
    expect(session).toMatch(/; Secure;/);
    expect(session).toMatch(/; SameSite=Strict(;|$)/);
    expect(await bindings(userId)).toBe(1);
    // the sign-in log records it as a single sign-on
    const log = await app.call('GET', `/audit/sign-ins?userId=${userId}`, { token: app.token('auditor') });
    expect(log.body.items).toEqual([expect.objectContaining({ type: 'UserSignedIn', data: { userId, method: 'oidc' } })]);
  });

  it('finds the user by the bound iss + sub at the next sign-in, even after the username claim changed', async () => {
    const userId = await user();
    const sub = account({ preferred_username: userId });
    const first = browser();
    await signIn(first);
    expect(await signedInUser(first)).toBe(userId);

    provider.accounts.set(sub, { preferred_username: `renamed-${userId}` });
    provider.signInAs(sub);
    const second = browser();
    expect((await signIn(second)).url.href).toBe(`http://${ENGINE}/`);
    expect(await signedInUser(second)).toBe(userId);
  });

  it('refuses a second provider account claiming a user already bound (403 unknown-user), and binds nothing', async () => {
    const userId = await user();
    account({ preferred_username: userId });
    await signIn(browser());
    account({ preferred_username: userId });
    const client = browser();

    const visit = await signIn(client);

    expect(visit.response?.status).toBe(403);
    expect(JSON.parse(visit.body!)).toMatchObject({ status: 403, code: 'unknown-user' });
    expect(client.cookie(ENGINE, SESSION_COOKIE)).toBeUndefined();
    expect(await bindings(userId)).toBe(1);
  });

  it('answers an unregistered subject, one without the username claim, or a service account with 403 unknown-user and no session', async () => {
    // an integration's account: tokens only, it cannot sign in
    const serviceAccount = freshId('service');
    app.token('supervisor', { sub: serviceAccount });
    await app.usersReady();
    for (const claims of [{ preferred_username: serviceAccount }, { preferred_username: freshId('nobody') }, { name: '无用户名' }] as Array<
      Record<string, string>
    >) {
      account(claims);
      const client = browser();
      const visit = await signIn(client);
      expect(visit.response?.status).toBe(403);
      expect(visit.response?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(visit.body!)).toMatchObject({ code: 'unknown-user' });
      expect(client.cookie(ENGINE, SESSION_COOKIE)).toBeUndefined();
    }
  });

  it('refuses a disabled user, at the first sign-in and once bound', async () => {
    const disabled = await user({ enabled: false });
    account({ preferred_username: disabled });
    expect((await signIn(browser())).response?.status).toBe(403);
    expect(await bindings(disabled)).toBe(0);

    const userId = await user();
    const sub = account({ preferred_username: userId });
    await signIn(browser());
    await disable(userId);
    provider.signInAs(sub);
    const client = browser();
    const visit = await signIn(client);
    expect(visit.response?.status).toBe(403);
    expect(JSON.parse(visit.body!)).toMatchObject({ code: 'unknown-user' });
    expect(await signedInUser(client)).toBeUndefined();
  });

  it('refuses an answer whose state is not the pending sign-in’s, or that reaches another browser (400 oidc-state-mismatch)', async () => {
    const userId = await user();
    account({ preferred_username: userId });
    const client = browser();
    const { url: callback } = await client.visit(START, { stopAt: isCallback });

    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state');
    const wrongState = await client.visit(forged, { stopAt: isSignedIn });
    expect(wrongState.response?.status).toBe(400);
    expect(JSON.parse(wrongState.body!)).toMatchObject({ code: 'oidc-state-mismatch' });
    expect(client.cookie(ENGINE, PENDING_COOKIE)).toBeUndefined();
    // the pending sign-in was spent by the refused attempt: even the genuine answer no longer signs in
    const genuine = await client.visit(callback, { stopAt: isSignedIn });
    expect(genuine.response?.status).toBe(400);

    // an answer carried to a browser that did not start the sign-in (login CSRF)
    provider.signInAs([...provider.accounts.keys()].at(-1)!);
    const { url: other } = await browser().visit(START, { stopAt: isCallback });
    const elsewhere = browser();
    const visit = await elsewhere.visit(other, { stopAt: isSignedIn });
    expect(visit.response?.status).toBe(400);
    expect(JSON.parse(visit.body!)).toMatchObject({ code: 'oidc-state-mismatch' });
    expect(elsewhere.cookie(ENGINE, SESSION_COOKIE)).toBeUndefined();
    expect(await bindings(userId)).toBe(0);
  });

  it('refuses a replayed code: the spent pending sign-in (400), and the provider’s refusal within a new one (401 oidc-code-rejected)', async () => {
    const userId = await user();
    const sub = account({ preferred_username: userId });
    const client = browser();
    const { url: callback } = await client.visit(START, { stopAt: isCallback });
    expect((await client.visit(callback, { stopAt: isSignedIn })).url.href).toBe(`http://${ENGINE}/`);

    const replay = await client.visit(callback, { stopAt: isSignedIn });
    expect(replay.response?.status).toBe(400);
    expect(JSON.parse(replay.body!)).toMatchObject({ code: 'oidc-state-mismatch' });

    // a new sign-in in the same browser, answered with the old code under the new state
    provider.signInAs(sub);
    const attacker = browser();
    const { url: fresh } = await attacker.visit(START, { stopAt: isCallback });
    const injected = new URL(callback);
    injected.searchParams.set('state', fresh.searchParams.get('state')!);
    const visit = await attacker.visit(injected, { stopAt: isSignedIn });
    expect(visit.response?.status).toBe(401);
    expect(JSON.parse(visit.body!)).toMatchObject({ code: 'oidc-code-rejected' });
    expect(attacker.cookie(ENGINE, SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses an ID token whose nonce is not the pending sign-in’s (401 oidc-id-token-rejected)', async () => {
    const userId = await user();
    account({ preferred_username: userId });
    const client = browser();
    // the authorization request altered on its way to the provider, which then signs another nonce into the ID token
    const visit = await client.visit(START, {
      stopAt: isSignedIn,
      tamper: (url) => {
        if (url.origin !== provider.issuer || url.pathname !== '/auth' || url.searchParams.get('nonce') === 'tampered') return undefined;
        const tampered = new URL(url);
        tampered.searchParams.set('nonce', 'tampered');
        return tampered;
      },
    });
    expect(visit.trail.some((url) => url.searchParams.get('nonce') === 'tampered')).toBe(true);
    expect(visit.response?.status).toBe(401);
    expect(JSON.parse(visit.body!)).toMatchObject({ code: 'oidc-id-token-rejected', detail: expect.stringMatching(/nonce/) });
    expect(client.cookie(ENGINE, SESSION_COOKIE)).toBeUndefined();
    expect(await bindings(userId)).toBe(0);
  });

  it('passes on the provider’s refusal to sign in (401 oidc-sign-in-refused)', async () => {
    account({ preferred_username: await user() });
    const client = browser();
    // asked not to show its login (prompt=none) to a browser without a session there, the provider answers login_required
    const visit = await client.visit(START, {
      stopAt: isSignedIn,
      tamper: (url) => {
        if (url.origin !== provider.issuer || url.pathname !== '/auth' || url.searchParams.has('prompt')) return undefined;
        const tampered = new URL(url);
        tampered.searchParams.set('prompt', 'none');
        return tampered;
      },
    });
    expect(visit.trail.some((url) => isCallback(url) && url.searchParams.get('error') === 'login_required')).toBe(true);
    expect(visit.response?.status).toBe(401);
    expect(JSON.parse(visit.body!)).toMatchObject({ code: 'oidc-sign-in-refused', detail: expect.stringMatching(/login_required/) });
    expect(client.cookie(ENGINE, SESSION_COOKIE)).toBeUndefined();
  });

  it('lets one of two racing callbacks of one sign-in through, and refuses the other (400)', async () => {
    const userId = await user();
    account({ preferred_username: userId });
    const client = browser();
    const { url: callback } = await client.visit(START, { stopAt: isCallback });

    const visits = await Promise.all([0, 1].map(() => client.visit(callback, { stopAt: isSignedIn })));

    expect(visits.map((visit) => visit.response?.status ?? 'signed in').sort()).toEqual([400, 'signed in']);
    expect(await signedInUser(client)).toBe(userId);
  });

  it('binds one of two provider accounts racing to claim the same user at their first sign-in, and refuses the other', async () => {
    const userId = await user();
    const pending = [];
    for (let i = 0; i < 2; i++) {
      account({ preferred_username: userId });
      const client = browser();
      pending.push({ client, callback: (await client.visit(START, { stopAt: isCallback })).url });
    }

    const visits = await Promise.all(pending.map(({ client, callback }) => client.visit(callback, { stopAt: isSignedIn })));

    expect(visits.map((visit) => visit.response?.status ?? 'signed in').sort()).toEqual([403, 'signed in']);
    expect((await Promise.all(pending.map(({ client }) => signedInUser(client)))).filter(Boolean)).toEqual([userId]);
    expect(await bindings(userId)).toBe(1);
  });

  it('returns to a path of this site given at the start, and refuses one leading elsewhere (400 validation-failed)', async () => {
    const userId = await user();
    account({ preferred_username: userId });
    const client = browser();
    expect((await signIn(client, `${START}?returnTo=${encodeURIComponent('/rectifications?status=open')}`)).url.href).toBe(
      `http://${ENGINE}/rectifications?status=open`,
    );
    for (const elsewhere of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'rectifications']) {
      const reply = await app.call('GET', `/auth/oidc/start?returnTo=${encodeURIComponent(elsewhere)}`);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'validation-failed' });
    }
  });
});

describe('single sign-on when not configured, or when the provider is away', () => {
  let plain: TestApp;
  let away: TestApp;

  beforeAll(async () => {
    plain = await startTestApp('pglite');
    away = await startTestApp('pglite', {
      // a port nothing listens on
      OIDC_ISSUER_URL: 'http://127.0.0.1:9',
      OIDC_CLIENT_ID: 'engine',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_REDIRECT_URI: REDIRECT_URI,
    });
  }, 90_000);

  afterAll(async () => {
    await plain?.close();
    await away?.close();
  });

  it('answers 404 at both routes when OIDC_* is not set', async () => {
    for (const path of ['/auth/oidc/start', '/auth/oidc/callback?code=x&state=y']) {
      const reply = await plain.call('GET', path);
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ code: 'not-found' });
    }
  });

  it('tells the sign-in page, without a token, whether single sign-on is configured and where it starts', async () => {
    expect(await plain.call('GET', '/auth/oidc/status')).toMatchObject({ status: 200, body: { enabled: false, startUrl: null } });
    // configured: the status does not reach out to the provider, so it answers even while the provider is away
    expect(await away.call('GET', '/auth/oidc/status')).toMatchObject({ status: 200, body: { enabled: true, startUrl: '/api/v1/auth/oidc/start' } });
  });

  it('answers 502 oidc-provider-unavailable when the provider cannot be reached', async () => {
    const reply = await away.call('GET', '/auth/oidc/start');
    expect(reply.status).toBe(502);
    expect(reply.body).toMatchObject({ code: 'oidc-provider-unavailable' });
  });
});
