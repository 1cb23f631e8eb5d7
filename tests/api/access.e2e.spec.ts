import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ShiftedClock } from '@app/config';
import type { Role } from '@app/identity';
import { TEST_JWT_SECRET, freshId, startTestApp, type Reply, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

// Monday 3 March 2025, 10:00 in Shanghai.
const START = new Date('2025-03-03T02:00:00Z');
const ROLES: readonly Role[] = ['admin', 'supervisor', 'kindergarten', 'department', 'auditor'];

const expectProblem = (reply: Reply, status: number, code: string): void => {
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
};

/** An HS256 JWT built by hand, so that every claim (and the header) is the test's to choose. */
const jwt = (claims: Record<string, unknown>, options: { secret?: string; header?: Record<string, unknown> } = {}): string => {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode(options.header ?? { alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', options.secret ?? TEST_JWT_SECRET)
    .update(unsigned)
    .digest('base64url')}`;
};
const seconds = (offset: number) => Math.floor(Date.now() / 1000) + offset;

describe('who may call what, and what a kindergarten may see (pglite)', () => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  let a: Awaited<ReturnType<ReturnType<typeof workflow>['issuedCase']>>;
  let b: Awaited<ReturnType<ReturnType<typeof workflow>['issuedCase']>>;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    app = await startTestApp('pglite', {}, { clock: new ShiftedClock(START) });
    steps = workflow(app);
    a = await steps.issuedCase();
    b = await steps.issuedCase();
    tokens.admin = steps.admin;
    tokens.supervisor = steps.supervisor;
    tokens.kindergarten = a.director;
    tokens.department = app.token('department', { sub: 'dept-user', unitId: 'county-health' });
    tokens.auditor = app.token('auditor', { sub: 'auditor-zhao' });
    // the directory's users behind the hand-made tokens below
    app.token('admin', { sub: 'li' });
    app.token('kindergarten', { sub: 'director', kindergartenId: a.kindergarten.id });
    await app.usersReady();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Runs `check` and asserts that the event log did not move. */
  const writesNothing = async (check: () => Promise<void>) => {
    // the users of the tokens minted so far are in the directory first: their registration is not the check's
    await app.usersReady();
    const head = await app.store.headPosition();
    await check();
    expect(await app.store.headPosition()).toBe(head);
  };

  describe('401 unauthenticated', () => {
    const now = () => ({ iat: seconds(-10), exp: seconds(3600) });
    const badAuthorizations = (): Array<[string, string | undefined]> => [
      ['no Authorization header', undefined],
      ['an empty bearer', 'Bearer '],
      ['not a JWT', 'Bearer not-a-token'],
      ['another scheme', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
      ['a token without the scheme', jwt({ sub: 'li', role: 'admin', ...now() })],
      [
        'a token signed with another secret',
        `Bearer ${jwt({ sub: 'li', role: 'admin', ...now() }, { secret: 'another-secret-that-is-at-least-32-characters' })}`,
      ],
      [
        'an unsigned token (alg none)',
        `Bearer ${jwt({ sub: 'li', role: 'admin', ...now() }, { header: { alg: 'none', typ: 'JWT' } }).replace(/[^.]+$/, '')}`,
      ],
      ['a token signed as HS512', `Bearer ${jwt({ sub: 'li', role: 'admin', ...now() }, { header: { alg: 'HS512', typ: 'JWT' } })}`],
      [
        'a tampered token (role changed after signing)',
        (() => {
          const [header, , signature] = jwt({ sub: 'li', role: 'auditor', ...now() }).split('.');
          const payload = Buffer.from(JSON.stringify({ sub: 'li', role: 'admin', ...now() })).toString('base64url');
          return `Bearer ${header}.${payload}.${signature}`;
        })(),
      ],
      ['an expired token', `Bearer ${jwt({ sub: 'li', role: 'admin', iat: seconds(-7200), exp: seconds(-60) })}`],
      ['a token not valid yet (nbf)', `Bearer ${jwt({ sub: 'li', role: 'admin', ...now(), nbf: seconds(3600) })}`],
      ['a token without sub', `Bearer ${jwt({ role: 'admin', ...now() })}`],
      // v1.1: the sub must be a registered, enabled user, and the claims it carries must be the directory's
      ['a token for a user not in the directory', `Bearer ${jwt({ sub: 'nobody-here', role: 'admin', ...now() })}`],
      ['a token whose role disagrees with the directory', `Bearer ${jwt({ sub: 'li', role: 'auditor', ...now() })}`],
      ['a token with an unknown role', `Bearer ${jwt({ sub: 'li', role: 'superuser', ...now() })}`],
      [
        'a kindergarten token naming another kindergarten than the directory’s',
        `Bearer ${jwt({ sub: 'director', role: 'kindergarten', kindergartenId: b.kindergarten.id, ...now() })}`,
      ],
      [
        'a kindergarten token with a kindergartenId that is not an id',
        `Bearer ${jwt({ sub: 'director', role: 'kindergarten', kindergartenId: 42, ...now() })}`,
      ],
      ['a department token naming another unit', `Bearer ${jwt({ sub: 'dept-user', role: 'department', unitId: 'county-finance-bureau', ...now() })}`],
    ];

    it('for a missing, malformed, badly signed, expired or incomplete token, on reads and commands alike', async () => {
      await writesNothing(async () => {
        for (const [label, authorization] of badAuthorizations()) {
          const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
          for (const [method, path, body] of [
            ['GET', '/kindergartens', undefined],
            ['GET', `/rectifications/${a.notice.id}`, undefined],
            ['GET', '/calendar/2025', undefined],
            ['POST', '/kindergartens', { id: freshId('kg'), name: '幼儿园', township: '城关镇', ownership: 'public' }],
            ['POST', `/rectifications/${a.notice.id}/acknowledgement`, undefined],
          ] as const) {
            const reply = await app.call(method, path, { headers, body });
            try {
              expectProblem(reply, 401, 'unauthenticated');
              expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer/);
            } catch (error) {
              throw new Error(`${label}, ${method} ${path}: ${(error as Error).message}`);
            }
          }
        }
      });
      // the directory's claims, correctly signed and current, are accepted, and so is a token carrying none but sub
      expect((await app.call('GET', '/kindergartens', { headers: { authorization: `Bearer ${jwt({ sub: 'li', ...now() })}` } })).status).toBe(200);
      const good = await app.call('GET', '/kindergartens', { headers: { authorization: `Bearer ${jwt({ sub: 'li', role: 'admin', ...now() })}` } });
      expect(good.status).toBe(200);
      const director = await app.call('GET', `/kindergartens/${a.kindergarten.id}`, {
        headers: { authorization: `Bearer ${jwt({ sub: 'director', role: 'kindergarten', kindergartenId: a.kindergarten.id, ...now() })}` },
      });
      expect(director.status).toBe(200);
      // the scheme is case-insensitive (RFC 9110 §11.1)
      for (const scheme of ['bearer', 'BEARER']) {
        expect((await app.call('GET', '/kindergartens', { headers: { authorization: `${scheme} ${tokens.auditor}` } })).status).toBe(200);
      }
    });
  });

  describe('403 forbidden', () => {
    interface Endpoint {
      readonly method: string;
      readonly path: () => string;
      readonly roles: readonly Role[];
      readonly body?: () => unknown;
    }
    const endpoints = (): Endpoint[] => [
      {
        method: 'POST',
        path: () => '/kindergartens',
        roles: ['admin'],
        body: () => ({ id: freshId('kg'), name: '新幼儿园', township: '城关镇', ownership: 'public' }),
      },
      {
        method: 'PUT',
        path: () => `/kindergartens/${a.kindergarten.id}`,
        roles: ['admin'],
        body: () => ({ name: `更名幼儿园${freshId('n')}`, township: '城关镇', ownership: 'public' }),
      },
      {
        method: 'POST',
        path: () => `/kindergartens/${a.kindergarten.id}/closure`,
        roles: ['admin'],
        body: () => ({ closedOn: '2025-08-31', reason: '停办' }),
      },
      {
        method: 'PUT',
        path: () => `/kindergartens/${a.kindergarten.id}/disclosure`,
        roles: ['kindergarten'],
        body: () => ({ teachers: 10, caregivers: 4, children: 120, monthlyFeeYuan: 300 }),
      },
      {
        method: 'POST',
        path: () => `/kindergartens/${a.kindergarten.id}/enrolment/suspension-notice`,
        roles: ['supervisor'],
        body: () => ({ rectificationId: a.notice.id, facts: '复查仍不达标', basis: '清政发〔2023〕52号', proposedFrom: '2025-03-10' }),
      },
      {
        method: 'POST',
        path: () => `/kindergartens/${a.kindergarten.id}/enrolment/statement`,
        roles: ['kindergarten'],
        body: () => ({ waive: true }),
      },
      {
        method: 'POST',
        path: () => `/kindergartens/${a.kindergarten.id}/enrolment/suspension`,
        roles: ['supervisor'],
        body: () => ({ decision: 'suspend', effectiveFrom: '2025-03-10', reason: '暂停招生' }),
      },
      {
        method: 'POST',
        path: () => `/kindergartens/${a.kindergarten.id}/enrolment/reinstatement`,
        roles: ['supervisor'],
        body: () => ({ inspectionId: a.inspection.id, reason: '恢复招生' }),
      },
      {
        method: 'POST',
        path: () => '/inspections',
        roles: ['supervisor'],
        body: () => ({ kindergartenId: a.kindergarten.id, kind: 'safety', year: 2025, scheduledOn: '2025-03-20' }),
      },
      {
        method: 'POST',
        path: () => `/inspections/${a.inspection.id}/findings`,
        roles: ['supervisor'],
        body: () => ({ code: 'S-09', description: '新问题', severity: 'minor' }),
      },
      {
        method: 'POST',
        path: () => `/inspections/${a.inspection.id}/conclusion`,
        roles: ['supervisor'],
        body: () => ({ outcome: 'passed', summary: '合格' }),
      },
      {
        method: 'POST',
        path: () => '/rectifications',
        roles: ['supervisor'],
        body: () => ({
          kindergartenId: a.kindergarten.id,
          inspectionId: a.inspection.id,
          findingCodes: ['S-01'],
          deadline: { workingDays: 10 },
          publish: true,
        }),
      },
      { method: 'POST', path: () => `/rectifications/${a.notice.id}/acknowledgement`, roles: ['kindergarten'] },
      {
        method: 'POST',
        path: () => `/inspections/${a.inspection.id}/schedule`,
        roles: ['supervisor'],
        body: () => ({ scheduledOn: '2025-03-20', reason: '改期' }),
      },
      { method: 'POST', path: () => `/inspections/${a.inspection.id}/cancellation`, roles: ['supervisor'], body: () => ({ reason: '取消' }) },
      {
        method: 'PUT',
        path: () => `/inspections/${a.inspection.id}/findings/S-01`,
        roles: ['supervisor'],
        body: () => ({ description: '更正', severity: 'minor' }),
      },
      {
        method: 'POST',
        path: () => `/inspections/${a.inspection.id}/findings/S-01/withdrawal`,
        roles: ['supervisor'],
        body: () => ({ reason: '撤回' }),
      },
      {
        method: 'POST',
        path: () => `/rectifications/${a.notice.id}/deadline`,
        roles: ['supervisor'],
        body: () => ({ deadline: { workingDays: 5 }, reason: '新期限' }),
      },
      { method: 'POST', path: () => `/rectifications/${a.notice.id}/withdrawal`, roles: ['supervisor'], body: () => ({ reason: '撤销' }) },
      {
        method: 'POST',
        path: () => `/rectifications/${a.notice.id}/extension-requests`,
        roles: ['kindergarten'],
        body: () => ({ requestedDueAt: '2100-01-01T00:00:00+08:00', reason: '延期' }),
      },
      {
        method: 'POST',
        path: () => `/rectifications/${a.notice.id}/extension-decision`,
        roles: ['supervisor'],
        body: () => ({ approve: true, reason: '同意' }),
      },
      { method: 'POST', path: () => `/rectifications/${a.notice.id}/reports`, roles: ['kindergarten'], body: () => steps.report(a.codes) },
      {
        method: 'POST',
        path: () => `/rectifications/${a.notice.id}/review`,
        roles: ['supervisor'],
        body: () => ({ decision: 'accept', comment: '好' }),
      },
      {
        method: 'POST',
        path: () => `/rectifications/${a.notice.id}/follow-up`,
        roles: ['supervisor'],
        body: () => ({ inspectionId: a.inspection.id }),
      },
    ];

    it('for every command endpoint called by a role that may not (an auditor can command nothing)', async () => {
      let refused = 0;
      await writesNothing(async () => {
        for (const endpoint of endpoints()) {
          for (const role of ROLES.filter((role) => !endpoint.roles.includes(role))) {
            const reply = await app.call(endpoint.method, endpoint.path(), { token: tokens[role], body: endpoint.body?.() });
            try {
              expectProblem(reply, 403, 'forbidden');
            } catch (error) {
              throw new Error(`${role} ${endpoint.method} ${endpoint.path()}: ${(error as Error).message}`);
            }
            refused++;
          }
        }
      });
      expect(refused).toBe(endpoints().length * 4);
      // nothing happened to the case
      expect((await app.call('GET', `/rectifications/${a.notice.id}`, { token: steps.admin })).body).toMatchObject({ status: 'issued', version: 1 });
    });

    it('the roles that may call an endpoint get past the role check (an invalid body answers 400, a missing case 404)', async () => {
      await writesNothing(async () => {
        for (const endpoint of endpoints()) {
          for (const role of endpoint.roles) {
            const bodiless = endpoint.body === undefined;
            const path = bodiless ? `/rectifications/rc-${freshId('none')}/acknowledgement` : endpoint.path();
            const reply = await app.call(endpoint.method, path, { token: tokens[role], body: bodiless ? undefined : { unexpected: true } });
            try {
              if (bodiless) expectProblem(reply, 404, 'not-found');
              else expectProblem(reply, 400, 'validation-failed');
            } catch (error) {
              throw new Error(`${role} ${endpoint.method} ${path}: ${(error as Error).message}`);
            }
          }
        }
      });
    });

    it('a department may not read kindergartens, inspections or cases', async () => {
      for (const path of [
        '/kindergartens',
        `/kindergartens/${a.kindergarten.id}`,
        '/inspections',
        `/inspections/${a.inspection.id}`,
        '/rectifications',
        `/rectifications/${a.notice.id}`,
      ]) {
        expectProblem(await app.call('GET', path, { token: tokens.department }), 403, 'forbidden');
      }
    });
  });

  describe('a kindergarten sees and touches only its own', () => {
    const missing = () => freshId('none');

    it('another kindergarten’s kindergarten, inspection and case answer 404 not-found, exactly like ones that do not exist', async () => {
      const director = a.director;
      const pairs: Array<[string, string]> = [
        [`/kindergartens/${b.kindergarten.id}`, `/kindergartens/${missing()}`],
        [`/inspections/${b.inspection.id}`, `/inspections/${missing()}`],
        [`/rectifications/${b.notice.id}`, `/rectifications/rc-${missing()}`],
      ];
      for (const [others, nonexistent] of pairs) {
        const reply = await app.call('GET', others, { token: director });
        expectProblem(reply, 404, 'not-found');
        expect(reply.headers.get('etag')).toBeNull();
        expect(reply.body).toEqual((await app.call('GET', nonexistent, { token: director })).body);
      }
      // the owner and the bureau do see them
      for (const [path] of pairs) {
        expect((await app.call('GET', path, { token: b.director })).status).toBe(200);
        for (const role of ['admin', 'supervisor', 'auditor'] as const) {
          const reply = await app.call('GET', path, { token: tokens[role] });
          expect(reply.status).toBe(200);
          expect(reply.headers.get('etag')).toBe(`"${reply.body.version}"`);
        }
      }
    });

    it('every kindergarten command on another’s case or kindergarten answers 404 not-found (never 403), with or without If-Match, and writes nothing', async () => {
      const director = a.director;
      const none = `rc-${missing()}`;
      const commands: Array<[string, (id: string) => string, unknown]> = [
        ['POST', (id) => `/rectifications/${id}/acknowledgement`, undefined],
        ['POST', (id) => `/rectifications/${id}/extension-requests`, { requestedDueAt: '2100-01-01T00:00:00+08:00', reason: '延期' }],
        ['POST', (id) => `/rectifications/${id}/reports`, steps.report(b.codes)],
      ];
      const before = await app.store.streamVersion(`rectification-${b.notice.id}`);
      await writesNothing(async () => {
        for (const [method, path, body] of commands) {
          for (const headers of [{}, { 'if-match': '"1"' }, { 'if-match': '"7"' }] as Array<Record<string, string>>) {
            const reply = await app.call(method, path(b.notice.id), { token: director, body, headers });
            expectProblem(reply, 404, 'not-found');
            expect(reply.body).toEqual((await app.call(method, path(none), { token: director, body, headers })).body);
          }
        }
        const disclosure = { teachers: 10, caregivers: 4, children: 120, monthlyFeeYuan: 300 };
        for (const headers of [{}, { 'if-match': '"1"' }, { 'if-match': '"9"' }] as Array<Record<string, string>>) {
          const reply = await app.call('PUT', `/kindergartens/${b.kindergarten.id}/disclosure`, { token: director, body: disclosure, headers });
          expectProblem(reply, 404, 'not-found');
          expect(reply.body).toEqual(
            (await app.call('PUT', `/kindergartens/${missing()}/disclosure`, { token: director, body: disclosure, headers })).body,
          );
        }
      });
      expect(await app.store.streamVersion(`rectification-${b.notice.id}`)).toBe(before);
      expect(await app.store.streamVersion(`kindergarten-${b.kindergarten.id}`)).toBe(1);

      // its own case and kindergarten it may act on
      const own = await steps.issuedCase();
      expect((await app.call('POST', `/rectifications/${own.notice.id}/acknowledgement`, { token: own.director })).status).toBe(200);
      const disclosed = await app.call('PUT', `/kindergartens/${own.kindergarten.id}/disclosure`, {
        token: own.director,
        body: { teachers: 10, caregivers: 4, children: 120, monthlyFeeYuan: 300 },
      });
      expect(disclosed).toMatchObject({ status: 200, body: { id: own.kindergarten.id, version: 2 } });
    });

    it('lists are filtered to its own, also when it asks for another’s kindergartenId', async () => {
      const director = a.director;
      const ids = (reply: Reply) => reply.body.items.map((item: { id: string }) => item.id);
      const kindergartenIds = (reply: Reply) => [...new Set(reply.body.items.map((item: { kindergartenId: string }) => item.kindergartenId))];

      const kindergartens = await app.call('GET', '/kindergartens', { token: director });
      expect(kindergartens.status).toBe(200);
      expect(ids(kindergartens)).toEqual([a.kindergarten.id]);

      const inspections = await app.call('GET', '/inspections', { token: director });
      expect(kindergartenIds(inspections)).toEqual([a.kindergarten.id]);
      expect(ids(inspections)).toContain(a.inspection.id);
      expect((await app.call('GET', `/inspections?kindergartenId=${b.kindergarten.id}`, { token: director })).body.items).toEqual([]);
      expect(ids(await app.call('GET', `/inspections?kindergartenId=${a.kindergarten.id}&year=2025`, { token: director }))).toContain(
        a.inspection.id,
      );

      const cases = await app.call('GET', '/rectifications', { token: director });
      expect(ids(cases)).toEqual([a.notice.id]);
      expect((await app.call('GET', `/rectifications?kindergartenId=${b.kindergarten.id}`, { token: director })).body.items).toEqual([]);
      expect(ids(await app.call('GET', '/rectifications?status=issued', { token: director }))).toEqual([a.notice.id]);
    });

    it('admin, supervisor and auditor see every kindergarten’s', async () => {
      for (const role of ['admin', 'supervisor', 'auditor'] as const) {
        const token = tokens[role];
        const kindergartens = (await app.call('GET', '/kindergartens?limit=1000', { token })).body.items.map((item: { id: string }) => item.id);
        expect(kindergartens).toEqual(expect.arrayContaining([a.kindergarten.id, b.kindergarten.id]));
        const inspections = (await app.call('GET', '/inspections?limit=1000', { token })).body.items.map((item: { id: string }) => item.id);
        expect(inspections).toEqual(expect.arrayContaining([a.inspection.id, b.inspection.id]));
        const cases = (await app.call('GET', '/rectifications?limit=1000', { token })).body.items.map((item: { id: string }) => item.id);
        expect(cases).toEqual(expect.arrayContaining([a.notice.id, b.notice.id]));
        for (const other of [a, b]) {
          expect(
            (await app.call('GET', `/rectifications?kindergartenId=${other.kindergarten.id}`, { token })).body.items.map(
              (item: { id: string }) => item.id,
            ),
          ).toEqual([other.notice.id]);
        }
      }
    });
  });

  describe('open endpoints', () => {
    it('/calendar/* answers every role, but not an anonymous caller', async () => {
      for (const role of ROLES) {
        const year = await app.call('GET', '/calendar/2025', { token: tokens[role] });
        expect(year).toMatchObject({ status: 200, body: { year: 2025 } });
        const deadline = await app.call('GET', '/calendar/deadline?from=2025-03-03&workingDays=10', { token: tokens[role] });
        expect(deadline).toMatchObject({ status: 200, body: { dueDate: '2025-03-17', dueAt: '2025-03-17T23:59:59.999+08:00' } });
      }
      expectProblem(await app.call('GET', '/calendar/2025'), 401, 'unauthenticated');
      expectProblem(await app.call('GET', '/calendar/deadline?from=2025-03-03&workingDays=10'), 401, 'unauthenticated');
    });

    it('/public/* needs no token and ignores an invalid one', async () => {
      const expired = `Bearer ${jwt({ sub: 'li', role: 'admin', iat: seconds(-7200), exp: seconds(-60) })}`;
      const forged = `Bearer ${jwt({ sub: 'li', role: 'admin', exp: seconds(3600) }, { secret: 'another-secret-that-is-at-least-32-characters' })}`;
      for (const path of ['/public/kindergartens', '/public/notices']) {
        const anonymous = await app.call('GET', path);
        expect(anonymous.status).toBe(200);
        for (const authorization of [expired, forged, 'Bearer garbage', 'Basic Zm9vOmJhcg==']) {
          const reply = await app.call('GET', path, { headers: { authorization } });
          expect(reply.status).toBe(200);
          expect(reply.body).toEqual(anonymous.body);
        }
      }
      const notices = await app.call('GET', '/public/notices');
      expect(notices.body.notices.map((notice: { id: string }) => notice.id)).toEqual(expect.arrayContaining([a.notice.id, b.notice.id]));
    });
  });
});
