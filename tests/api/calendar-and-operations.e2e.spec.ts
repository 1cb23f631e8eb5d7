import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ShiftedClock } from '@app/config';
import { freshId, startTestApp, type Reply, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

// Wednesday 30 December 2026, 10:00 in Shanghai: three working days on run into 2027, a year without official data yet.
const NEW_YEARS_EVE_EVE = new Date('2026-12-30T02:00:00Z');

const expectProblem = (reply: Reply, status: number, code: string): void => {
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
};

const rootOf = (app: TestApp): string => app.url.replace(/\/api\/v1$/, '');

describe('calendar over HTTP (pglite)', () => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;

  beforeAll(async () => {
    app = await startTestApp('pglite', {}, { clock: new ShiftedClock(NEW_YEARS_EVE_EVE) });
    steps = workflow(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('previews a deadline in working days: Friday 24 January 2025 + 3 skips the Spring Festival and counts the make-up Sunday', async () => {
    // 26 Jan (make-up Sunday) and 27 Jan count; 28 Jan – 4 Feb are the Spring Festival holiday; 5 Feb is the third
    const reply = await app.call('GET', '/calendar/deadline?from=2025-01-24&workingDays=3', { token: steps.supervisor });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ dueDate: '2025-02-05', dueAt: '2025-02-05T23:59:59.999+08:00' });
  });

  it('is open to every role, and to no one without a token', async () => {
    const tokens = [
      app.token('admin'),
      app.token('supervisor'),
      app.token('auditor'),
      app.token('kindergarten', { kindergartenId: 'kg-any' }),
      app.token('department', { unitId: 'unit-any' }),
    ];
    for (const token of tokens) {
      expect((await app.call('GET', '/calendar/deadline?from=2025-03-03&workingDays=10', { token })).body).toEqual({
        dueDate: '2025-03-17',
        dueAt: '2025-03-17T23:59:59.999+08:00',
      });
      expect((await app.call('GET', '/calendar/2025', { token })).status).toBe(200);
    }
    expectProblem(await app.call('GET', '/calendar/2025'), 401, 'unauthenticated');
    expectProblem(await app.call('GET', '/calendar/deadline?from=2025-03-03&workingDays=10'), 401, 'unauthenticated');
  });

  it('refuses a deadline whose counted days run into a year without official data: 422 calendar-unavailable', async () => {
    for (const query of ['from=2026-12-30&workingDays=3', 'from=2026-12-01&workingDays=90', 'from=2030-06-03&workingDays=1']) {
      expectProblem(await app.call('GET', `/calendar/deadline?${query}`, { token: steps.supervisor }), 422, 'calendar-unavailable');
    }
    // only the counted days need a calendar: the day of issue may lie in a year without data
    expect((await app.call('GET', '/calendar/deadline?from=2003-12-31&workingDays=1', { token: steps.supervisor })).body).toEqual({
      dueDate: '2004-01-02',
      dueAt: '2004-01-02T23:59:59.999+08:00',
    });
  });

  it('refuses to issue a notice whose working-day deadline runs into 2027, writing nothing', async () => {
    const { kindergarten, inspection, codes } = await steps.failedInspection(['S-01']);
    const before = await app.store.headPosition();
    const reply = await app.call('POST', '/rectifications', {
      token: steps.supervisor,
      body: { kindergartenId: kindergarten.id, inspectionId: inspection.id, findingCodes: codes, deadline: { workingDays: 3 }, publish: true },
    });
    expectProblem(reply, 422, 'calendar-unavailable');
    expect(await app.store.headPosition()).toBe(before);
  });

  it('lists a year’s official days off and make-up working days', async () => {
    const reply = await app.call('GET', '/calendar/2025', { token: steps.supervisor });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body).sort()).toEqual(['holidays', 'makeUpWorkdays', 'year']);
    const { year, holidays, makeUpWorkdays } = reply.body as { year: number; holidays: string[]; makeUpWorkdays: string[] };
    expect(year).toBe(2025);
    // 国办发明电〔2024〕12号: the Spring Festival is 28 January – 4 February, weekends inside it included
    const springFestival = ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'];
    expect(holidays).toEqual(expect.arrayContaining(['2025-01-01', ...springFestival, '2025-10-01', '2025-10-08']));
    expect(holidays).not.toContain('2025-01-27');
    expect(holidays).not.toContain('2025-02-05');
    expect(makeUpWorkdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(holidays).not.toContain('2025-01-26');
    expect(holidays).not.toContain('2025-02-08');
    for (const list of [holidays, makeUpWorkdays]) {
      expect(list.every((date) => /^2025-\d{2}-\d{2}$/.test(date))).toBe(true);
      expect([...list].sort()).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('answers 404 calendar-unavailable for a year without official data', async () => {
    for (const year of ['2027', '2003', '1900', '9999']) {
      expectProblem(await app.call('GET', `/calendar/${year}`, { token: steps.supervisor }), 404, 'calendar-unavailable');
    }
    // a path segment that cannot name a year names nothing either (as with every other path id)
    for (const year of ['abc', '2025.5', '-1']) {
      const reply = await app.call('GET', `/calendar/${year}`, { token: steps.supervisor });
      expect(reply.status).toBe(404);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it.each([
    ['', ['from', 'workingDays']],
    ['from=2025-01-24', ['workingDays']],
    ['workingDays=3', ['from']],
    ['from=2025-02-30&workingDays=3', ['from']],
    ['from=2025-02-29&workingDays=3', ['from']],
    ['from=2025-13-01&workingDays=3', ['from']],
    ['from=20250124&workingDays=3', ['from']],
    ['from=2025-01-24T00:00:00%2B08:00&workingDays=3', ['from']],
    ['from=2025-01-24&workingDays=0', ['workingDays']],
    ['from=2025-01-24&workingDays=91', ['workingDays']],
    ['from=2025-01-24&workingDays=abc', ['workingDays']],
    ['from=2025-01-24&workingDays=1.5', ['workingDays']],
    ['from=2025-01-24&workingDays=-3', ['workingDays']],
    ['from=2025-01-24&workingDays=3&extra=1', ['extra']],
  ])('GET /calendar/deadline?%s → 400 naming %j', async (query, fields) => {
    const reply = await app.call('GET', `/calendar/deadline?${query}`, { token: steps.supervisor });
    expectProblem(reply, 400, 'validation-failed');
    expect(reply.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(fields));
  });
});

describe('calendar with CALENDAR_OVERRIDES_FILE (pglite)', () => {
  let app: TestApp;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'calendar-overrides-e2e-'));
    const file = join(directory, 'calendar-overrides.json');
    // TEST FIXTURE, NOT OFFICIAL DATA: the State Council has published nothing for 2027 yet. 1 January is a public holiday by law
    // every year; nothing else here is real.
    const fixture = { years: { 2027: { source: 'test fixture, not an official notice', holidays: ['2027-01-01'], makeUpWorkdays: [] } } };
    await writeFile(file, JSON.stringify(fixture), 'utf8');
    app = await startTestApp('pglite', { CALENDAR_OVERRIDES_FILE: file }, { clock: new ShiftedClock(NEW_YEARS_EVE_EVE) });
  });

  afterAll(async () => {
    await app?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('resolves a deadline into the added year, and lists it', async () => {
    const supervisor = app.token('supervisor');
    // Thu 31 Dec counts, Fri 1 Jan 2027 is the (fixture) holiday, Mon 4 and Tue 5 Jan count
    expect((await app.call('GET', '/calendar/deadline?from=2026-12-30&workingDays=3', { token: supervisor })).body).toEqual({
      dueDate: '2027-01-05',
      dueAt: '2027-01-05T23:59:59.999+08:00',
    });
    // the weekend that runs on from 1 January is part of that period of days off (libs/calendar/README.md, "与周末连休")
    expect((await app.call('GET', '/calendar/2027', { token: supervisor })).body).toEqual({
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      makeUpWorkdays: [],
    });
    expectProblem(await app.call('GET', '/calendar/2028', { token: supervisor }), 404, 'calendar-unavailable');
    expectProblem(await app.call('GET', '/calendar/deadline?from=2027-12-30&workingDays=3', { token: supervisor }), 422, 'calendar-unavailable');
  });

  it('issues a notice with the same deadline the preview gives', async () => {
    const steps = workflow(app);
    const { notice } = await steps.issuedCase({ codes: ['S-01'], deadline: { workingDays: 3 } });
    expect(notice.dueAt).toBe('2027-01-05T23:59:59.999+08:00');
  });
});

/** What api.md lists, by path and method. Plan supervision (/plan-tasks, /monthly-reports, /bulletins, /annual-assessments),
 *  /inbox and /audit are not implemented yet and are left out until they are. */
const API_MD_OPERATIONS: Record<string, readonly string[]> = {
  '/api/v1/kindergartens': ['get', 'post'],
  '/api/v1/kindergartens/{id}': ['get', 'put'],
  '/api/v1/kindergartens/{id}/closure': ['post'],
  '/api/v1/kindergartens/{id}/disclosure': ['put'],
  '/api/v1/kindergartens/{id}/enrolment/suspension-notice': ['post'],
  '/api/v1/kindergartens/{id}/enrolment/statement': ['post'],
  '/api/v1/kindergartens/{id}/enrolment/suspension': ['post'],
  '/api/v1/kindergartens/{id}/enrolment/reinstatement': ['post'],
  '/api/v1/inspections': ['get', 'post'],
  '/api/v1/inspections/{id}': ['get'],
  '/api/v1/inspections/{id}/findings': ['post'],
  '/api/v1/inspections/{id}/conclusion': ['post'],
  '/api/v1/rectifications': ['get', 'post'],
  '/api/v1/rectifications/{id}': ['get'],
  '/api/v1/rectifications/{id}/acknowledgement': ['post'],
  '/api/v1/rectifications/{id}/extension-requests': ['post'],
  '/api/v1/rectifications/{id}/extension-decision': ['post'],
  '/api/v1/rectifications/{id}/reports': ['post'],
  '/api/v1/rectifications/{id}/review': ['post'],
  '/api/v1/rectifications/{id}/follow-up': ['post'],
  '/api/v1/inspections/{id}/schedule': ['post'],
  '/api/v1/inspections/{id}/cancellation': ['post'],
  '/api/v1/inspections/{id}/findings/{code}': ['put'],
  '/api/v1/inspections/{id}/findings/{code}/withdrawal': ['post'],
  '/api/v1/rectifications/{id}/deadline': ['post'],
  '/api/v1/rectifications/{id}/publication': ['post'],
  '/api/v1/rectifications/{id}/withdrawal': ['post'],
  '/api/v1/inbox/unread-count': ['get'],
  '/api/v1/public/kindergartens': ['get'],
  '/api/v1/public/notices': ['get'],
  '/api/v1/calendar/deadline': ['get'],
  '/api/v1/calendar/{year}': ['get'],
  '/health/live': ['get'],
  '/health/ready': ['get'],
  '/metrics': ['get'],
};

/** Each command of api.md: its body's fields, and the error codes its row lists, by status. */
const API_MD_COMMANDS: Record<string, { readonly body: readonly string[] | null; readonly problems: Record<number, readonly string[]> }> = {
  'post /api/v1/kindergartens': {
    body: ['id', 'name', 'township', 'ownership'],
    problems: { 409: ['kindergarten-exists', 'kindergarten-name-exists'], 422: ['unknown-township'] },
  },
  'put /api/v1/kindergartens/{id}': {
    body: ['name', 'township', 'ownership'],
    problems: { 404: ['not-found'], 409: ['kindergarten-name-exists'], 412: ['version-mismatch'], 422: ['unknown-township'] },
  },
  'post /api/v1/kindergartens/{id}/closure': {
    body: ['closedOn', 'reason'],
    problems: { 404: ['not-found'], 409: ['kindergarten-closed'], 412: ['version-mismatch'] },
  },
  'put /api/v1/kindergartens/{id}/disclosure': { body: ['teachers', 'caregivers', 'children', 'monthlyFeeYuan', 'notes'], problems: {} },
  'post /api/v1/kindergartens/{id}/enrolment/suspension-notice': {
    body: ['rectificationId', 'facts', 'basis', 'proposedFrom'],
    problems: { 409: ['already-suspended', 'suspension-proposed'], 422: ['suspension-requires-failed-rectification', 'calendar-unavailable'] },
  },
  'post /api/v1/kindergartens/{id}/enrolment/statement': {
    body: ['text', 'attachmentIds', 'waive'],
    problems: { 409: ['no-proposal', 'statement-exists'], 422: ['statement-period-over', 'unknown-attachment'] },
  },
  'post /api/v1/kindergartens/{id}/enrolment/suspension': {
    body: ['decision', 'reason', 'effectiveFrom'],
    problems: { 409: ['no-proposal', 'statement-period-open'], 422: ['effective-from-in-past'] },
  },
  'post /api/v1/kindergartens/{id}/enrolment/reinstatement': {
    body: ['inspectionId', 'reason'],
    problems: { 409: ['not-suspended'], 422: ['reinstatement-requires-passed-follow-up'] },
  },
  'post /api/v1/inspections': {
    body: ['kindergartenId', 'kind', 'year', 'scheduledOn'],
    problems: { 409: ['kindergarten-closed', 'annual-inspection-exists'], 422: ['unknown-kindergarten', 'scheduled-outside-year'] },
  },
  'post /api/v1/inspections/{id}/findings': {
    body: ['code', 'description', 'severity'],
    problems: { 409: ['inspection-concluded', 'finding-exists'] },
  },
  'post /api/v1/inspections/{id}/conclusion': {
    body: ['outcome', 'summary'],
    problems: { 409: ['inspection-concluded'], 422: ['failed-without-findings', 'conclusion-before-scheduled'] },
  },
  'post /api/v1/rectifications': {
    body: ['kindergartenId', 'inspectionId', 'findingCodes', 'deadline', 'publish'],
    problems: {
      409: ['rectification-exists'],
      422: ['unknown-kindergarten', 'unknown-inspection', 'inspection-not-failed', 'unknown-finding', 'deadline-in-past', 'calendar-unavailable'],
    },
  },
  'post /api/v1/rectifications/{id}/acknowledgement': { body: null, problems: { 409: ['invalid-transition'] } },
  'post /api/v1/rectifications/{id}/extension-requests': {
    body: ['requestedDueAt', 'reason'],
    problems: { 409: ['extension-pending'], 422: ['extension-after-deadline', 'extension-not-later'] },
  },
  'post /api/v1/rectifications/{id}/extension-decision': { body: ['approve', 'reason'], problems: { 409: ['no-pending-extension'] } },
  'post /api/v1/rectifications/{id}/reports': {
    body: ['summary', 'actions', 'evidence'],
    problems: { 409: ['invalid-transition'], 422: ['unknown-finding', 'finding-not-addressed'] },
  },
  'post /api/v1/rectifications/{id}/review': { body: ['decision', 'comment', 'deadline'], problems: { 409: ['invalid-transition'], 422: ['deadline-required'] } },
  'post /api/v1/rectifications/{id}/follow-up': {
    body: ['inspectionId'],
    problems: { 409: ['follow-up-too-early'], 422: ['follow-up-inspection-required'] },
  },
  'post /api/v1/inspections/{id}/schedule': { body: ['scheduledOn', 'reason'], problems: { 409: ['inspection-concluded'], 422: ['scheduled-outside-year'] } },
  'post /api/v1/inspections/{id}/cancellation': { body: ['reason'], problems: { 409: ['inspection-concluded'] } },
  'put /api/v1/inspections/{id}/findings/{code}': { body: ['description', 'severity'], problems: { 404: ['not-found'], 409: ['inspection-concluded'] } },
  'post /api/v1/inspections/{id}/findings/{code}/withdrawal': { body: ['reason'], problems: { 404: ['not-found'], 409: ['inspection-concluded'] } },
  'post /api/v1/rectifications/{id}/deadline': { body: ['deadline', 'reason'], problems: { 409: ['invalid-transition'] } },
  'post /api/v1/rectifications/{id}/publication': { body: null, problems: { 409: ['already-published'] } },
  'post /api/v1/rectifications/{id}/withdrawal': { body: ['reason'], problems: { 409: ['invalid-transition'] } },
};

describe('operations over HTTP (pglite)', () => {
  let app: TestApp;
  let root: string;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    root = rootOf(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is live and ready, outside the /api/v1 prefix and without a token', async () => {
    const live = await app.call('GET', `${root}/health/live`);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'ok' });
    const ready = await app.call('GET', `${root}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', details: { eventStore: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('serves Prometheus metrics: request latency, commands by type and outcome, append latency', async () => {
    const admin = app.token('admin');
    const id = freshId('kg-metrics');
    const body = { id, name: '指标测试幼儿园', township: '城关镇', ownership: 'public' };
    expect((await app.call('POST', '/kindergartens', { token: admin, body })).status).toBe(201);
    expect((await app.call('POST', '/kindergartens', { token: admin, body })).status).toBe(409);

    const reply = await fetch(`${root}/metrics`, { headers: { authorization: `Bearer ${admin}` } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await reply.text();
    const sample = (pattern: RegExp): number => {
      const match = pattern.exec(text);
      return match ? Number(match[1]) : NaN;
    };
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(
      sample(/^http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/kindergartens",status="201"\} (\d+)$/m),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(/^http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/kindergartens",status="409"\} (\d+)$/m),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toContain('# TYPE commands_total counter');
    expect(sample(/^commands_total\{type="RegisterKindergarten",outcome="ok"\} (\d+)$/m)).toBeGreaterThanOrEqual(1);
    expect(sample(/^commands_total\{type="RegisterKindergarten",outcome="refused:kindergarten-exists"\} (\d+)$/m)).toBeGreaterThanOrEqual(1);
    expect(text).toContain('# TYPE event_store_append_duration_seconds histogram');
    expect(sample(/^event_store_append_duration_seconds_count (\d+)$/m)).toBeGreaterThanOrEqual(1);
  });

  it('serves the OpenAPI UI at /docs', async () => {
    const reply = await fetch(`${root}/docs`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await reply.text()).toMatch(/swagger-ui/i);
  });

  describe('the OpenAPI document at /docs-json', () => {
    let document: any;

    beforeAll(async () => {
      const reply = await app.call('GET', `${root}/docs-json`);
      expect(reply.status).toBe(200);
      document = reply.body;
    });

    const operation = (key: string): any => {
      const [method, path] = key.split(' ') as [string, string];
      return document.paths[path]?.[method];
    };
    const problemCodes = (response: any): string => response?.description ?? '';

    it('is OpenAPI 3 and lists every path and method of api.md', () => {
      expect(document.openapi).toMatch(/^3\./);
      const missing = Object.entries(API_MD_OPERATIONS).flatMap(([path, methods]) =>
        methods.filter((method) => !document.paths[path]?.[method]).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(missing).toEqual([]);
    });

    it.each(Object.keys(API_MD_COMMANDS))('%s documents its request body and every error status api.md gives it', (key) => {
      const { body, problems } = API_MD_COMMANDS[key]!;
      const documented = operation(key);
      expect(documented).toBeDefined();
      const responses = documented.responses as Record<string, any>;

      if (body) {
        const reference = documented.requestBody?.content?.['application/json']?.schema?.$ref as string | undefined;
        expect(reference).toEqual(expect.stringMatching(/^#\/components\/schemas\//));
        const schema = document.components.schemas[reference!.split('/').pop()!];
        expect(Object.keys(schema.properties).sort()).toEqual([...body].sort());
        for (const status of ['400', '413', '415']) expect({ status, documented: status in responses }).toEqual({ status, documented: true });
        expect(problemCodes(responses['400'])).toContain('validation-failed');
        expect(problemCodes(responses['413'])).toContain('payload-too-large');
      } else {
        expect(documented.requestBody).toBeUndefined();
      }
      for (const status of ['401', '403']) expect({ status, documented: status in responses }).toEqual({ status, documented: true });
      if (key.includes('{id}')) {
        expect(problemCodes(responses['404'])).toContain('not-found');
        expect(problemCodes(responses['412'])).toContain('version-mismatch');
        expect(documented.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['id', 'If-Match']));
      }
      // Conventions: any POST or PUT may carry an Idempotency-Key, and reusing one with another body is a 422
      expect(documented.parameters.map((parameter: { name: string }) => parameter.name)).toContain('Idempotency-Key');
      expect(problemCodes(responses['422'])).toContain('idempotency-key-reused');
      for (const [status, codes] of Object.entries(problems)) {
        for (const code of codes)
          expect({ status, code, documented: problemCodes(responses[status]).includes(`\`${code}\``) }).toEqual({ status, code, documented: true });
        expect(Object.keys(responses[status].content ?? {})).toContain('application/problem+json');
      }
    });

    it('documents 400 on lists with bad query parameters, 404 and 422 on the calendar, 429 on the public endpoints', () => {
      for (const path of [
        '/api/v1/kindergartens',
        '/api/v1/inspections',
        '/api/v1/rectifications',
        '/api/v1/public/kindergartens',
        '/api/v1/calendar/deadline',
      ]) {
        expect({ path, codes: problemCodes(document.paths[path].get.responses['400']) }).toEqual({
          path,
          codes: expect.stringContaining('validation-failed'),
        });
      }
      expect(problemCodes(document.paths['/api/v1/calendar/deadline'].get.responses['422'])).toContain('calendar-unavailable');
      expect(problemCodes(document.paths['/api/v1/calendar/{year}'].get.responses['404'])).toContain('calendar-unavailable');
      for (const path of ['/api/v1/public/kindergartens', '/api/v1/public/notices']) {
        expect(problemCodes(document.paths[path].get.responses['429'])).toContain('rate-limited');
        // no token: an empty security requirement overrides the document's default (a bearer token)
        expect(document.paths[path].get.security).toEqual([]);
        expect(document.security).toEqual([{ bearer: [] }]);
      }
    });
  });

  describe('correlation id', () => {
    it('answers with the caller’s X-Correlation-Id and records it on every event the command writes', async () => {
      const steps = workflow(app);
      const id = freshId('kg-corr');
      const registered = await app.call('POST', '/kindergartens', {
        token: steps.admin,
        headers: { 'x-correlation-id': 'abc-123' },
        body: { id, name: `关联测试幼儿园 ${id}`, township: '城关镇', ownership: 'public' },
      });
      expect(registered.status).toBe(201);
      expect(registered.headers.get('x-correlation-id')).toBe('abc-123');
      const scheduled = await app.call('POST', '/inspections', {
        token: steps.supervisor,
        headers: { 'x-correlation-id': 'abc-123' },
        body: { kindergartenId: id, kind: 'annual', year: 2025, scheduledOn: '2025-03-10' },
      });
      expect(scheduled.headers.get('x-correlation-id')).toBe('abc-123');

      const events = [...(await app.store.readStream(`kindergarten-${id}`)), ...(await app.store.readStream(`inspection-${scheduled.body.id}`))];
      expect(events.map((event) => event.type)).toEqual(['KindergartenRegistered', 'InspectionScheduled']);
      expect(events.map((event) => event.metadata.correlationId)).toEqual(['abc-123', 'abc-123']);
      // each command is its own: distinct command ids under the one correlation id
      expect(new Set(events.map((event) => event.metadata.commandId)).size).toBe(2);
    });

    it('makes one up when none is given (or a malformed one), answers with it and records it', async () => {
      const admin = app.token('admin');
      const variants: Array<Record<string, string>> = [{}, { 'x-correlation-id': 'has spaces and ünïcode' }, { 'x-correlation-id': 'x'.repeat(500) }];
      for (const headers of variants) {
        const id = freshId('kg-corr');
        const reply = await app.call('POST', '/kindergartens', {
          token: admin,
          headers,
          body: { id, name: `关联测试幼儿园 ${id}`, township: '城关镇', ownership: 'public' },
        });
        expect(reply.status).toBe(201);
        const given = reply.headers.get('x-correlation-id');
        expect(given).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
        const [event] = await app.store.readStream(`kindergarten-${id}`);
        expect(event!.metadata.correlationId).toBe(given);
      }
    });

    it('answers with the correlation id on errors and unauthenticated requests too', async () => {
      const correlationId = `corr-${randomUUID()}`;
      const refused = await app.call('POST', '/kindergartens', { headers: { 'x-correlation-id': correlationId }, body: {} });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('x-correlation-id')).toBe(correlationId);
      const invalid = await app.call('POST', '/kindergartens', {
        token: app.token('admin'),
        headers: { 'x-correlation-id': correlationId },
        body: {},
      });
      expect(invalid.status).toBe(400);
      expect(invalid.headers.get('x-correlation-id')).toBe(correlationId);
    });
  });
});
