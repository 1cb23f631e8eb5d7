import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { testDatabaseUrl, uniqueSchemaName } from '@app/sql/testing';
import { startEngine, type EngineProcess } from '../support/engine-process.js';
import { stopAllChildren } from '../support/worker-process.js';

/**
 * Passwords, their hashes and session ids never leave their tables: the engine runs as `npm start` does (a child
 * process, its log at debug level captured), and after sign-ins, failures, changes, a reset and sign-outs, the export,
 * every answer and every log line are searched for each of them.
 */
describe('no password, hash or session id in an event, the export, a log line or an answer (postgres)', () => {
  const schema = uniqueSchemaName('secrets');
  const adminPassword = `Admin-${Math.random().toString(36).slice(2)}-Initial`;
  const env = { EVENT_STORE: 'postgres', DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema, LOG_LEVEL: 'debug', ADMIN_INITIAL_PASSWORD: adminPassword };
  let engine: EngineProcess;
  let db: pg.Client;
  const answers: string[] = [];
  const secrets = new Set<string>([adminPassword]);
  // shown once, in the answer that made them (POST /users, password-reset), and nowhere else
  const oneTime = new Set<string>();

  beforeAll(async () => {
    db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    engine = await startEngine(env);
    // a cold start compiles the engine on a shared machine: more time than listening()'s default
    await engine.run.waitForLog(/^listening on http:/, 170_000);
  }, 180_000);

  afterAll(async () => {
    await engine?.run.stop();
    await stopAllChildren();
    await db?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await db?.end();
  }, 60_000);

  /** A browser session: its cookie and CSRF token, every answer kept for the search. */
  const session = () => {
    let cookie = '';
    let csrf = '';
    const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
      const response = await fetch(`${engine.url}${path}`, {
        method,
        headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      answers.push(text, JSON.stringify([...response.headers].filter(([name]) => name !== 'set-cookie')));
      const set = response.headers.get('set-cookie');
      if (set?.startsWith('sid=') && set.split(';')[0]!.length > 4) {
        cookie = set.split(';')[0]!;
        secrets.add(cookie.slice(4));
        secrets.add(createHash('sha256').update(cookie.slice(4)).digest('hex'));
      }
      const parsed = text ? JSON.parse(text) : undefined;
      if (parsed?.csrfToken) csrf = parsed.csrfToken;
      return { status: response.status, body: parsed };
    };
    return { call };
  };

  it('finds none of them anywhere', async () => {
    const admin = session();
    expect((await admin.call('POST', '/auth/sign-in', { username: 'admin', password: 'Wrong-guess-123' })).status).toBe(401);
    secrets.add('Wrong-guess-123');
    expect((await admin.call('POST', '/auth/sign-in', { username: 'admin', password: adminPassword })).status).toBe(200);
    const adminNew = 'Bureau-Changed-2026!';
    secrets.add(adminNew);
    expect((await admin.call('POST', '/auth/password', { currentPassword: adminPassword, newPassword: adminNew })).status).toBe(204);
    const created = await admin.call('POST', '/users', { id: 'wang', name: '王督学', role: 'supervisor', email: 'wang@example.cn' });
    expect(created.status).toBe(201);
    oneTime.add(created.body.initialPassword);
    const wang = session();
    expect((await wang.call('POST', '/auth/sign-in', { username: 'wang', password: created.body.initialPassword })).status).toBe(200);
    const wangOwn = 'Qingshui-Supervisor-1';
    secrets.add(wangOwn);
    expect((await wang.call('POST', '/auth/password', { currentPassword: created.body.initialPassword, newPassword: wangOwn })).status).toBe(204);
    expect((await wang.call('GET', '/auth/me')).status).toBe(200);
    const reset = await admin.call('POST', '/users/wang/password-reset');
    expect(reset.status).toBe(200);
    oneTime.add(reset.body.initialPassword);
    expect((await wang.call('POST', '/auth/sign-out')).status).toBe(204);
    expect((await session().call('POST', '/auth/sign-in', { username: 'wang', password: wangOwn })).status).toBe(401);

    for (const { hash, previous } of (await db.query<{ hash: string; previous: string[] }>(`SELECT hash, previous FROM "${schema}".user_passwords`)).rows) {
      for (const value of [hash, ...previous]) {
        secrets.add(value);
        // the hash's salt and digest alone too
        for (const part of value.split('$').slice(-2)) secrets.add(part);
      }
    }
    const auditor = engine.token('auditor');
    await engine.usersReady();
    const exportText = await (await fetch(`${engine.url}/audit/export`, { headers: { authorization: `Bearer ${auditor}` } })).text();
    expect(exportText).toMatch(/"UserPasswordChanged"/);
    expect(exportText).toMatch(/"UserSignInFailed"/);
    const events = (await db.query<{ data: unknown; metadata: unknown }>(`SELECT data, metadata FROM "${schema}".events`)).rows.map((row) => JSON.stringify(row));

    expect(secrets.size).toBeGreaterThan(8);
    const places = { export: exportText, events: events.join('\n'), answers: answers.join('\n'), log: engine.run.output() };
    // the log is not empty at debug level: the search would find them if they were there
    expect(places.log.split('\n').length).toBeGreaterThan(20);
    for (const [place, text] of Object.entries(places)) {
      const sought = place === 'answers' ? secrets : new Set([...secrets, ...oneTime]);
      for (const secret of sought) expect({ place, found: text.includes(secret) ? secret : null }).toEqual({ place, found: null });
    }
    // and each one-time password in exactly one answer: the one that made it
    for (const password of oneTime) expect(answers.filter((answer) => answer.includes(password))).toHaveLength(1);
  }, 180_000);
});
