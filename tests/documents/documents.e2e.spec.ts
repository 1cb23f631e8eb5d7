import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { PLAN_SEEDS, SettableClock, departmentToken, planTasks } from '../support/plan.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { download } from '../support/uploads.js';
import { workflow } from '../support/workflow.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The document's text as an independent reader (mammoth) sees it. */
const docxText = async (bytes: Buffer): Promise<string> => (await mammoth.extractRawText({ buffer: bytes })).value;

/** Every row of the first sheet as exceljs reads the file back. */
const sheetRows = async (bytes: Buffer): Promise<unknown[][]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe('Documents and spreadsheets', () => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  // the plan's units registered in 2024, so that they owe 2025's monthly reports; then the present
  const clock = new SettableClock('2024-12-01T09:00:00+08:00');

  beforeAll(async () => {
    app = await startTestApp('pglite', { ...PLAN_SEEDS, ISSUING_AUTHORITY: '清水河县教育局' }, { clock });
    steps = workflow(app);
    await planTasks(app);
    clock.set(new Date().toISOString());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('prints the rectification notice with the authority, the kindergarten, the findings, the deadline and the date, in 仿宋 and 黑体', async () => {
    const { notice, kindergarten, director } = await steps.issuedCase({ deadline: { dueAt: '2099-06-30T23:59:59+08:00' } });
    const got = await download(app, `/rectifications/${notice.id}/notice.docx`, director);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe(DOCX);
    expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`整改通知书-${kindergarten.name}`)}`);
    const text = await docxText(got.bytes);
    expect(text).toContain('清水河县教育局');
    expect(text).toContain('整改通知书');
    expect(text).toContain(`${kindergarten.name}：`);
    expect(text).toContain('一、消防通道堆放杂物（问题编号S-01，较重）');
    expect(text).toContain('二、消防通道堆放杂物（问题编号S-02，较重）');
    expect(text).toContain('2099年6月30日前');
    const issued = notice.issuedAt.slice(0, 10).split('-').map(Number);
    expect(text).toContain(`${issued[0]}年${issued[1]}月${issued[2]}日`);
    const xml = await (await JSZip.loadAsync(got.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
  });

  it('shows the notice only to those who may see the case', async () => {
    const { notice } = await steps.issuedCase();
    const other = await steps.issuedCase();
    expect((await download(app, `/rectifications/${notice.id}/notice.docx`, other.director)).status).toBe(404);
    expect((await download(app, `/rectifications/${notice.id}/notice.docx`, departmentToken(app, 'unit-x'))).status).toBe(403);
    expect((await download(app, `/rectifications/rc-nope/notice.docx`, steps.supervisor)).status).toBe(404);
  });

  it('prints the suspension proposal (告知书) and the decision (决定书) answering the statement quoted in full, with the remedies', async () => {
    const { kindergarten, notice, director } = await steps.failedCase();
    const path = `/kindergartens/${kindergarten.id}/enrolment`;
    const problem = async (got: { status: number; bytes: Buffer }) => [got.status, JSON.parse(got.bytes.toString('utf8')).code];
    expect(await problem(await download(app, `${path}/proposal.docx`, director))).toEqual([404, 'no-proposal']);

    const facts = '2025年年检发现消防通道堆放杂物。\n限期整改后复查，消防通道仍被堵塞。';
    const basis = '《清水河县学前教育普及普惠发展三年行动计划（2023—2025年）》（清政发〔2023〕52号）';
    const proposed = await app.call('POST', `${path}/suspension-notice`, {
      token: steps.supervisor,
      body: { rectificationId: notice.id, facts, basis, proposedFrom: '2099-03-01' },
    });
    expect(proposed.status).toBe(200);
    const { statementDueAt, proposedAt } = proposed.body.enrolment.proposal;
    const chinese = (written: string) => {
      const [year, month, day] = written.slice(0, 10).split('-').map(Number);
      return `${year}年${month}月${day}日`;
    };

    const letter = await download(app, `${path}/proposal.docx`, director);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toBe(DOCX);
    expect(letter.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`暂停招生告知书-${kindergarten.name}`)}`);
    const told = await docxText(letter.bytes);
    for (const expected of [
      '清水河县教育局',
      '暂停招生告知书',
      `${kindergarten.name}：`,
      '2025年年检发现消防通道堆放杂物。',
      '限期整改后复查，消防通道仍被堵塞。',
      notice.documentNo,
      '整改后仍不达标',
      basis,
      '2099年3月1日起暂停你园招生',
      '陈述和申辩',
      `${chinese(statementDueAt)}前`,
      chinese(proposedAt),
    ])
      expect(told).toContain(expected);
    const xml = await (await JSZip.loadAsync(letter.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
    // as the kindergarten: its supervisors and the auditor, not another kindergarten, not a unit
    expect((await download(app, `${path}/proposal.docx`, steps.supervisor)).status).toBe(200);
    expect((await download(app, `${path}/proposal.docx`, app.token('auditor'))).status).toBe(200);
    const other = await steps.registerKindergarten();
    expect(await problem(await download(app, `${path}/proposal.docx`, steps.kindergartenToken(other.id)))).toEqual([404, 'not-found']);
    expect((await download(app, `${path}/proposal.docx`, departmentToken(app, 'unit-x'))).status).toBe(403);
    // a supervisor whose 责任区 is another township does not see it
    const elsewhere = app.token('supervisor', { sub: 'du-honghe', townships: ['honghe'] });
    expect(await problem(await download(app, `${path}/proposal.docx`, elsewhere))).toEqual([404, 'not-found']);
    expect(await problem(await download(app, `${path}/decision.docx`, elsewhere))).toEqual([404, 'not-found']);
    expect(await problem(await download(app, `/kindergartens/kg-no-such/enrolment/proposal.docx`, steps.supervisor))).toEqual([404, 'not-found']);
    expect(await problem(await download(app, `${path}/decision.docx`, director))).toEqual([404, 'no-decision']);

    const statement = '我园已聘请专业公司清理消防通道。\n请求不予暂停招生。';
    expect((await app.call('POST', `${path}/statement`, { token: director, body: { text: statement } })).status).toBe(200);
    const reason = '经复核，复查时消防通道仍被堵塞，陈述理由不能成立';
    const decided = await app.call('POST', `${path}/suspension`, {
      token: steps.supervisor,
      body: { decision: 'suspend', reason, effectiveFrom: '2099-03-01' },
    });
    expect(decided.status).toBe(200);

    const decision = await download(app, `${path}/decision.docx`, director);
    expect(decision.status).toBe(200);
    expect(decision.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`暂停招生决定书-${kindergarten.name}`)}`);
    const decisionText = await docxText(decision.bytes);
    for (const expected of [
      '暂停招生决定书',
      `${kindergarten.name}：`,
      '限期整改后复查，消防通道仍被堵塞。',
      '“我园已聘请专业公司清理消防通道。',
      '请求不予暂停招生。”',
      reason,
      '自2099年3月1日起暂停你园招生',
      '六十日内依法申请行政复议',
      '六个月内依法向人民法院提起行政诉讼',
      chinese(decided.body.enrolment.suspension.decidedAt),
    ])
      expect(decisionText).toContain(expected);
    // the letter stays printable after the decision
    expect(await docxText((await download(app, `${path}/proposal.docx`, app.token('auditor'))).bytes)).toContain('暂停招生告知书');
  });

  it('prints a withdrawn proposal’s decision as 不予暂停招生决定书, saying the statement was waived, without remedies', async () => {
    const { kindergarten, notice, director } = await steps.failedCase();
    const path = `/kindergartens/${kindergarten.id}/enrolment`;
    await app.call('POST', `${path}/suspension-notice`, {
      token: steps.supervisor,
      body: { rectificationId: notice.id, facts: '复查仍不达标', basis: '清政发〔2023〕52号', proposedFrom: '2099-03-01' },
    });
    expect((await app.call('POST', `${path}/statement`, { token: director, body: { waive: true } })).status).toBe(200);
    const withdrawn = await app.call('POST', `${path}/suspension`, {
      token: steps.supervisor,
      body: { decision: 'withdraw', reason: '该园已完成整改并经核实' },
    });
    expect(withdrawn.status).toBe(200);
    const got = await download(app, `${path}/decision.docx`, steps.supervisor);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toContain(encodeURIComponent(`不予暂停招生决定书-${kindergarten.name}`));
    const text = await docxText(got.bytes);
    expect(text).toContain('不予暂停招生决定书');
    expect(text).toContain('书面声明放弃陈述申辩');
    expect(text).toContain('该园已完成整改并经核实');
    expect(text).toContain('不予暂停你园招生');
    expect(text).not.toContain('行政复议');
  });

  it('says in the decision that no statement was made when the period ran out in silence', async () => {
    const { kindergarten, notice } = await steps.failedCase();
    const path = `/kindergartens/${kindergarten.id}/enrolment`;
    const proposed = await app.call('POST', `${path}/suspension-notice`, {
      token: steps.supervisor,
      body: { rectificationId: notice.id, facts: '复查仍不达标', basis: '清政发〔2023〕52号', proposedFrom: '2099-03-01' },
    });
    const { statementDueAt } = proposed.body.enrolment.proposal;
    clock.set(new Date(Date.parse(statementDueAt) + 60_000).toISOString());
    try {
      const decided = await app.call('POST', `${path}/suspension`, {
        token: steps.supervisor,
        body: { decision: 'suspend', reason: '逾期未陈述申辩，整改后仍不达标' },
      });
      expect(decided.status).toBe(200);
    } finally {
      clock.set(new Date().toISOString());
    }
    const text = await docxText((await download(app, `${path}/decision.docx`, steps.supervisor)).bytes);
    const [year, month, day] = statementDueAt.slice(0, 10).split('-').map(Number);
    expect(text).toContain(`你园在陈述申辩期限（${year}年${month}月${day}日）内未提出陈述申辩。`);
    expect(text).toContain('逾期未陈述申辩，整改后仍不达标');
    expect(text).toContain('六十日内依法申请行政复议');
  });

  it('prints a published bulletin with its figures, a table per township and one of the units', async () => {
    // in the fourth quarter of 2025: a kindergarten of 宏河镇 failed its annual inspection, two of 喇嘛湾镇 were registered
    clock.set('2025-11-03T09:00:00+08:00');
    const honghe = await steps.registerKindergarten({ township: 'honghe' });
    const failed = await steps.inspection(honghe.id, 'annual', 2025);
    await steps.finding(failed.id, 'S-01');
    await steps.conclude(failed.id, 'failed', '存在安全隐患');
    await steps.registerKindergarten({ township: '喇嘛湾镇' });
    await steps.registerKindergarten({ township: 'lamawan' });
    clock.set(new Date().toISOString());
    // registered after the quarter's end: not in its bulletin
    await steps.registerKindergarten({ township: 'honghe' });

    const published = await app.call('POST', '/bulletins', { token: steps.supervisor, body: { year: 2025, quarter: 4 } });
    expect(published.status).toBe(201);
    expect(published.body.townships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ township: 'honghe', kindergartens: 1, inspections: { passed: 0, failed: 1, pending: 0 }, suspensions: 0 }),
        expect.objectContaining({ township: 'lamawan', kindergartens: 2, inspections: { passed: 0, failed: 0, pending: 0 } }),
      ]),
    );
    const got = await download(app, '/bulletins/2025-Q4.docx', departmentToken(app, 'unit-x'));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe(DOCX);
    const text = await docxText(got.bytes);
    expect(text).toContain('2025年第四季度学前教育督导通报');
    expect(text).toContain('清水河县教育局');
    expect(text).toContain('责任单位');
    const unit = published.body.monthlyReports.units[0];
    expect(text).toContain(unit.name);
    // mammoth gives each table cell as its own paragraph: a township's row reads as its name and then its numbers
    expect(text).toContain('各乡镇情况如下');
    const row = (name: string, cells: number[]) => [name, ...cells.map(String)].join('\n\n');
    expect(text).toContain(row('宏河镇', [1, 0, 1, 0, 0, 0, 0, 0, 0, 0]));
    expect(text).toContain(row('喇嘛湾镇', [2, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect((await download(app, '/bulletins/2024-Q4.docx', steps.supervisor)).status).toBe(404);
    expect((await app.call('GET', '/bulletins/2025-Q4', { token: steps.supervisor })).body.year).toBe(2025);
  });

  it('prints the table per township of a bulletin published before townships were counted, from the record at the quarter’s end', async () => {
    clock.set('2025-08-04T09:00:00+08:00');
    const laoniuwan = await steps.registerKindergarten({ township: 'laoniuwan' });
    const passed = await steps.inspection(laoniuwan.id, 'annual', 2025);
    await steps.conclude(passed.id, 'passed', '合格');
    clock.set(new Date().toISOString());
    // a 2025-Q3 bulletin as an earlier version recorded it: the county's figures, no townships
    const zero = { passed: 0, failed: 0, pending: 0 };
    const data = {
      year: 2025,
      quarter: 3,
      from: '2025-07-01T00:00:00.000+08:00',
      asOf: '2025-09-30T23:59:59.999+08:00',
      inspections: {
        passed: 1,
        failed: 0,
        pending: 0,
        byKind: { annual: { passed: 1, failed: 0, pending: 0 }, safety: zero, quality: zero, 'follow-up': zero },
      },
      notices: { issued: 0, published: 0 },
      cases: { open: 0, overdue: 0, closed: 0, failed: 0 },
      suspensions: { inForce: 0, kindergartenIds: [] },
      monthlyReports: { periods: [], onTime: 0, late: 0, missing: 0, units: [] },
      publishedAt: '2025-10-09T10:00:00.000+08:00',
    };
    const metadata = {
      actor: { sub: 'supervisor-user', role: 'supervisor', name: 'supervisor-user' },
      at: data.publishedAt,
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: null,
    };
    await app.store.appendToStream('bulletin-2025-Q3', [{ type: 'QuarterlyBulletinPublished', data, metadata }], { expectedVersion: 0 });
    expect((await app.call('GET', '/bulletins/2025-Q3', { token: steps.supervisor })).body.townships).toBeUndefined();

    const text = await docxText((await download(app, '/bulletins/2025-Q3.docx', steps.supervisor)).bytes);
    expect(text).toContain('2025年第三季度学前教育督导通报');
    const row = (name: string, cells: number[]) => [name, ...cells.map(String)].join('\n\n');
    expect(text).toContain(row('老牛湾镇', [1, 1, 0, 0, 0, 0, 0, 0, 0, 0]));
    // kindergartens registered after that quarter are not in its table
    expect(text).not.toContain('宏河镇');
  });

  it('exports the cases as filtered, read back by exceljs', async () => {
    const open = await steps.issuedCase({ deadline: { dueAt: '2099-06-30T23:59:59+08:00' } });
    await app.call('POST', `/rectifications/${open.notice.id}/acknowledgement`, { token: open.director });
    const got = await download(app, '/exports/rectifications.xlsx?status=acknowledged', steps.supervisor);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe(XLSX);
    const rows = await sheetRows(got.bytes);
    expect(rows[0]).toEqual(['文号', '幼儿园', '乡镇', '存在问题', '状态', '下达日期', '整改期限', '逾期', '报告次数', '编号']);
    const row = rows.find((cells) => cells[9] === open.notice.id);
    expect(row!.slice(1)).toEqual([
      open.kindergarten.name,
      '城关镇',
      '消防通道堆放杂物；消防通道堆放杂物',
      '已签收',
      expect.stringMatching(/^\d{4}年/),
      '2099年6月30日',
      '否',
      0,
      open.notice.id,
    ]);
    expect(rows.slice(1).every((cells) => cells[4] === '已签收')).toBe(true);
    // `open` as the case list takes it: every status before the case ends
    const unfinished = await sheetRows((await download(app, '/exports/rectifications.xlsx?status=open', steps.supervisor)).bytes);
    expect(unfinished.find((cells) => cells[9] === open.notice.id)?.[4]).toBe('已签收');
    expect(unfinished.slice(1).every((cells) => ['已下达', '已签收', '待审核', '已退回'].includes(String(cells[4])))).toBe(true);
    const none = await sheetRows((await download(app, '/exports/rectifications.xlsx?township=no-such-town', steps.supervisor)).bytes);
    expect(none).toHaveLength(1);
    expect((await download(app, '/exports/rectifications.xlsx?status=nonsense', steps.supervisor)).status).toBe(400);
    expect((await download(app, '/exports/rectifications.xlsx', open.director)).status).toBe(403);
  });

  it('exports the register with enrolment status', async () => {
    const kindergarten = await steps.registerKindergarten();
    const rows = await sheetRows((await download(app, '/exports/kindergartens.xlsx', app.token('auditor'))).bytes);
    expect(rows[0]).toEqual(['编号', '名称', '乡镇', '办园性质', '招生状态', '暂停招生起始', '最近年检', '最近保教质量评估', '在办整改事项']);
    const row = rows.find((cells) => cells[0] === kindergarten.id)!;
    expect(row.slice(0, 5)).toEqual([kindergarten.id, kindergarten.name, '城关镇', '公办', '正常招生']);
    expect(row.at(-1)).toBe(0);
  });

  it('exports units × months of monthly reports', async () => {
    const rows = await sheetRows((await download(app, '/exports/monthly-reports.xlsx?year=2025', steps.supervisor)).bytes);
    expect(rows[0]).toEqual(['单位编号', '责任单位', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)]);
    expect(rows.length).toBeGreaterThan(1);
    // nothing was reported in this test's store: every month each unit owed is missing
    for (const cells of rows.slice(1)) expect(cells.slice(2)).toEqual(Array(12).fill('未报'));
  });
});
