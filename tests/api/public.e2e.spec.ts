import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ShiftedClock } from '@app/config';
import { freshId, startTestApp, type Reply, type TestApp } from '../support/test-app.js';

// Monday 3 March 2025, 10:00 in Shanghai.
const START = new Date('2025-03-03T02:00:00Z');
const SHANGHAI_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/;

const sortedKeys = (value: object): string[] => Object.keys(value).sort();

/** Every key used anywhere in a JSON value. */
const keysIn = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [key, ...keysIn(item)]);
  return [];
};

describe('public disclosure (公示) over HTTP (pglite)', () => {
  let app: TestApp;
  // unique per run, so that finding one of these strings in a public answer can only mean a leak
  const tag = randomUUID().slice(0, 8);
  const secret = {
    adminSub: `admin-${tag}`,
    supervisorSub: `inspector-${tag}`,
    supervisorName: `王督学${tag}`,
    directorSub: `director-${tag}`,
    directorName: `张园长${tag}`,
    notes: `内部备注-不公开-${tag}`,
    unpublishedFinding: `未通报的问题-${tag}`,
    conclusionSummary: `检查结论不公开-${tag}`,
    reportSummary: `整改报告摘要-${tag}`,
    reportAction: `整改措施-${tag}`,
    evidenceName: `证据照片-${tag}.jpg`,
    evidenceHash: `${tag}${'0'.repeat(56)}`,
    reviewComment: `审核意见-${tag}`,
    extensionReason: `延期理由-${tag}`,
    reinstatementReason: `恢复招生理由-${tag}`,
    statement: `陈述申辩意见-${tag}`,
  };
  const ids = {
    published: freshId('kg-pub'),
    unpublished: freshId('kg-unpub'),
    suspended: freshId('kg-susp'),
    reinstated: freshId('kg-rein'),
    bare: freshId('kg-bare'),
  };
  const names = Object.fromEntries(Object.entries(ids).map(([key, id]) => [key, `幼儿园 ${id}`])) as Record<keyof typeof ids, string>;
  const suspensionReason = '整改后仍不达标，依规暂停招生';
  const publishedFindings = ['消防通道堆放杂物', '晨检记录不全'];
  let publishedCase: any;
  let unpublishedCaseId: string;
  let suspendedCaseId: string;

  const ok = async (reply: Promise<Reply>, status = 200): Promise<any> => {
    const answer = await reply;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  beforeAll(async () => {
    app = await startTestApp('pglite', {}, { clock: new ShiftedClock(START) });
    const admin = app.token('admin', { sub: secret.adminSub, name: '李管理员' });
    const supervisor = app.token('supervisor', { sub: secret.supervisorSub, name: secret.supervisorName });
    const director = (kindergartenId: string) => app.token('kindergarten', { sub: secret.directorSub, name: secret.directorName, kindergartenId });
    const post = (path: string, token: string, body?: object, status = 200) => ok(app.call('POST', path, { token, body }), status);

    for (const key of Object.keys(ids) as Array<keyof typeof ids>) {
      await post('/kindergartens', admin, { id: ids[key], name: names[key], township: '城关镇', ownership: 'public' }, 201);
    }
    const failedInspection = async (kindergartenId: string, kind: string, descriptions: string[]) => {
      const inspection = await post('/inspections', supervisor, { kindergartenId, kind, year: 2025, scheduledOn: '2025-03-03' }, 201);
      for (const [index, description] of descriptions.entries()) {
        await post(`/inspections/${inspection.id}/findings`, supervisor, { code: `S-0${index + 1}`, description, severity: 'major' }, 201);
      }
      await post(`/inspections/${inspection.id}/conclusion`, supervisor, { outcome: 'failed', summary: secret.conclusionSummary });
      return inspection;
    };
    const passedInspection = async (kindergartenId: string, kind: string) => {
      const inspection = await post('/inspections', supervisor, { kindergartenId, kind, year: 2025, scheduledOn: '2025-03-03' }, 201);
      await post(`/inspections/${inspection.id}/conclusion`, supervisor, { outcome: 'passed', summary: secret.conclusionSummary });
      return inspection;
    };
    const issue = (kindergartenId: string, inspectionId: string, findingCodes: string[], publish: boolean) =>
      post('/rectifications', supervisor, { kindergartenId, inspectionId, findingCodes, deadline: { workingDays: 10 }, publish }, 201);
    // a follow-up is recorded once the report is in
    const reportOn = async (kindergartenId: string, caseId: string) => {
      await post(`/rectifications/${caseId}/acknowledgement`, director(kindergartenId));
      await post(`/rectifications/${caseId}/reports`, director(kindergartenId), {
        summary: secret.reportSummary,
        actions: [{ findingCode: 'S-01', action: secret.reportAction }],
        evidence: [],
      });
    };

    // published: disclosure with notes, a failed annual inspection, a published notice taken through report, return and an extension request
    await ok(
      app.call('PUT', `/kindergartens/${ids.published}/disclosure`, {
        token: director(ids.published),
        body: { teachers: 24, caregivers: 12, children: 320, monthlyFeeYuan: 480.5, notes: secret.notes },
      }),
    );
    const annual = await failedInspection(ids.published, 'annual', publishedFindings);
    await passedInspection(ids.published, 'quality');
    publishedCase = await issue(ids.published, annual.id, ['S-01', 'S-02'], true);
    await post(`/rectifications/${publishedCase.id}/acknowledgement`, director(ids.published));
    await post(`/rectifications/${publishedCase.id}/reports`, director(ids.published), {
      summary: secret.reportSummary,
      actions: ['S-01', 'S-02'].map((findingCode) => ({ findingCode, action: secret.reportAction })),
      evidence: [{ name: secret.evidenceName, sha256: secret.evidenceHash, sizeBytes: 2048 }],
    });
    await post(`/rectifications/${publishedCase.id}/review`, supervisor, { decision: 'return', comment: secret.reviewComment });
    await post(
      `/rectifications/${publishedCase.id}/extension-requests`,
      director(ids.published),
      { requestedDueAt: '2025-04-30T23:59:59+08:00', reason: secret.extensionReason },
      201,
    );

    // unpublished: a notice issued with publish: false
    const hidden = await failedInspection(ids.unpublished, 'safety', [secret.unpublishedFinding]);
    unpublishedCaseId = (await issue(ids.unpublished, hidden.id, ['S-01'], false)).id;

    // suspended: a published notice whose follow-up failed, then a suspension in force
    const failing = await failedInspection(ids.suspended, 'annual', ['午睡室通风不良']);
    suspendedCaseId = (await issue(ids.suspended, failing.id, ['S-01'], true)).id;
    await reportOn(ids.suspended, suspendedCaseId);
    const followUp = await failedInspection(ids.suspended, 'follow-up', ['午睡室仍通风不良']);
    await post(`/rectifications/${suspendedCaseId}/follow-up`, supervisor, { inspectionId: followUp.id });
    const notice = (rectificationId: string) => ({ rectificationId, facts: '复查仍不达标', basis: '清政发〔2023〕52号', proposedFrom: '2025-03-10' });
    await post(`/kindergartens/${ids.suspended}/enrolment/suspension-notice`, supervisor, notice(suspendedCaseId));
    await post(`/kindergartens/${ids.suspended}/enrolment/statement`, director(ids.suspended), { text: secret.statement });
    await post(`/kindergartens/${ids.suspended}/enrolment/suspension`, supervisor, {
      decision: 'suspend',
      effectiveFrom: '2025-03-10',
      reason: suspensionReason,
    });

    // reinstated: suspended, then reinstated after a passed follow-up: no longer a suspension in force
    const again = await failedInspection(ids.reinstated, 'annual', ['食堂留样不规范']);
    const againCase = await issue(ids.reinstated, again.id, ['S-01'], true);
    await reportOn(ids.reinstated, againCase.id);
    const againFollowUp = await failedInspection(ids.reinstated, 'follow-up', ['食堂留样仍不规范']);
    await post(`/rectifications/${againCase.id}/follow-up`, supervisor, { inspectionId: againFollowUp.id });
    await post(`/kindergartens/${ids.reinstated}/enrolment/suspension-notice`, supervisor, notice(againCase.id));
    await post(`/kindergartens/${ids.reinstated}/enrolment/statement`, director(ids.reinstated), { waive: true });
    await post(`/kindergartens/${ids.reinstated}/enrolment/suspension`, supervisor, {
      decision: 'suspend',
      effectiveFrom: '2025-03-04',
      reason: '暂停招生',
    });
    const passed = await passedInspection(ids.reinstated, 'follow-up');
    await post(`/kindergartens/${ids.reinstated}/enrolment/reinstatement`, supervisor, {
      inspectionId: passed.id,
      reason: secret.reinstatementReason,
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  const publicGet = (path: string, authorization?: string) =>
    app.call('GET', path, authorization === undefined ? {} : { headers: { authorization } });

  it('needs no token, and ignores one if sent (valid, invalid or expired)', async () => {
    for (const path of ['/public/kindergartens?limit=1000', '/public/notices']) {
      const anonymous = await publicGet(path);
      expect(anonymous.status).toBe(200);
      expect(anonymous.headers.get('content-type')).toMatch(/^application\/json/);
      for (const authorization of [
        'Bearer not-a-jwt',
        'Basic dXNlcjpwYXNz',
        `Bearer ${app.token('kindergarten', { kindergartenId: ids.bare })}`,
        `Bearer ${app.token('admin', { expiresIn: '-1h' })}`,
      ]) {
        const reply = await publicGet(path, authorization);
        expect({ path, authorization, status: reply.status }).toEqual({ path, authorization, status: 200 });
        expect(reply.body).toEqual(anonymous.body);
      }
    }
  });

  it('lists kindergartens with exactly the public fields: basic information, disclosure without notes, latest results', async () => {
    const reply = await publicGet('/public/kindergartens?limit=1000');
    expect(sortedKeys(reply.body)).toEqual(['items']);
    for (const item of reply.body.items) {
      expect(sortedKeys(item)).toEqual([
        'closed',
        'closedOn',
        'disclosure',
        'enrolmentStatus',
        'id',
        'latestAnnual',
        'latestQuality',
        'name',
        'ownership',
        'township',
      ]);
      if (item.disclosure !== null)
        expect(sortedKeys(item.disclosure)).toEqual(['caregivers', 'children', 'monthlyFeeYuan', 'publishedAt', 'teachers']);
      for (const result of [item.latestAnnual, item.latestQuality]) if (result !== null) expect(sortedKeys(result)).toEqual(['outcome', 'year']);
    }
    const byId = new Map(reply.body.items.map((item: { id: string }) => [item.id, item]));
    expect([...byId.keys()]).toEqual(expect.arrayContaining(Object.values(ids)));
    expect(byId.get(ids.published)).toEqual({
      id: ids.published,
      name: names.published,
      township: 'chengguan',
      ownership: 'public',
      closed: false,
      closedOn: null,
      enrolmentStatus: 'open',
      disclosure: { teachers: 24, caregivers: 12, children: 320, monthlyFeeYuan: 480.5, publishedAt: expect.stringMatching(SHANGHAI_TIME) },
      latestAnnual: { year: 2025, outcome: 'failed' },
      latestQuality: { year: 2025, outcome: 'passed' },
    });
    expect(byId.get(ids.bare)).toEqual({
      id: ids.bare,
      name: names.bare,
      township: 'chengguan',
      ownership: 'public',
      closed: false,
      closedOn: null,
      enrolmentStatus: 'open',
      disclosure: null,
      latestAnnual: null,
      latestQuality: null,
    });
    expect(byId.get(ids.suspended)).toMatchObject({ enrolmentStatus: 'suspended', latestAnnual: { year: 2025, outcome: 'failed' } });
    expect(byId.get(ids.reinstated)).toMatchObject({ enrolmentStatus: 'open' });
  });

  it('pages kindergartens with limit and next', async () => {
    const first = await publicGet('/public/kindergartens?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.next).toEqual(expect.stringMatching(/^\/api\/v1\/public\/kindergartens\?/));
    const second = await app.call('GET', `${app.url.replace(/\/api\/v1$/, '')}${first.body.next}`);
    expect(second.status).toBe(200);
    const seen = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(second.body.items[0].id > first.body.items[1].id).toBe(true);
  });

  it('shows published notices with exactly the public fields, and the suspensions in force', async () => {
    const reply = await publicGet('/public/notices');
    expect(sortedKeys(reply.body)).toEqual(['notices', 'suspensions']);
    for (const notice of reply.body.notices) {
      expect(sortedKeys(notice)).toEqual(['documentNo', 'dueAt', 'findings', 'id', 'issuedAt', 'kindergarten', 'overdue', 'status', 'withdrawal']);
      expect(sortedKeys(notice.kindergarten)).toEqual(['id', 'name']);
      expect(notice.findings.every((finding: unknown) => typeof finding === 'string')).toBe(true);
    }
    for (const suspension of reply.body.suspensions) {
      expect(sortedKeys(suspension)).toEqual(['effectiveFrom', 'kindergarten', 'reason']);
      expect(sortedKeys(suspension.kindergarten)).toEqual(['id', 'name']);
    }

    const notice = reply.body.notices.find((item: { id: string }) => item.id === publishedCase.id);
    expect(notice).toEqual({
      id: publishedCase.id,
      kindergarten: { id: ids.published, name: names.published },
      findings: publishedFindings,
      issuedAt: expect.stringMatching(SHANGHAI_TIME),
      // issued Monday 3 March 2025 with 10 working days
      dueAt: '2025-03-17T23:59:59.999+08:00',
      status: 'returned',
      overdue: false,
      // the first notice this store numbered
      documentNo: '清教督改〔2025〕1号',
      withdrawal: null,
    });
    expect(reply.body.notices.find((item: { id: string }) => item.id === suspendedCaseId)).toMatchObject({
      kindergarten: { id: ids.suspended, name: names.suspended },
      status: 'failed',
    });
    expect(reply.body.suspensions).toEqual([
      { kindergarten: { id: ids.suspended, name: names.suspended }, effectiveFrom: '2025-03-10', reason: suspensionReason },
    ]);
  });

  it('never shows a notice issued with publish: false', async () => {
    const notices = await publicGet('/public/notices');
    expect(notices.body.notices.map((notice: { id: string }) => notice.id)).not.toContain(unpublishedCaseId);
    expect(notices.body.notices.map((notice: { kindergarten: { id: string } }) => notice.kindergarten.id)).not.toContain(ids.unpublished);
    const kindergartens = await publicGet('/public/kindergartens?limit=1000');
    for (const text of [JSON.stringify(notices.body), JSON.stringify(kindergartens.body)]) {
      expect(text).not.toContain(unpublishedCaseId);
      expect(text).not.toContain(secret.unpublishedFinding);
    }
    // the case exists, and supervisors see it
    const internal = await app.call('GET', `/rectifications/${unpublishedCaseId}`, { token: app.token('supervisor') });
    expect(internal.body).toMatchObject({ publish: false, status: 'issued' });
  });

  it('shows nothing that identifies a user, nor reports, comments, evidence, disclosure notes or reasons not meant for the public', async () => {
    const answers = [await publicGet('/public/kindergartens?limit=1000'), await publicGet('/public/notices')];
    for (const answer of answers) {
      const text = JSON.stringify(answer.body);
      for (const [what, value] of Object.entries(secret)) expect({ what, leaked: text.includes(value) }).toEqual({ what, leaked: false });
      const keys = new Set(keysIn(answer.body));
      for (const key of [
        'sub',
        'actor',
        'role',
        'issuedBy',
        'reports',
        'review',
        'comment',
        'evidence',
        'notes',
        'summary',
        'extension',
        'metadata',
      ]) {
        expect({ key, present: keys.has(key) }).toEqual({ key, present: false });
      }
    }
    // the internal view does hold them: the public one leaves them out on purpose
    const internal = JSON.stringify((await app.call('GET', `/rectifications/${publishedCase.id}`, { token: app.token('supervisor') })).body);
    expect(internal).toContain(secret.reportSummary);
    expect(internal).toContain(secret.reviewComment);
  });
});

describe('public disclosure rate limit (PUBLIC_RATE_LIMIT_PER_MINUTE=5)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('pglite', { PUBLIC_RATE_LIMIT_PER_MINUTE: '5' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers the 6th request in a minute from one address with 429 rate-limited and Retry-After, token or not', async () => {
    for (let request = 1; request <= 5; request += 1) {
      expect({ request, status: (await app.call('GET', '/public/kindergartens')).status }).toEqual({ request, status: 200 });
    }
    const limited = await app.call('GET', '/public/kindergartens');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({
      status: 429,
      code: 'rate-limited',
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // a token changes nothing on a public endpoint
    const withToken = await app.call('GET', '/public/kindergartens', { token: app.token('admin') });
    expect(withToken.status).toBe(429);
    // /public/notices is limited too (whether it shares the count with /public/kindergartens or not, its 6th request is over)
    const notices: number[] = [];
    for (let request = 1; request <= 6; request += 1) notices.push((await app.call('GET', '/public/notices')).status);
    expect(notices.at(-1)).toBe(429);
    expect(notices.every((status) => status === 200 || status === 429)).toBe(true);
  });

  it('does not limit authenticated endpoints', async () => {
    const admin = app.token('admin');
    for (let request = 1; request <= 12; request += 1) {
      expect({ request, status: (await app.call('GET', '/kindergartens', { token: admin })).status }).toEqual({ request, status: 200 });
      expect((await app.call('GET', '/calendar/2025', { token: admin })).status).toBe(200);
    }
    const registered = await app.call('POST', '/kindergartens', {
      token: admin,
      body: { id: freshId('kg'), name: '限流测试幼儿园', township: '城关镇', ownership: 'private' },
    });
    expect(registered.status).toBe(201);
  });
});
