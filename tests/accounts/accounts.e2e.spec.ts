import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '@app/config';
import { Authenticator } from '../../apps/api/src/auth/authenticator.js';
import { TEST_JWT_SECRET, freshId, startTestApp, type Reply, type StoreKind, type TestApp } from '../support/test-app.js';

/** The engine's clock, moved by the test: sessions' idle and absolute limits without waiting. */
class MovableClock extends Clock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

const ADMIN_PASSWORD = 'Admin-Initial-1';
const GOOD = 'Qingshui-River-2026!';

const expectProblem = (reply: Reply, status: number, code: string): void => {
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
};

/** A browser: keeps the session cookie, sends X-CSRF-Token on writes as the console does. */
class Browser {
  cookie?: string;
  csrf?: string;
  constructor(private readonly app: TestApp) {}

  async signIn(username: string, password: string): Promise<Reply> {
    const reply = await this.app.call('POST', '/auth/sign-in', { body: { username, password }, headers: this.cookie ? { cookie: this.cookie } : {} });
    const set = reply.headers.get('set-cookie');
    if (reply.status === 200 && set) {
      this.cookie = set.split(';')[0];
      this.csrf = reply.body.csrfToken;
    }
    return reply;
  }

  call(method: string, path: string, options: { body?: unknown; csrf?: string | null } = {}): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers['cookie'] = this.cookie;
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (csrf !== null && csrf !== undefined && method !== 'GET') headers['x-csrf-token'] = csrf;
    return this.app.call(method, path, { body: options.body, headers });
  }
}

describe.each<StoreKind>(['pglite', 'postgres'])('accounts and sign-in over HTTP (%s)', (kind) => {
  let app: TestApp;
  let clock: MovableClock;
  let admin: string;

  beforeAll(async () => {
    clock = new MovableClock();
    app = await startTestApp(kind, {}, { clock });
    admin = app.token('admin', { sub: 'admin-li', name: '李管理员' });
  });

  afterAll(async () => {
    await app?.close();
  });

  /** A user registered by the admin, with its one-time password changed to `password` (so it may work). */
  const person = async (role: string, extra: Record<string, unknown> = {}, password = GOOD): Promise<{ id: string; browser: Browser }> => {
    const id = freshId(role.slice(0, 3));
    const created = await app.call('POST', '/users', { token: admin, body: { id, name: `用户${id}`, role, ...extra } });
    expect(created.status).toBe(201);
    const browser = new Browser(app);
    expect((await browser.signIn(id, created.body.initialPassword)).status).toBe(200);
    expect((await browser.call('POST', '/auth/password', { body: { currentPassword: created.body.initialPassword, newPassword: password } })).status).toBe(204);
    return { id, browser };
  };

  it('first start: admin signs in with ADMIN_INITIAL_PASSWORD, must change it first, with the CSRF token', async () => {
    const browser = new Browser(app);
    const signedIn = await browser.signIn('admin', ADMIN_PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ user: { id: 'admin', role: 'admin', name: '系统管理员' }, passwordChangeRequired: true });
    const cookie = signedIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sid=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expectProblem(await browser.call('GET', '/kindergartens'), 403, 'password-change-required');
    expect((await browser.call('GET', '/auth/me')).body).toMatchObject({ user: { id: 'admin' }, csrfToken: browser.csrf, passwordChangeRequired: true });
    // csrf before the password check
    expectProblem(await browser.call('POST', '/auth/password', { body: { currentPassword: ADMIN_PASSWORD, newPassword: GOOD }, csrf: null }), 403, 'csrf-failed');
    expectProblem(await browser.call('POST', '/auth/password', { body: { currentPassword: 'wrong-Password-1', newPassword: GOOD } }), 401, 'invalid-credentials');
    expect((await browser.call('POST', '/auth/password', { body: { currentPassword: ADMIN_PASSWORD, newPassword: GOOD } })).status).toBe(204);
    expect((await browser.call('GET', '/kindergartens')).status).toBe(200);
    expect((await browser.call('GET', '/auth/me')).body.passwordChangeRequired).toBe(false);
  });

  it('registers users: one-time password once, 409 user-exists, 422 for an unknown scope, system reserved, never a hash', async () => {
    const id = freshId('sup');
    const created = await app.call('POST', '/users', {
      token: admin,
      body: { id, name: '王督学', role: 'supervisor', townships: ['城关镇', 'honghe'], email: 'wang@example.cn', phone: '+86 471 1234567' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/users/${id}`);
    expect(created.body.user).toMatchObject({ id, name: '王督学', role: 'supervisor', townships: ['chengguan', 'honghe'], enabled: true, passwordChangeRequired: true });
    expect(created.body.initialPassword).toMatch(/^.{16,}$/);
    expectProblem(await app.call('POST', '/users', { token: admin, body: { id, name: '又一个', role: 'auditor' } }), 409, 'user-exists');
    expectProblem(await app.call('POST', '/users', { token: admin, body: { id: 'system', name: '系统', role: 'admin' } }), 400, 'validation-failed');
    expectProblem(await app.call('POST', '/users', { token: admin, body: { id: 'Bad Id', name: 'x', role: 'admin' } }), 400, 'validation-failed');
    expectProblem(
      await app.call('POST', '/users', { token: admin, body: { id: freshId('d'), name: '园长', role: 'kindergarten', kindergartenId: 'kg-nowhere' } }),
      422,
      'unknown-kindergarten',
    );
    expectProblem(
      await app.call('POST', '/users', { token: admin, body: { id: freshId('d'), name: '科员', role: 'department', unitId: 'unit-nowhere' } }),
      422,
      'unknown-unit',
    );
    expectProblem(
      await app.call('POST', '/users', { token: admin, body: { id: freshId('s'), name: '督学', role: 'supervisor', townships: ['火星镇'] } }),
      422,
      'unknown-township',
    );
    const one = await app.call('GET', `/users/${id}`, { token: admin });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id, email: 'wang@example.cn', phone: '+86 471 1234567' });
    expect(JSON.stringify(one.body)).not.toMatch(/argon2|hash|password"/i);
    const list = await app.call('GET', '/users?role=supervisor', { token: admin });
    expect(list.body.items.map((user: { id: string }) => user.id)).toContain(id);
    expect(list.body.items.every((user: { role: string }) => user.role === 'supervisor')).toBe(true);
    const updated = await app.call('PUT', `/users/${id}`, { token: admin, body: { name: '王督学', role: 'supervisor' } });
    expect(updated.status).toBe(200);
    expect(updated.body.townships).toBeUndefined();
    expectProblem(await app.call('GET', `/users/${id}`, { token: app.token('auditor') }), 403, 'forbidden');
    expectProblem(await app.call('GET', '/users/nobody-here', { token: admin }), 404, 'not-found');
  });

  it('wrong password ×5, then the right one: 423 account-locked with Retry-After; enable lifts the lock', async () => {
    const { id } = await person('auditor');
    const browser = new Browser(app);
    for (let attempt = 0; attempt < 5; attempt++) expectProblem(await browser.signIn(id, 'Wrong-password-1'), 401, 'invalid-credentials');
    const locked = await browser.signIn(id, GOOD);
    expectProblem(locked, 423, 'account-locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    // unknown usernames lock alike: 423 reveals nothing
    const ghost = freshId('ghost');
    for (let attempt = 0; attempt < 5; attempt++) expectProblem(await browser.signIn(ghost, 'Wrong-password-1'), 401, 'invalid-credentials');
    expectProblem(await browser.signIn(ghost, 'Wrong-password-1'), 423, 'account-locked');
    expect((await app.call('POST', `/users/${id}/enable`, { token: admin })).status).toBe(200);
    expect((await browser.signIn(id, GOOD)).status).toBe(200);
    const log = await app.call('GET', `/audit/sign-ins?userId=${id}`, { token: app.token('auditor') });
    expect(log.status).toBe(200);
    const types = log.body.items.map((item: { type: string }) => item.type);
    expect(types.filter((type: string) => type === 'UserSignInFailed').length).toBeGreaterThanOrEqual(6);
    const lockedSentence = (await app.call('GET', `/audit/sign-ins?userId=${ghost}`, { token: app.token('auditor') })).body.items.find(
      (item: { type: string }) => item.type === 'AccountLocked',
    );
    expect(lockedSentence.sentence).toMatch(/连续登录失败，锁定至/);
    expect(types).toContain('UserSignedIn');
  }, 60_000);

  it('racing wrong passwords lock the username once: every answer 401 or 423, one AccountLocked', async () => {
    const { id } = await person('auditor');
    const replies = await Promise.all(Array.from({ length: 8 }, () => new Browser(app).signIn(id, 'Wrong-password-1')));
    expect(replies.every((reply) => reply.status === 401 || reply.status === 423)).toBe(true);
    expect(replies.filter((reply) => reply.status === 401).length).toBeGreaterThanOrEqual(5);
    expectProblem(await new Browser(app).signIn(id, GOOD), 423, 'account-locked');
    const log = await app.call('GET', `/audit/sign-ins?userId=${id}`, { token: app.token('auditor') });
    expect(log.body.items.filter((item: { type: string }) => item.type === 'AccountLocked')).toHaveLength(1);
  }, 60_000);

  it('unknown user, wrong password and disabled account answer the same 401; a disabled user’s live session ends at once', async () => {
    const { id, browser } = await person('auditor');
    expect((await browser.call('GET', '/audit/streams')).status).toBe(200);
    const unknown = await new Browser(app).signIn(freshId('nobody'), GOOD);
    const wrong = await new Browser(app).signIn(id, 'Wrong-password-1');
    expect((await app.call('POST', `/users/${id}/disable`, { token: admin })).body).toMatchObject({ id, enabled: false });
    expectProblem(await browser.call('GET', '/audit/streams'), 401, 'unauthenticated');
    const disabled = await new Browser(app).signIn(id, GOOD);
    for (const reply of [unknown, wrong, disabled]) {
      expect({ status: reply.status, body: reply.body }).toEqual({ status: 401, body: unknown.body });
    }
    expectProblem(await app.call('POST', '/users/admin-li/disable', { token: admin }), 409, 'cannot-disable-self');
  });

  it('bearer tokens: sub must be registered and enabled, claims must agree with the directory', async () => {
    const auditor = app.token('auditor', { sub: freshId('aud') });
    await app.usersReady();
    expect((await app.call('GET', '/audit/streams', { token: auditor })).status).toBe(200);
    // a token for nobody in the directory
    const signer = new Authenticator(TEST_JWT_SECRET);
    expectProblem(await app.call('GET', '/audit/streams', { token: signer.sign({ sub: freshId('ghost'), role: 'auditor' }, '1h') }), 401, 'unauthenticated');
    // the role claim disagrees with the directory
    const sub = freshId('aud');
    app.token('auditor', { sub });
    await app.usersReady();
    expectProblem(await app.call('GET', '/audit/streams', { token: signer.sign({ sub, role: 'admin' }, '1h') }), 401, 'unauthenticated');
    expect((await app.call('GET', '/audit/streams', { token: signer.sign({ sub, role: 'auditor' }, '1h') })).status).toBe(200);
    // a disabled user's token
    expect((await app.call('POST', `/users/${sub}/disable`, { token: admin })).status).toBe(200);
    expectProblem(await app.call('GET', '/audit/streams', { token: signer.sign({ sub, role: 'auditor' }, '1h') }), 401, 'unauthenticated');
    // a service account has no password and cannot sign in
    const service = await app.call('POST', '/users', { token: admin, body: { id: freshId('svc'), name: '对接系统', role: 'auditor', serviceAccount: true } });
    expect(service.body.initialPassword).toBeNull();
    expectProblem(await new Browser(app).signIn(service.body.user.id, GOOD), 401, 'invalid-credentials');
  });

  it('CSRF: a cookie write without or with a wrong X-CSRF-Token is 403 csrf-failed and writes nothing', async () => {
    const { browser } = await person('admin');
    const head = await app.store.headPosition();
    const body = { id: freshId('kg'), name: `园${freshId('n')}`, township: '城关镇', ownership: 'public' };
    expectProblem(await browser.call('POST', '/kindergartens', { body, csrf: null }), 403, 'csrf-failed');
    expectProblem(await browser.call('POST', '/kindergartens', { body, csrf: 'x'.repeat(32) }), 403, 'csrf-failed');
    expect(await app.store.headPosition()).toBe(head);
    expect((await browser.call('POST', '/kindergartens', { body })).status).toBe(201);
  });

  it('a forged session id is 401; sign-in gives a new session id (fixation) and sign-out ends it', async () => {
    const forged = new Browser(app);
    forged.cookie = `sid=${'A'.repeat(43)}`;
    expectProblem(await forged.call('GET', '/auth/me'), 401, 'unauthenticated');
    const { id, browser } = await person('auditor');
    const planted = browser.cookie!;
    expect((await browser.signIn(id, GOOD)).status).toBe(200);
    expect(browser.cookie).not.toBe(planted);
    expect((await browser.call('GET', '/auth/me')).status).toBe(200);
    expect((await browser.call('POST', '/auth/sign-out')).status).toBe(204);
    expectProblem(await browser.call('GET', '/auth/me'), 401, 'unauthenticated');
  });

  it('an over-long password is refused (400) before any hashing, and counts as no attempt', async () => {
    const { id } = await person('auditor');
    const browser = new Browser(app);
    const huge = 'A1b!'.repeat(200_000);
    expectProblem(await browser.signIn(id, huge), 400, 'validation-failed');
    expectProblem(await browser.signIn(id, 'x'.repeat(257)), 400, 'validation-failed');
    const log = await app.call('GET', `/audit/sign-ins?userId=${id}`, { token: app.token('auditor') });
    expect(log.body.items.filter((item: { type: string }) => item.type === 'UserSignInFailed')).toEqual([]);
  });

  it('sessions end after SESSION_IDLE_MINUTES without a request and SESSION_MAX_HOURS in all', async () => {
    const { browser: idle } = await person('auditor');
    clock.advance(29 * 60_000);
    expect((await idle.call('GET', '/auth/me')).status).toBe(200);
    clock.advance(29 * 60_000);
    expect((await idle.call('GET', '/auth/me')).status).toBe(200);
    clock.advance(31 * 60_000);
    expectProblem(await idle.call('GET', '/auth/me'), 401, 'unauthenticated');
    const { browser: busy } = await person('auditor');
    for (let step = 0; step < 12 * 3; step++) {
      clock.advance(20 * 60_000);
      if (step < 12 * 3 - 1) expect((await busy.call('GET', '/auth/me')).status).toBe(200);
    }
    expectProblem(await busy.call('GET', '/auth/me'), 401, 'unauthenticated');
  });

  it('the password policy: length, three kinds, not the username, not one of the last three; other sessions end', async () => {
    const { id, browser } = await person('auditor');
    const other = new Browser(app);
    expect((await other.signIn(id, GOOD)).status).toBe(200);
    const change = (currentPassword: string, newPassword: string) => browser.call('POST', '/auth/password', { body: { currentPassword, newPassword } });
    for (const weak of ['Short-1a', 'alllowercaseletters', 'ALLUPPER123456', `${id.toUpperCase()}-Aa1`, GOOD]) {
      expectProblem(await change(GOOD, weak), 422, 'weak-password');
    }
    const second = 'Second-Password-2';
    const third = 'Third-Password-3!';
    expect((await change(GOOD, second)).status).toBe(204);
    // the current session and its csrfToken stay; the user's other session ended
    expect((await browser.call('GET', '/auth/me')).body.csrfToken).toBe(browser.csrf);
    expectProblem(await other.call('GET', '/auth/me'), 401, 'unauthenticated');
    expect((await change(second, third)).status).toBe(204);
    expectProblem(await change(third, GOOD), 422, 'weak-password');
    expect((await change(third, 'Fourth-Password-4')).status).toBe(204);
    expect((await change('Fourth-Password-4', GOOD)).status).toBe(204);
  }, 120_000);

  it('the record names the directory’s person: timelines show 王督学（督学）', async () => {
    const id = freshId('wang');
    const created = await app.call('POST', '/users', { token: admin, body: { id, name: '王督学', role: 'supervisor' } });
    const browser = new Browser(app);
    await browser.signIn(id, created.body.initialPassword);
    await browser.call('POST', '/auth/password', { body: { currentPassword: created.body.initialPassword, newPassword: GOOD } });
    const kindergarten = freshId('kg');
    await app.call('POST', '/kindergartens', { token: admin, body: { id: kindergarten, name: `园${kindergarten}`, township: '城关镇', ownership: 'public' } });
    const scheduled = await browser.call('POST', '/inspections', { body: { kindergartenId: kindergarten, kind: 'safety', year: 2026, scheduledOn: '2026-12-20' } });
    expect(scheduled.status).toBe(201);
    const timeline = await app.call('GET', `/audit/streams/inspection-${scheduled.body.id}/timeline`, { token: app.token('auditor') });
    expect(timeline.body.steps[0].actor).toMatchObject({ sub: id, role: 'supervisor', name: '王督学', label: '王督学（督学）' });
    const userTimeline = await app.call('GET', `/audit/streams/user-${id}/timeline`, { token: app.token('auditor') });
    expect(userTimeline.body.steps.map((step: { sentence: string }) => step.sentence)).toEqual([
      `登记用户“王督学”（${id}，督学）`,
      `用户 ${id} 修改了密码`,
    ]);
  });
});
