// Issue 10 item 8: a supervisor with `townships` sees and acts on its 责任区 only; without them, the whole county.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { freshId, startTestApp, type StoreKind, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

describe.each<StoreKind>(['pglite', 'postgres'])('supervisors’ 责任区 (%s)', (kind) => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  let scoped: string;
  // two of the register's townships; the store is this suite's own, so the lists hold nothing of other tests
  const [east, west] = ['beibao', 'lamawan'];
  let mine: { id: string };
  let theirs: { id: string };
  let myInspection: { id: string };
  let theirInspection: { id: string };
  let theirOpenInspection: { id: string };
  let theirCase: { id: string; status: string };

  const failedInspection = async (kindergartenId: string) => {
    const inspection = await steps.inspection(kindergartenId, 'annual', 2025);
    await steps.finding(inspection.id, 'S-01');
    await steps.conclude(inspection.id, 'failed');
    return inspection;
  };
  const issue = async (kindergartenId: string, inspectionId: string) =>
    (
      await app.call('POST', '/rectifications', {
        token: steps.supervisor,
        body: { kindergartenId, inspectionId, findingCodes: ['S-01'], deadline: { dueAt: '2099-12-31T23:59:59+08:00' }, publish: false },
      })
    ).body;

  beforeAll(async () => {
    app = await startTestApp(kind);
    steps = workflow(app);
    scoped = app.token('supervisor', { sub: freshId('liu'), name: '刘督学', townships: [east] });
    mine = await steps.registerKindergarten({ township: east });
    theirs = await steps.registerKindergarten({ township: west });
    myInspection = await failedInspection(mine.id);
    theirInspection = await failedInspection(theirs.id);
    theirOpenInspection = await steps.inspection(theirs.id, 'safety', 2025);
    await issue(mine.id, myInspection.id);
    theirCase = await issue(theirs.id, theirInspection.id);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reads of another township’s kindergarten, inspection and case are 404 not-found; its own are there', async () => {
    for (const path of [`/kindergartens/${theirs.id}`, `/inspections/${theirInspection.id}`, `/rectifications/${theirCase.id}`]) {
      const reply = await app.call('GET', path, { token: scoped });
      expect([path, reply.status, reply.body.code]).toEqual([path, 404, 'not-found']);
    }
    expect((await app.call('GET', `/kindergartens/${mine.id}`, { token: scoped })).status).toBe(200);
    expect((await app.call('GET', `/inspections/${myInspection.id}`, { token: scoped })).status).toBe(200);
  });

  it('commands on another township’s resources are 404 (or 422 unknown-kindergarten for a new one) and write nothing', async () => {
    const finding = await app.call('POST', `/inspections/${theirOpenInspection.id}/findings`, {
      token: scoped,
      body: { code: 'S-02', description: '消防通道堆放杂物', severity: 'major' },
    });
    expect([finding.status, finding.body.code]).toEqual([404, 'not-found']);
    const withdrawal = await app.call('POST', `/rectifications/${theirCase.id}/withdrawal`, { token: scoped, body: { reason: '越权撤销' } });
    expect([withdrawal.status, withdrawal.body.code]).toEqual([404, 'not-found']);
    const notice = await app.call('POST', `/kindergartens/${theirs.id}/enrolment/suspension-notice`, {
      token: scoped,
      body: { rectificationId: theirCase.id, facts: '整改不到位', basis: '有关规定', proposedFrom: '2099-01-01' },
    });
    expect([notice.status, notice.body.code]).toEqual([404, 'not-found']);
    const schedule = await app.call('POST', '/inspections', {
      token: scoped,
      body: { kindergartenId: theirs.id, kind: 'quality', year: 2025, scheduledOn: '2025-03-01' },
    });
    expect([schedule.status, schedule.body.code]).toEqual([422, 'unknown-kindergarten']);

    // nothing was written: the county-wide supervisor sees everything as it was
    const open = await app.call('GET', `/inspections/${theirOpenInspection.id}`, { token: steps.supervisor });
    expect(open.body.findings).toEqual([]);
    expect((await app.call('GET', `/rectifications/${theirCase.id}`, { token: steps.supervisor })).body.status).toBe(theirCase.status);
    const theirInspections = await app.call('GET', `/inspections?kindergartenId=${theirs.id}`, { token: steps.supervisor });
    expect(theirInspections.body.items.map((item: { id: string }) => item.id).sort()).toEqual([theirInspection.id, theirOpenInspection.id].sort());
    // and a command in its own township goes through
    const own = await app.call('POST', '/inspections', {
      token: scoped,
      body: { kindergartenId: mine.id, kind: 'quality', year: 2025, scheduledOn: '2025-03-01' },
    });
    expect(own.status).toBe(201);
  });

  it('lists hold its townships’ kindergartens, inspections and cases only', async () => {
    const ids = async (path: string) => {
      const reply = await app.call('GET', path, { token: scoped });
      expect(reply.status).toBe(200);
      return reply.body.items as { id: string; kindergartenId?: string; township?: string }[];
    };
    const kindergartens = await ids('/kindergartens?limit=200');
    expect(kindergartens.map((item) => item.id)).toEqual([mine.id]);
    expect(await ids(`/kindergartens?township=${encodeURIComponent(west)}`)).toEqual([]);
    const inspections = await ids('/inspections?limit=200');
    expect(new Set(inspections.map((item) => item.kindergartenId))).toEqual(new Set([mine.id]));
    expect(await ids(`/inspections?kindergartenId=${theirs.id}`)).toEqual([]);
    const cases = await ids('/rectifications?limit=200');
    expect(cases.map((item) => item.kindergartenId)).toEqual([mine.id]);
    expect(await ids(`/rectifications?kindergartenId=${theirs.id}`)).toEqual([]);
  });

  it('a supervisor without townships sees the whole county', async () => {
    expect((await app.call('GET', `/kindergartens/${theirs.id}`, { token: steps.supervisor })).status).toBe(200);
    expect((await app.call('GET', `/rectifications/${theirCase.id}`, { token: steps.supervisor })).status).toBe(200);
    const kindergartens = await app.call('GET', `/kindergartens?township=${encodeURIComponent(west)}`, { token: steps.supervisor });
    expect(kindergartens.body.items.map((item: { id: string }) => item.id)).toEqual([theirs.id]);
  });

  it('a notice and the exports of another township are not the scoped supervisor’s: 404, and rows of its 责任区 only', async () => {
    const notice = await app.call('GET', `/rectifications/${theirCase.id}/notice.docx`, { token: scoped });
    expect([notice.status, notice.body.code]).toEqual([404, 'not-found']);
    const rows = async (path: string, token: string) => {
      const reply = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(reply.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await reply.arrayBuffer());
      const cells: string[] = [];
      workbook.worksheets[0]!.eachRow((row) => cells.push(JSON.stringify(row.values)));
      return cells.join('\n');
    };
    const register = await rows('/exports/kindergartens.xlsx', scoped);
    expect(register).toContain(mine.id);
    expect(register).not.toContain(theirs.id);
    expect(await rows('/exports/kindergartens.xlsx', steps.supervisor)).toContain(theirs.id);
    const cases = await rows('/exports/rectifications.xlsx', scoped);
    expect(cases).toContain(`测试幼儿园 ${mine.id}`);
    expect(cases).not.toContain(`测试幼儿园 ${theirs.id}`);
    expect(await rows(`/exports/rectifications.xlsx?township=${west}`, scoped)).not.toContain(theirs.id);
  });

  it('names a township by the register’s id: a kindergarten recorded under the name is in the 责任区 of that id', async () => {
    const kindergarten = await steps.registerKindergarten({ township: '宏河镇' });
    const honghe = app.token('supervisor', { sub: freshId('zhao'), townships: ['honghe'] });
    expect((await app.call('GET', `/kindergartens/${kindergarten.id}`, { token: honghe })).status).toBe(200);
    expect((await app.call('GET', `/kindergartens/${mine.id}`, { token: honghe })).status).toBe(404);
    const listed = await app.call('GET', '/kindergartens?limit=200', { token: honghe });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(kindergarten.id);
    expect(new Set(listed.body.items.map((item: { township: string }) => item.township))).toEqual(new Set(['honghe']));
  });
});
