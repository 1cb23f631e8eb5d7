import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { type ConsoleHarness, DESKTOP, screenshot, seriousViolations, signInFirstTime, startConsole, waitForRows } from '../support/browser.js';
import { freshId } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

const NEW_PASSWORD = 'Duxue#2026-概览';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const shanghaiToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** The last moment of this week's Sunday in Asia/Shanghai: a deadline due this week, and never in the past. */
const endOfThisWeek = (): string => {
  const day = new Date(`${shanghaiToday()}T00:00:00Z`);
  const sunday = new Date(day.getTime() + ((7 - day.getUTCDay()) % 7) * 86_400_000).toISOString().slice(0, 10);
  return `${sunday}T23:59:59.999+08:00`;
};

interface Counts {
  kindergartens: number;
  inspections: { scheduled: number; passed: number; failed: number; cancelled: number };
  cases: { open: number; overdue: number };
  suspensions: number;
}
const cellsOf = (row: Counts): string[] =>
  [
    row.kindergartens,
    row.inspections.scheduled,
    row.inspections.passed,
    row.inspections.failed,
    row.inspections.cancelled,
    row.cases.open,
    row.cases.overdue,
    row.suspensions,
  ].map(String);

/** A table row by the text of its first cell. */
const rowOf = (page: Page, first: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: first, exact: true }) });

/** An option of the Ant Design select labelled `label` (its open list comes last in the document). */
const choose = async (page: Page, label: string, option: string): Promise<void> => {
  await page.getByLabel(label).click();
  await page.getByTitle(option, { exact: true }).filter({ visible: true }).last().click();
};

describe('the console: the supervisor’s dashboard, scheduling a township, correcting an inspection', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    harness = await startConsole();
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('the dashboard matches the statistics per township, draws the chart, lists the case due this week, downloads a spreadsheet; the list searches and filters', async () => {
    const { app } = harness;
    const steps = workflow(app);
    const year = Number(shanghaiToday().slice(0, 4));
    const call = async (method: string, path: string, body?: unknown, token = steps.supervisor) => {
      const reply = await app.call(method, path, { token, body });
      expect([200, 201]).toContain(reply.status);
      return reply.body;
    };

    // 城关镇: a failed annual inspection whose case is due this week, a passed one, a failed case with a suspension
    const due = await steps.registerKindergarten({ township: 'chengguan' });
    const failed = await call('POST', '/inspections', { kindergartenId: due.id, kind: 'annual', year, scheduledOn: `${year}-01-05` });
    await steps.finding(failed.id, 'S-01');
    await steps.conclude(failed.id, 'failed');
    const notice = await call('POST', '/rectifications', {
      kindergartenId: due.id,
      inspectionId: failed.id,
      findingCodes: ['S-01'],
      deadline: { dueAt: endOfThisWeek() },
      publish: false,
    });
    const passing = await steps.registerKindergarten({ township: 'chengguan' });
    await steps.conclude(
      (await call('POST', '/inspections', { kindergartenId: passing.id, kind: 'annual', year, scheduledOn: `${year}-01-05` })).id,
      'passed',
    );
    const suspended = await steps.failedCase();
    await steps.suspendEnrolment(suspended.kindergarten.id, suspended.notice.id);
    // 宏河镇: one with this year's annual inspection already, one without, one closed
    const scheduled = await steps.registerKindergarten({ township: 'honghe' });
    const already = await call('POST', '/inspections', { kindergartenId: scheduled.id, kind: 'annual', year, scheduledOn: `${year}-03-01` });
    const bare = await steps.registerKindergarten({ township: 'honghe' });
    const closed = await steps.registerKindergarten({ township: 'honghe' });
    await call('POST', `/kindergartens/${closed.id}/closure`, { closedOn: shanghaiToday(), reason: '办园许可证注销' }, steps.admin);

    const username = freshId('zhao');
    const created = await app.call('POST', '/users', { token: steps.admin, body: { id: username, name: '赵督学', role: 'supervisor' } });
    expect(created.status).toBe(201);
    const { page, errors } = await harness.page(DESKTOP);
    await signInFirstTime(page, harness.origin, username, created.body.initialPassword, NEW_PASSWORD);

    // the supervisor's home: the dashboard, each township's row as the statistics give it, and the totals
    await page.getByRole('heading', { name: '概览', level: 2 }).waitFor();
    expect(page.url()).toBe(`${harness.origin}/dashboard`);
    const overview = await call('GET', `/statistics/overview?year=${year}`);
    const byId = (id: string) => overview.townships.find((row: { township: string }) => row.township === id);
    expect(byId('chengguan')).toMatchObject({
      name: '城关镇',
      kindergartens: 3,
      inspections: { passed: 1, failed: 1 },
      cases: { open: 1 },
      suspensions: 1,
    });
    expect(byId('honghe')).toMatchObject({ name: '宏河镇', kindergartens: 2, inspections: { scheduled: 1 } });
    await rowOf(page, '城关镇').waitFor();
    for (const township of overview.townships) {
      expect(await rowOf(page, township.name).getByRole('cell').allInnerTexts()).toEqual([township.name, ...cellsOf(township)]);
    }
    expect(await rowOf(page, '合计').getByRole('cell').allInnerTexts()).toEqual(['合计', ...cellsOf(overview.totals)]);

    // the chart is drawn: a canvas of non-zero size inside its container
    const canvas = page
      .getByRole('img', { name: new RegExp(`${year}年各乡镇`) })
      .locator('canvas')
      .first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThan(100);

    // the case due this week, by its document number, with the kindergarten's name
    const dueRow = rowOf(page, notice.documentNo);
    await dueRow.getByText(due.name).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-desktop');

    // a spreadsheet: the register, downloaded with the session (the browser hands a download to no response listener: the same link is asked again)
    const register = page.getByRole('link', { name: '导出幼儿园名册' });
    const [download] = await Promise.all([page.waitForEvent('download'), register.click()]);
    expect(download.suggestedFilename()).toBe('幼儿园名册.xlsx');
    expect((await readFile((await download.path())!)).subarray(0, 2).toString()).toBe('PK');
    const answer = await page.request.get(`${harness.origin}${await register.getAttribute('href')}`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toContain(XLSX);
    // the open cases of 城关镇, as filtered on the page
    await choose(page, '导出的乡镇', '城关镇');
    const caseExport = page.getByRole('link', { name: '导出整改事项' });
    const [cases] = await Promise.all([page.waitForEvent('download'), caseExport.click()]);
    expect(cases.suggestedFilename()).toBe('整改事项.xlsx');
    const href = new URL(cases.url());
    expect([href.pathname, href.searchParams.get('status'), href.searchParams.get('township')]).toEqual([
      '/api/v1/exports/rectifications.xlsx',
      'open',
      'chengguan',
    ]);
    const caseAnswer = await page.request.get(cases.url());
    expect(caseAnswer.status()).toBe(200);
    expect(caseAnswer.headers()['content-type']).toContain(XLSX);

    await dueRow.getByRole('link', { name: notice.documentNo }).click();
    await page.getByRole('heading', { name: '整改通知', level: 2 }).waitFor();
    expect(page.url()).toBe(`${harness.origin}/cases/${notice.id}`);

    // the kindergartens: search by name, filter by township and enrolment; a closed one says so
    await page.getByRole('link', { name: '幼儿园', exact: true }).click();
    await page.getByRole('heading', { name: '幼儿园', level: 2 }).waitFor();
    await choose(page, '按乡镇筛选', '宏河镇');
    await rowOf(page, closed.name).getByText('已关停').waitFor();
    await waitForRows(page, 4);
    await page.getByLabel('按名称搜索').fill(bare.id);
    await page.getByLabel('按名称搜索').press('Enter');
    await page.getByRole('link', { name: closed.name }).waitFor({ state: 'detached' });
    await waitForRows(page, 2);
    await rowOf(page, bare.name).waitFor();
    await page.getByLabel('按名称搜索').clear();
    await page.getByLabel('按名称搜索').press('Enter');
    await choose(page, '按乡镇筛选', '城关镇');
    await choose(page, '按招生状态筛选', '暂停招生');
    await rowOf(page, suspended.kindergarten.name).getByText('暂停招生').waitFor();
    await page.getByRole('link', { name: due.name }).waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-kindergartens-desktop');

    // a whole township at once: one scheduled, one that has its annual inspection, one closed
    await page.getByRole('link', { name: '按乡镇安排检查' }).first().click();
    await page.getByRole('heading', { name: '按乡镇安排检查', level: 2 }).waitFor();
    await choose(page, '乡镇', '宏河镇');
    await page.getByLabel('计划日期').fill(`${year - 1}-12-30`);
    await page.getByRole('button', { name: '为全乡镇安排检查' }).click();
    await page.getByText('检查日期须在所选年度内').waitFor();
    await page.getByLabel('计划日期').fill(`${year}-12-30`);
    await page.getByRole('button', { name: '为全乡镇安排检查' }).click();
    await page.getByText('共 3 所：已安排 1 所，本年度已有年检 1 所，已关停 1 所，未安排 0 所').waitFor();
    await rowOf(page, bare.name).getByText('已安排').waitFor();
    await rowOf(page, scheduled.name).getByText('本年度已有年检').waitFor();
    await rowOf(page, closed.name).getByText('已关停，未安排').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-township-schedule-desktop');
    const annuals = await call('GET', `/inspections?township=honghe&year=${year}&kind=annual`);
    expect(annuals.items.map((item: { kindergartenId: string; scheduledOn: string }) => [item.kindergartenId, item.scheduledOn]).sort()).toEqual(
      [
        [bare.id, `${year}-12-30`],
        [scheduled.id, already.scheduledOn],
      ].sort(),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('an inspection before its conclusion: a finding amended and another withdrawn, rescheduled, then cancelled', async () => {
    const { app } = harness;
    const steps = workflow(app);
    const year = Number(shanghaiToday().slice(0, 4));
    const kindergarten = await steps.registerKindergarten({ township: 'yaogou' });
    const created = await app.call('POST', '/inspections', {
      token: steps.supervisor,
      body: { kindergartenId: kindergarten.id, kind: 'safety', year, scheduledOn: `${year}-06-01` },
    });
    expect(created.status).toBe(201);
    const inspection = created.body;
    await steps.finding(inspection.id, 'F-01', '消防通道堆放杂物');
    await steps.finding(inspection.id, 'F-02', '厨房未留样');

    const username = freshId('qian');
    const user = await app.call('POST', '/users', { token: steps.admin, body: { id: username, name: '钱督学', role: 'supervisor' } });
    const { page, errors } = await harness.page(DESKTOP);
    await page.goto(`${harness.origin}/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(user.body.initialPassword);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByLabel('当前密码').fill(user.body.initialPassword);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByRole('heading', { name: '概览', level: 2 }).waitFor();
    await page.goto(`${harness.origin}/inspections/${inspection.id}`);
    await page.getByRole('heading', { name: `安全隐患排查（${year}年）`, level: 2 }).waitFor();
    await page.getByText('待检查', { exact: true }).waitFor();

    await page.getByRole('button', { name: '修改问题 F-01' }).click();
    await page.getByLabel('修改后的描述').fill('消防通道堆放杂物，影响疏散');
    await choose(page, '修改后的程度', '严重');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-amend-finding-desktop');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByRole('cell', { name: '消防通道堆放杂物，影响疏散' }).waitFor();

    await page.getByRole('button', { name: '撤回问题 F-02' }).click();
    await page.getByLabel('撤回原因').fill('误记，实际已留样');
    await page.getByRole('button', { name: '确认撤回' }).click();
    await page.getByRole('heading', { name: '已撤回的问题' }).waitFor();
    await rowOf(page, 'F-02').getByText('误记，实际已留样').waitFor();

    await page.getByLabel('新的计划日期').fill(`${year}-12-28`);
    await page.getByLabel('改期原因').fill('园方大型活动，改期检查');
    await page.getByRole('button', { name: /^改\s*期$/ }).click();
    await page.getByText(`${year}-12-28`, { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-inspection-corrections-desktop');

    await page.getByLabel('取消原因').fill('园所停电，检查取消');
    await page.getByRole('button', { name: '取消检查' }).click();
    await page.getByRole('dialog', { name: '确定取消本次检查？' }).getByRole('button', { name: '确定取消' }).click();
    await page.getByText('已取消', { exact: true }).waitFor();
    await page.getByText('园所停电，检查取消').waitFor();
    expect(await page.getByRole('button', { name: '作出结论' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '修改问题 F-01' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-inspection-cancelled-desktop');

    const record = await app.call('GET', `/inspections/${inspection.id}`, { token: steps.supervisor });
    expect(record.body).toMatchObject({
      status: 'cancelled',
      scheduledOn: `${year}-12-28`,
      findings: [{ code: 'F-01', description: '消防通道堆放杂物，影响疏散', severity: 'critical' }],
      withdrawnFindings: [{ code: 'F-02', description: '厨房未留样', reason: '误记，实际已留样' }],
      cancellation: { reason: '园所停电，检查取消' },
    });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
