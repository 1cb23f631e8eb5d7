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

  beforeAll(async () => {
    // the plan's units registered in 2024, so that they owe 2025's monthly reports; then the present
    const clock = new SettableClock('2024-12-01T09:00:00+08:00');
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

  it('prints a published bulletin with its figures and a table of the units', async () => {
    const published = await app.call('POST', '/bulletins', { token: steps.supervisor, body: { year: 2025, quarter: 4 } });
    expect(published.status).toBe(201);
    const got = await download(app, '/bulletins/2025-Q4.docx', departmentToken(app, 'unit-x'));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe(DOCX);
    const text = await docxText(got.bytes);
    expect(text).toContain('2025年第四季度学前教育督导通报');
    expect(text).toContain('清水河县教育局');
    expect(text).toContain('责任单位');
    const unit = published.body.monthlyReports.units[0];
    expect(text).toContain(unit.name);
    expect((await download(app, '/bulletins/2024-Q4.docx', steps.supervisor)).status).toBe(404);
    expect((await app.call('GET', '/bulletins/2025-Q4', { token: steps.supervisor })).body.year).toBe(2025);
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
