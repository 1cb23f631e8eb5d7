import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DESKTOP, screenshot, seriousViolations, startConsole, type ConsoleHarness, signInFirstTime } from '../support/browser.js';
import { freshId } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

const NEW_PASSWORD = 'Duxue#2026-清水河';
const shown = (time: string): string => `${time.slice(0, 10)} ${time.slice(11, 16)}`;
const shanghaiToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('the console: a supervisor inspects a kindergarten and issues a rectification notice', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    harness = await startConsole();
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('signs in, finds the kindergarten, schedules the annual inspection, records a finding, concludes it failed, issues the notice with the previewed deadline', async () => {
    const steps = workflow(harness.app);
    const kindergarten = await steps.registerKindergarten();
    const username = freshId('wang');
    const created = await harness.app.call('POST', '/users', { token: steps.admin, body: { id: username, name: '王督学', role: 'supervisor' } });
    expect(created.status).toBe(201);

    const { page, errors } = await harness.page(DESKTOP);
    await signInFirstTime(page, harness.origin, username, created.body.initialPassword, NEW_PASSWORD);

    // the supervisor's home is the dashboard; the kindergartens are one menu entry away
    await page.getByRole('heading', { name: '概览', level: 2 }).waitFor();
    expect(page.url()).toBe(`${harness.origin}/dashboard`);
    await page.getByRole('link', { name: '幼儿园', exact: true }).click();
    await page.getByRole('heading', { name: '幼儿园', level: 2 }).waitFor();
    expect(page.url()).toBe(`${harness.origin}/kindergartens`);
    await page.getByRole('link', { name: kindergarten.name }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor-kindergartens-desktop');
    await page.getByRole('link', { name: kindergarten.name }).click();

    // its page: schedule this year's annual inspection
    await page.getByRole('heading', { name: kindergarten.name, level: 2 }).waitFor();
    await page.getByText('尚无检查').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor-kindergarten-desktop');
    await page.getByRole('button', { name: '安排检查' }).click();

    const year = Number(shanghaiToday().slice(0, 4));
    await page.getByRole('heading', { name: `年检（${year}年）` }).waitFor();
    await page.getByLabel('编号').fill('F-01');
    await page.getByLabel('问题描述').fill('消防通道堆放杂物');
    await page.getByRole('button', { name: '登记问题' }).click();
    await page.getByRole('cell', { name: '消防通道堆放杂物' }).waitFor();
    await page.getByLabel('不合格').check();
    await page.getByLabel('结论说明').fill('存在安全隐患，限期整改');
    await page.getByRole('button', { name: '作出结论' }).click();

    // the notice: the deadline previewed from the working-day calendar before issuing
    await page.getByRole('heading', { name: '下发整改通知' }).waitFor();
    const preview = await harness.app.call('GET', `/calendar/deadline?from=${shanghaiToday()}&workingDays=10`, { token: steps.supervisor });
    expect(preview.status).toBe(200);
    await page.getByText(`整改期限：${shown(preview.body.dueAt)}`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor-inspection-desktop');
    await page.getByRole('button', { name: '下发整改通知' }).click();

    // the case page shows what the record holds
    await page.getByRole('heading', { name: '整改通知', level: 2 }).waitFor();
    const cases = await harness.app.call('GET', `/rectifications?kindergartenId=${kindergarten.id}`, { token: steps.supervisor });
    expect(cases.body.items).toHaveLength(1);
    const notice = cases.body.items[0];
    expect(notice).toMatchObject({
      status: 'issued',
      dueAt: preview.body.dueAt,
      publish: true,
      findings: [{ code: 'F-01', description: '消防通道堆放杂物' }],
    });
    expect(page.url()).toBe(`${harness.origin}/cases/${notice.id}`);
    await page.getByText('已下发').waitFor();
    await page.getByText(shown(notice.dueAt), { exact: false }).waitFor();
    await page.getByText('幼儿园尚未提交整改报告').waitFor();
    const inspections = await harness.app.call('GET', `/inspections?kindergartenId=${kindergarten.id}`, { token: steps.supervisor });
    expect(inspections.body.items).toMatchObject([
      { kind: 'annual', year, status: 'concluded', outcome: 'failed', summary: '存在安全隐患，限期整改' },
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor-case-desktop');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
