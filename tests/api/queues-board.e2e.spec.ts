import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

const board = (app: TestApp): string => `${app.url.replace(/\/api\/v1$/, '')}/admin/queues`;

describe('Bull Board at /admin/queues (read-only by default)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('pglite');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers 401 without a token and 403 to every role but admin, page and API alike', async () => {
    for (const path of ['', '/api/queues']) {
      const anonymous = await fetch(`${board(app)}${path}`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      for (const role of ['supervisor', 'auditor'] as const) {
        const reply = await fetch(`${board(app)}${path}`, { headers: { authorization: `Bearer ${app.token(role)}` } });
        expect({ role, path, status: reply.status }).toEqual({ role, path, status: 403 });
      }
    }
  });

  it('shows an admin the queues', async () => {
    const admin = { authorization: `Bearer ${app.token('admin')}` };
    const page = await fetch(board(app), { headers: admin });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const queues = await fetch(`${board(app)}/api/queues`, { headers: admin });
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: Array<{ name: string; readOnlyMode: boolean }> };
    expect(body.queues.map((queue) => queue.name).sort()).toEqual(['cadence', 'deliveries', 'reminders']);
    expect(body.queues.every((queue) => queue.readOnlyMode)).toBe(true);
  });

  it('refuses every change, even from an admin', async () => {
    const reply = await fetch(`${board(app)}/api/queues/reminders/pause`, { method: 'PUT', headers: { authorization: `Bearer ${app.token('admin')}` } });
    expect(reply.status).toBe(403);
    expect(await reply.json()).toMatchObject({ code: 'forbidden', detail: expect.stringContaining('ADMIN_QUEUES_WRITABLE') });
    // authentication comes first
    expect((await fetch(`${board(app)}/api/queues/reminders/pause`, { method: 'PUT' })).status).toBe(401);
  });
});

describe('Bull Board with ADMIN_QUEUES_WRITABLE=true', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('pglite', { ADMIN_QUEUES_WRITABLE: 'true' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it("lets an admin act on a queue, still nobody else", async () => {
    const pause = (role: 'admin' | 'supervisor') =>
      fetch(`${board(app)}/api/queues/cadence/pause`, { method: 'PUT', headers: { authorization: `Bearer ${app.token(role)}` } });
    expect((await pause('supervisor')).status).toBe(403);
    expect((await pause('admin')).status).toBe(200);
    const resumed = await fetch(`${board(app)}/api/queues/cadence/resume`, { method: 'PUT', headers: { authorization: `Bearer ${app.token('admin')}` } });
    expect(resumed.status).toBe(200);
  });
});
