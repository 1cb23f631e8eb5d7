import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, screenshot, seriousViolations, startConsole, type ConsoleHarness, signInFirstTime } from '../support/browser.js';
import { PLAN_SEEDS, SettableClock, planTasks, unitTaskNos } from '../support/plan.js';
import { freshId } from '../support/test-app.js';
import { jpeg } from '../support/uploads.js';
import { workflow } from '../support/workflow.js';

const NEW_PASSWORD = 'Jihua#2026-清水河';
const FINANCE = 'county-finance-bureau';
const REPORT_STATUS: Record<string, string> = { 'on-time': '按时', late: '逾期', missing: '未报', pending: '待报' };

const shanghaiToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
/** The last month that has ended in Asia/Shanghai, `YYYY-MM`. */
const lastEndedPeriod = (): string => {
  const [year, month] = shanghaiToday().split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
};
const periodLabel = (period: string): string => `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
/** The last quarter that has ended in Asia/Shanghai. */
const lastEndedQuarter = (): { year: number; quarter: number } => {
  const [year, month] = shanghaiToday().split('-').map(Number) as [number, number];
  const current = Math.floor((month - 1) / 3) + 1;
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
};

const signIn = async (page: Page, origin: string, username: string): Promise<void> => {
  await page.goto(`${origin}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
};

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fitsWidth = async (page: Page): Promise<boolean> => (await page.evaluate<number>('document.documentElement.scrollWidth')) <= PHONE.width;

describe('the console: a department files its monthly report, a supervisor follows the plan', () => {
  let harness: ConsoleHarness;
  let tasks: any[];
  const period = lastEndedPeriod();

  beforeAll(async () => {
    // the plan's units registered at the start of the year, so that they owe this year's months; then the engine runs on today
    const clock = new SettableClock(`${period.slice(0, 4)}-01-05T10:00:00+08:00`);
    harness = await startConsole(PLAN_SEEDS, { clock });
    tasks = await planTasks(harness.app);
    clock.set(new Date().toISOString());
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('a department clerk sees its tasks, files the month’s report on every task with a photo, sees it on time or late, and amends it on a phone', async () => {
    const steps = workflow(harness.app);
    const username = freshId('clerk');
    const created = await harness.app.call('POST', '/users', {
      token: steps.admin,
      body: { id: username, name: '李会计', role: 'department', unitId: FINANCE },
    });
    expect(created.status).toBe(201);
    const taskNos = unitTaskNos(tasks, FINANCE);
    const own = tasks.filter((task) => taskNos.includes(task.taskNo));

    const { page, errors } = await harness.page(DESKTOP);
    await signInFirstTime(page, harness.origin, username, created.body.initialPassword, NEW_PASSWORD);

    // home: the unit's tasks, lead or shared
    await page.getByRole('heading', { name: '我的任务', level: 2 }).waitFor();
    expect(page.url()).toBe(`${harness.origin}/plan`);
    for (const task of own) await page.getByText(task.title, { exact: true }).waitFor();
    for (const task of own) {
      const lead = task.leadUnits.some((unit: any) => unit.id === FINANCE);
      await page
        .getByRole('row', { name: new RegExp(escaped(task.title)) })
        .getByText(lead ? '牵头单位' : '责任单位', { exact: true })
        .waitFor();
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'department-tasks-desktop');

    // the reports by month: the last ended month not yet filed
    await page.getByRole('link', { name: '月报', exact: true }).click();
    await page.getByRole('heading', { name: '月报', level: 2 }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(periodLabel(period)) });
    await row.getByText(/待报|未报/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'department-monthly-reports-desktop');
    await row.getByRole('link', { name: '填报' }).click();

    // the form: one group per task, every one required
    await page.getByRole('heading', { name: `${periodLabel(period)}月报`, level: 2 }).waitFor();
    await page.getByRole('button', { name: '提交月报' }).click();
    await page.getByText('请填写本月工作进展').first().waitFor();
    for (const [index, task] of own.entries()) {
      const group = page.getByRole('group', { name: `任务${task.taskNo}：${task.title}` });
      await group.getByLabel(index === 0 ? '存在风险' : '正常推进').check();
      await group.getByLabel('工作进展').fill(`任务${task.taskNo}本月按计划推进`);
    }
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '上传照片或文件' }).click();
    await (await chooser).setFiles({ name: '督导现场.jpg', mimeType: 'image/jpeg', buffer: await jpeg(41) });
    await page.getByRole('progressbar', { name: '督导现场.jpg 上传进度' }).waitFor();
    await page.getByText('上传完成').waitFor();
    await page.getByRole('img', { name: '已上传：督导现场.jpg' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'department-report-form-desktop');
    await page.getByRole('button', { name: '提交月报' }).click();
    await page.getByText('月报已提交').waitFor();

    // the record holds every task and the photo; the page shows its status
    const supervisor = steps.supervisor;
    const filed = await harness.app.call('GET', `/monthly-reports/${FINANCE}/${period}`, { token: supervisor });
    expect(filed.status).toBe(200);
    expect(filed.body.items.map((item: any) => item.taskNo)).toEqual(taskNos);
    expect(filed.body.items[0]).toMatchObject({ status: 'at-risk', progress: `任务${taskNos[0]}本月按计划推进` });
    expect(filed.body.evidence).toMatchObject([{ name: '督导现场.jpg', contentType: 'image/jpeg' }]);
    expect(['on-time', 'late']).toContain(filed.body.status);
    const shownStatus = REPORT_STATUS[filed.body.status]!;
    await page.getByText(shownStatus, { exact: true }).waitFor();
    await page.getByRole('img', { name: '督导现场.jpg' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'department-report-filed-desktop');
    await page.getByRole('link', { name: '返回月报列表' }).click();
    await page
      .getByRole('row', { name: new RegExp(periodLabel(period)) })
      .getByText(shownStatus, { exact: true })
      .waitFor();
    expect(errors).toEqual([]);
    await page.context().close();

    // on a phone: the same report, amended
    const phone = await harness.page(PHONE);
    await signIn(phone.page, harness.origin, username);
    await phone.page.getByRole('heading', { name: '我的任务', level: 2 }).waitFor();
    await phone.page.goto(`${harness.origin}/monthly-reports/${period}`);
    await phone.page.getByRole('button', { name: '更正月报' }).click();
    // the form starts from what was filed: the photo is there, and stays unless removed
    await phone.page.getByRole('img', { name: '已上传：督导现场.jpg' }).waitFor();
    const first = phone.page.getByRole('group', { name: `任务${own[0].taskNo}：${own[0].title}` });
    await first.getByLabel('已完成').check();
    await first.getByLabel('工作进展').fill('已全部完成');
    expect(await fitsWidth(phone.page)).toBe(true);
    expect(await seriousViolations(phone.page)).toEqual([]);
    await screenshot(phone.page, 'department-report-amend-phone');
    await phone.page.getByRole('button', { name: '提交更正' }).click();
    await phone.page.getByText('月报已更正').waitFor();
    await phone.page.getByText(/已更正 1 次/).waitFor();
    expect(await fitsWidth(phone.page)).toBe(true);
    await screenshot(phone.page, 'department-report-amended-phone');
    const amended = await harness.app.call('GET', `/monthly-reports/${FINANCE}/${period}`, { token: supervisor });
    expect(amended.body.versions).toHaveLength(2);
    expect(amended.body).toMatchObject({ status: filed.body.status, submittedAt: filed.body.submittedAt });
    expect(amended.body.items[0]).toMatchObject({ status: 'done', progress: '已全部完成' });
    // the photo stays cited
    expect(amended.body.evidence.map((item: any) => item.attachmentId)).toEqual(filed.body.evidence.map((item: any) => item.attachmentId));

    // a month before the unit was registered here is not owed (not listed), yet can still be reported: the form opens
    const earlier = `${Number(period.slice(0, 4)) - 1}-12`;
    await phone.page.goto(`${harness.origin}/monthly-reports/${earlier}`);
    await phone.page.getByRole('heading', { name: `${periodLabel(earlier)}月报`, level: 2 }).waitFor();
    for (const task of own) {
      const group = phone.page.getByRole('group', { name: `任务${task.taskNo}：${task.title}` });
      await group.getByLabel('已完成').check();
      await group.getByLabel('工作进展').fill('补报：已完成');
    }
    await phone.page.getByRole('button', { name: '提交月报' }).click();
    await phone.page.getByText('月报已提交').waitFor();
    const late = await harness.app.call('GET', `/monthly-reports/${FINANCE}/${earlier}`, { token: supervisor });
    expect(late.status).toBe(200);
    expect(late.body.items.map((item: any) => item.progress)).toEqual(own.map(() => '补报：已完成'));
    expect(phone.errors).toEqual([]);
    await phone.page.context().close();
  }, 600_000);

  it('a supervisor sees the unit’s status in the month’s list, publishes a past quarter’s bulletin, downloads it, and reads the annual assessment', async () => {
    const steps = workflow(harness.app);
    const kindergarten = await steps.registerKindergarten();
    const username = freshId('zhou');
    const created = await harness.app.call('POST', '/users', { token: steps.admin, body: { id: username, name: '周督学', role: 'supervisor' } });
    expect(created.status).toBe(201);
    const financeName: string = tasks.flatMap((task) => [...task.leadUnits, ...task.responsibleUnits]).find((unit: any) => unit.id === FINANCE).name;
    // January, filed late through the API: it counts in the year's assessment (in February, January is the clerk's month)
    const earlier = period.endsWith('-01') ? `${Number(period.slice(0, 4)) - 1}-12` : `${period.slice(0, 4)}-01`;
    const late = await harness.app.call('POST', '/monthly-reports', {
      token: harness.app.token('department', { sub: freshId('staff'), unitId: FINANCE }),
      body: { period: earlier, items: unitTaskNos(tasks, FINANCE).map((taskNo) => ({ taskNo, status: 'on-track', progress: '按计划推进' })) },
    });
    expect([late.status, late.body.status]).toEqual([201, 'late']);
    const record = await harness.app.call('GET', `/monthly-reports?period=${period}&unitId=${FINANCE}`, { token: steps.supervisor });
    const financeStatus = REPORT_STATUS[record.body.items[0].status]!;

    const { page, errors } = await harness.page(DESKTOP);
    await signInFirstTime(page, harness.origin, username, created.body.initialPassword, NEW_PASSWORD);
    await page.getByRole('heading', { name: '概览', level: 2 }).waitFor();

    // 月报督查: every unit of the last ended month, the finance bureau with its status
    await page.getByRole('link', { name: '月报督查' }).click();
    await page.getByRole('heading', { name: '月报督查', level: 2 }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(escaped(financeName)) })
      .getByText(financeStatus, { exact: true })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor-monthly-reports-desktop');

    // 季度通报: publish the last ended quarter, read it, download the Word file; a second time is refused
    const { year, quarter } = lastEndedQuarter();
    const title = `${year}年第${quarter}季度督导通报`;
    await page.getByRole('link', { name: '季度通报' }).click();
    await page.getByRole('heading', { name: '季度通报', level: 2 }).waitFor();
    await page.getByText('尚未发布通报').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '发布通报' }).click();
    await page.getByRole('heading', { name: title, level: 2 }).waitFor();
    await page.getByRole('row', { name: new RegExp(escaped(financeName)) }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor-bulletin-desktop');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载Word文件' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const published = await harness.app.call('GET', '/bulletins', { token: steps.supervisor });
    expect(published.body.items.map((bulletin: any) => bulletin.id)).toEqual([`${year}-Q${quarter}`]);
    await page.getByRole('link', { name: '返回通报列表' }).click();
    await page.getByRole('link', { name: title }).waitFor();
    await page.getByRole('button', { name: '发布通报' }).click();
    await page.getByText('该季度的通报已发布，不能重复发布').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor-bulletins-desktop');

    // 年度考核: open this year's campaign; the finance bureau's score and the kindergarten's annual inspection
    const thisYear = Number(shanghaiToday().slice(0, 4));
    await page.getByRole('link', { name: '年度考核' }).click();
    await page.getByRole('heading', { name: '年度考核', level: 2 }).waitFor();
    await page.getByRole('button', { name: `开启${thisYear}年度考核` }).click();
    await page.getByRole('heading', { name: '责任单位考核' }).waitFor();
    const assessment = await harness.app.call('GET', `/annual-assessments/${thisYear}`, { token: steps.supervisor });
    expect(assessment.status).toBe(200);
    const score = assessment.body.units.find((unit: any) => unit.unitId === FINANCE);
    expect(score.late).toBeGreaterThanOrEqual(1);
    expect(score.score).toBeGreaterThan(0);
    const scoreRow = page.getByRole('row', { name: new RegExp(escaped(financeName)) });
    for (const value of [score.owed, score.onTime, score.late, score.missing, score.score])
      await scoreRow
        .getByRole('cell', { name: String(value), exact: true })
        .first()
        .waitFor();
    await page.getByRole('link', { name: kindergarten.name }).waitFor();
    expect(assessment.body.annualInspections.items).toContainEqual(expect.objectContaining({ kindergartenId: kindergarten.id, status: 'scheduled' }));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor-annual-assessment-desktop');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);
});
