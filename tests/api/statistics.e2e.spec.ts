// Issue 12, "Statistics": GET /statistics/overview?year, by township, from a projection of its own.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freshId, startTestApp, type StoreKind, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

describe.each<StoreKind>(['pglite', 'postgres'])('GET /statistics/overview (%s)', (kind) => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  let auditor: string;
  // townships of the register, one set per test of this suite (the store is the suite's own)
  const [east, west] = ['lamawan', 'laoniuwan'];
  const NAMES: Record<string, string> = { lamawan: '喇嘛湾镇', laoniuwan: '老牛湾镇' };
  const mine = (body: any) => body.townships.filter((row: { township: string }) => row.township === east || row.township === west);

  beforeAll(async () => {
    app = await startTestApp(kind);
    steps = workflow(app);
    auditor = app.token('auditor');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('counts each township’s kindergartens, the year’s inspections and cases, and the suspensions; totals add them up', async () => {
    const a = await steps.registerKindergarten({ township: east });
    await steps.registerKindergarten({ township: east });
    const c = await steps.registerKindergarten({ township: west });
    await steps.conclude((await steps.inspection(a.id, 'annual', 2025)).id, 'passed');
    await steps.inspection(c.id, 'annual', 2025);
    await steps.inspection(c.id, 'annual', 2024);
    // a failed inspection and its case in the east
    const { kindergarten: failing, inspection } = await steps.failedInspection(['S-01']);
    expect(failing.township).not.toBe(east);

    const reply = await app.call('GET', '/statistics/overview?year=2025', { token: steps.supervisor });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ year: 2025, asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/) });
    expect(mine(reply.body)).toEqual([
      {
        township: east,
        name: NAMES[east],
        kindergartens: 2,
        inspections: { scheduled: 0, passed: 1, failed: 0, cancelled: 0 },
        cases: { open: 0, overdue: 0, closed: 0, failed: 0, withdrawn: 0 },
        suspensions: 0,
      },
      {
        township: west,
        name: NAMES[west],
        kindergartens: 1,
        inspections: { scheduled: 1, passed: 0, failed: 0, cancelled: 0 },
        cases: { open: 0, overdue: 0, closed: 0, failed: 0, withdrawn: 0 },
        suspensions: 0,
      },
    ]);
    const sum = (pick: (row: any) => number) => reply.body.townships.reduce((total: number, row: any) => total + pick(row), 0);
    expect(reply.body.totals.kindergartens).toBe(sum((row) => row.kindergartens));
    expect(reply.body.totals.inspections.failed).toBe(sum((row) => row.inspections.failed));
    expect(reply.body.totals.inspections.failed).toBeGreaterThanOrEqual(1);
    expect(inspection.year).toBe(2025);

    const lastYear = await app.call('GET', '/statistics/overview?year=2024', { token: auditor });
    expect(mine(lastYear.body).find((row: { township: string }) => row.township === west).inspections.scheduled).toBe(1);
  });

  it('a case issued, reported, then failed at follow-up, and a suspension: counted where the kindergarten is', async () => {
    const township = 'yaogou';
    const kindergarten = await steps.registerKindergarten({ township });
    const inspection = await steps.inspection(kindergarten.id, 'annual', 2025);
    await steps.finding(inspection.id, 'S-01');
    await steps.conclude(inspection.id, 'failed');
    const issue = (inspectionId: string) =>
      app.call('POST', '/rectifications', {
        token: steps.supervisor,
        body: {
          kindergartenId: kindergarten.id,
          inspectionId,
          findingCodes: ['S-01'],
          deadline: { dueAt: '2099-12-31T23:59:59+08:00' },
          publish: false,
        },
      });
    const notice = (await issue(inspection.id)).body;
    const year = Number(String(notice.issuedAt).slice(0, 4));
    const counts = async () =>
      (await app.call('GET', `/statistics/overview?year=${year}`, { token: steps.admin })).body.townships.find(
        (row: { township: string }) => row.township === township,
      );
    expect((await counts()).cases).toEqual({ open: 1, overdue: 0, closed: 0, failed: 0, withdrawn: 0 });

    // a follow-up counts once the kindergarten has reported
    const director = steps.kindergartenToken(kindergarten.id);
    expect((await app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director })).status).toBe(200);
    expect((await app.call('POST', `/rectifications/${notice.id}/reports`, { token: director, body: steps.report(['S-01']) })).status).toBe(200);
    expect((await counts()).cases).toEqual({ open: 1, overdue: 0, closed: 0, failed: 0, withdrawn: 0 });
    const followUp = await steps.inspection(kindergarten.id, 'follow-up', year);
    await steps.finding(followUp.id, 'S-01');
    await steps.conclude(followUp.id, 'failed');
    const failed = await app.call('POST', `/rectifications/${notice.id}/follow-up`, { token: steps.supervisor, body: { inspectionId: followUp.id } });
    expect(failed.body.status).toBe('failed');
    // the due process at its shortest: the notice, the kindergarten's waiver, the decision
    const suspension = await steps.suspendEnrolment(kindergarten.id, notice.id, '整改后仍不达标', '2099-01-01');
    expect(suspension.enrolment.status).toBe('suspended');
    expect(await counts()).toMatchObject({ kindergartens: 1, cases: { open: 0, failed: 1 }, suspensions: 1 });
  });

  it('counts a cancelled inspection and a withdrawn case', async () => {
    const township = 'jiucaizhuang';
    const kindergarten = await steps.registerKindergarten({ township });
    const dropped = await steps.inspection(kindergarten.id, 'safety', 2025);
    const cancelled = await app.call('POST', `/inspections/${dropped.id}/cancellation`, { token: steps.supervisor, body: { reason: '重复安排' } });
    expect(cancelled.body.status).toBe('cancelled');
    const annual = await steps.inspection(kindergarten.id, 'annual', 2025);
    await steps.finding(annual.id, 'S-01');
    await steps.conclude(annual.id, 'failed');
    const notice = (
      await app.call('POST', '/rectifications', {
        token: steps.supervisor,
        body: {
          kindergartenId: kindergarten.id,
          inspectionId: annual.id,
          findingCodes: ['S-01'],
          deadline: { dueAt: '2099-12-31T23:59:59+08:00' },
          publish: true,
        },
      })
    ).body;
    const withdrawn = await app.call('POST', `/rectifications/${notice.id}/withdrawal`, {
      token: steps.supervisor,
      body: { reason: '事实认定有误' },
    });
    expect(withdrawn.body.status).toBe('withdrawn');
    const row = async (year: number) =>
      (await app.call('GET', `/statistics/overview?year=${year}`, { token: auditor })).body.townships.find(
        (entry: { township: string }) => entry.township === township,
      );
    expect((await row(2025)).inspections).toEqual({ scheduled: 0, passed: 0, failed: 1, cancelled: 1 });
    expect((await row(Number(String(notice.issuedAt).slice(0, 4)))).cases).toEqual({ open: 0, overdue: 0, closed: 0, failed: 0, withdrawn: 1 });
  });

  it('keys townships by the register’s id with its name, whether the record names them by id or by name; a supervisor with townships sees those only', async () => {
    const byName = await steps.registerKindergarten({ township: '宏河镇' });
    await steps.registerKindergarten({ township: 'honghe' });
    await steps.conclude((await steps.inspection(byName.id, 'annual', 2025)).id, 'passed');
    const whole = (await app.call('GET', '/statistics/overview?year=2025', { token: auditor })).body;
    const honghe = whole.townships.filter((row: { name: string }) => row.name === '宏河镇');
    expect(honghe).toEqual([
      expect.objectContaining({ township: 'honghe', name: '宏河镇', kindergartens: 2, inspections: expect.objectContaining({ passed: 1 }) }),
    ]);
    expect(whole.townships.map((row: { township: string }) => row.township)).not.toContain('宏河镇');

    const scoped = app.token('supervisor', { sub: `li-${randomUUID().slice(0, 8)}`, townships: ['honghe'] });
    await app.usersReady();
    const mineOnly = (await app.call('GET', '/statistics/overview?year=2025', { token: scoped })).body;
    expect(mineOnly.townships).toEqual(honghe);
    expect(mineOnly.totals).toEqual({
      kindergartens: 2,
      inspections: honghe[0].inspections,
      cases: honghe[0].cases,
      suspensions: honghe[0].suspensions,
    });
  });

  it('admin, supervisor and auditor only; year 2000–2100, this year by default; problems in Chinese too', async () => {
    const kindergarten = await steps.registerKindergarten();
    for (const token of [
      app.token('kindergarten', { kindergartenId: kindergarten.id }),
      app.token('department', { unitId: 'county-education-bureau' }),
    ]) {
      expect((await app.call('GET', '/statistics/overview', { token })).status).toBe(403);
    }
    expect((await app.call('GET', '/statistics/overview')).status).toBe(401);
    const current = await app.call('GET', '/statistics/overview', { token: steps.admin });
    expect(current.status).toBe(200);
    expect(current.body.year).toBe(Number(current.body.asOf.slice(0, 4)));
    for (const year of ['1999', '2101', 'abc', '2025.5']) {
      const refused = await app.call('GET', `/statistics/overview?year=${year}`, { token: steps.admin, headers: { 'accept-language': 'zh-CN' } });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'validation-failed', title: '请求内容无效', errors: [{ field: 'year' }] });
      expect(refused.body.errors[0].message).toMatch(/^year /);
    }
    expect((await app.call('GET', `/statistics/overview?year=2025&township=${freshId()}`, { token: steps.admin })).status).toBe(400);
  });
});
