import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { type ConsoleHarness, DESKTOP, pickOption, screenshot, seriousViolations, startConsole, waitForRows } from '../support/browser.js';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';
import { PLAN_SEEDS, planTasks } from '../support/plan.js';
import { freshId } from '../support/test-app.js';

const NEW_PASSWORD = 'Guanli#2026-清水河';

const signIn = async (page: Page, username: string, password: string): Promise<void> => {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
};

/** The one-time password the open dialog shows, then the dialog closed. */
const takeOneTimePassword = async (page: Page, screenshotName?: string): Promise<string> => {
  const dialog = page.getByRole('dialog').filter({ hasText: '初始密码' });
  await dialog.getByText('此密码只显示这一次').waitFor();
  const password = (await dialog.locator('code').textContent())?.trim() ?? '';
  expect(password).not.toBe('');
  expect(await seriousViolations(page)).toEqual([]);
  if (screenshotName) await screenshot(page, screenshotName);
  await dialog.getByRole('button', { name: '我已记下' }).click();
  await dialog.waitFor({ state: 'hidden' });
  return password;
};

/** Types a date into an Ant Design date input (the focused one when no label is given) and confirms it. */
const typeDate = async (page: Page, date: string, label?: string): Promise<void> => {
  // a range's two inputs share its label: the first is the start
  if (label) await page.getByLabel(label, { exact: true }).first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(date);
  await page.keyboard.press('Enter');
};

// the machine these run on is shared: generous limits, though a quiet run takes a fraction
const STEP_TIMEOUT = 240_000;

describe('the console: the admin manages users, kindergartens and the working-day calendar', () => {
  let harness: ConsoleHarness;
  let token: string;
  // one signed-in admin's page, its steps in the order of the tests below
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    // the plan's units and tasks, for the units page
    harness = await startConsole(PLAN_SEEDS);
    token = harness.app.token('admin');
  }, 180_000);

  afterAll(async () => {
    await page?.context().close();
    await harness?.close();
  });

  it(
    'signs the admin in (no single sign-on offered without a provider): home is the users, the menu the admin’s pages',
    async () => {
      const adminId = freshId('li');
      const created = await harness.app.call('POST', '/users', { token, body: { id: adminId, name: '李管理员', role: 'admin' } });
      expect(created.status).toBe(201);

      ({ page, errors } = await harness.page(DESKTOP));
      page.setDefaultTimeout(90_000);
      await page.goto(`${harness.origin}/`);
      // no identity provider configured: no single sign-on button
      await page.getByRole('button', { name: /登\s*录/ }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByText('统一身份认证登录').count()).toBe(0);
      await signIn(page, adminId, created.body.initialPassword);
      await page.getByLabel('当前密码').fill(created.body.initialPassword);
      await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: '确认修改' }).click();

      // the admin's home: the users
      await page.getByRole('heading', { name: '用户', level: 2 }).waitFor();
      expect(page.url()).toBe(`${harness.origin}/system/users`);
      await page.getByRole('cell', { name: adminId, exact: true }).waitFor();
      const nav = page.getByRole('navigation', { name: '功能菜单' });
      expect(await nav.getByRole('link').allTextContents()).toEqual(['用户', '幼儿园', '单位', '工作日历', '概览', '消息']);
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    'creates a supervisor whose one-time password is shown once and signs in with it; disables, enables, resets, edits',
    async () => {
      const app = harness.app;
      // a supervisor for two townships: the one-time password, once
      const supervisorId = freshId('zhao');
      await page.getByRole('button', { name: '新建用户' }).click();
      const form = page.getByRole('dialog').filter({ hasText: '新建用户' });
      await form.getByLabel('用户名').fill(supervisorId);
      await form.getByLabel('姓名').fill('赵督学');
      await form.getByLabel('督学').check();
      await form.getByLabel('城关镇').check();
      await form.getByLabel('宏河镇').check();
      await form.getByLabel('电子邮箱').fill('zhao@example.org');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'admin-user-form-desktop');
      await form.getByRole('button', { name: /创\s*建/ }).click();
      const firstPassword = await takeOneTimePassword(page, 'admin-one-time-password-desktop');
      const row = page.getByRole('row', { name: new RegExp(supervisorId) });
      await row.getByText('城关镇、宏河镇').waitFor();
      await row.getByText('督学', { exact: true }).waitFor();
      await row.getByText('待首次登录改密').waitFor();
      expect((await app.call('GET', `/users/${supervisorId}`, { token })).body).toMatchObject({
        name: '赵督学',
        role: 'supervisor',
        townships: ['chengguan', 'honghe'],
        email: 'zhao@example.org',
        enabled: true,
        passwordChangeRequired: true,
      });
      // shown once: nowhere on the page any more
      expect(await page.getByText(firstPassword).count()).toBe(0);
      await screenshot(page, 'admin-users-desktop');

      // the supervisor signs in with it elsewhere
      const other = await harness.page(DESKTOP);
      other.page.setDefaultTimeout(90_000);
      await other.page.goto(`${harness.origin}/`);
      await signIn(other.page, supervisorId, firstPassword);
      await other.page.getByLabel('当前密码').waitFor();

      // disabled: the sign-in fails
      await row.getByRole('button', { name: `停用 ${supervisorId}` }).click();
      await page.getByRole('button', { name: '确认停用' }).click();
      await row.getByText('已停用').waitFor();
      expect((await app.call('GET', `/users/${supervisorId}`, { token })).body.enabled).toBe(false);
      await other.page.goto(`${harness.origin}/sign-in`);
      await signIn(other.page, supervisorId, firstPassword);
      await other.page.getByText('用户名或密码不正确').waitFor();

      // enabled again, and a new one-time password: the old one no longer signs in, the new one does
      await row.getByRole('button', { name: `启用 ${supervisorId}` }).click();
      await page.getByRole('button', { name: '确认启用' }).click();
      await row.getByText('启用', { exact: true }).waitFor();
      await row.getByRole('button', { name: `重置密码 ${supervisorId}` }).click();
      await page.getByRole('button', { name: '确认重置' }).click();
      const resetPassword = await takeOneTimePassword(page);
      expect(resetPassword).not.toBe(firstPassword);
      await other.page.goto(`${harness.origin}/sign-in`);
      await signIn(other.page, supervisorId, firstPassword);
      await other.page.getByText('用户名或密码不正确').waitFor();
      await signIn(other.page, supervisorId, resetPassword);
      await other.page.getByLabel('当前密码').waitFor();
      expect(other.errors).toEqual([]);
      await other.page.context().close();

      // edit: the name and the 责任区
      await row.getByRole('button', { name: `编辑 ${supervisorId}` }).click();
      const edit = page.getByRole('dialog').filter({ hasText: `编辑用户 ${supervisorId}` });
      await edit.getByLabel('姓名').fill('赵督学（城关）');
      await edit.getByLabel('宏河镇').uncheck();
      await edit.getByRole('button', { name: /保\s*存/ }).click();
      await row.getByText('赵督学（城关）').waitFor();
      expect((await app.call('GET', `/users/${supervisorId}`, { token })).body).toMatchObject({ name: '赵督学（城关）', townships: ['chengguan'] });

      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    'registers a kindergarten (a duplicate name refused beside its field), finds, edits and closes it; lists the plan’s units',
    async () => {
      const app = harness.app;
      const nav = page.getByRole('navigation', { name: '功能菜单' });
      // kindergartens: register, a refused duplicate name beside its field, search, edit, close
      await nav.getByRole('link', { name: '幼儿园' }).click();
      await page.getByRole('heading', { name: '幼儿园', level: 2 }).waitFor();
      const taken = freshId('kg');
      const takenName = `清水河县测试幼儿园${taken}`;
      expect(
        (await app.call('POST', '/kindergartens', { token, body: { id: taken, name: takenName, township: 'chengguan', ownership: 'public' } }))
          .status,
      ).toBe(201);
      const kindergartenId = freshId('kg');
      await page.getByRole('button', { name: '登记幼儿园' }).click();
      const register = page.getByRole('dialog').filter({ hasText: '登记幼儿园' });
      await register.getByLabel('编号').fill(kindergartenId);
      await register.getByLabel('名称').fill(takenName);
      await pickOption(page, register.getByLabel('乡镇'), '喇嘛湾', '喇嘛湾镇');
      await pickOption(page, register.getByLabel('办园性质'), '普惠', '普惠性民办');
      await register.getByRole('button', { name: /登\s*记/ }).click();
      await register.getByText('已有同名幼儿园').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'admin-kindergarten-form-desktop');
      const name = `喇嘛湾镇中心幼儿园${kindergartenId}`;
      await register.getByLabel('名称').fill(name);
      await register.getByRole('button', { name: /登\s*记/ }).click();
      await register.waitFor({ state: 'hidden' });
      expect((await app.call('GET', `/kindergartens/${kindergartenId}`, { token })).body).toMatchObject({
        name,
        township: 'lamawan',
        ownership: 'private-inclusive',
        closed: false,
      });
      await page.getByLabel('按名称搜索').fill(kindergartenId);
      await page.getByRole('button', { name: /搜\s*索/ }).click();
      const kindergartenRow = page.getByRole('row', { name: new RegExp(kindergartenId) });
      await kindergartenRow.getByText('喇嘛湾镇', { exact: true }).waitFor();
      await kindergartenRow.getByText('普惠性民办').waitFor();
      await waitForRows(page, 2);

      const renamed = `喇嘛湾镇第二幼儿园${kindergartenId}`;
      await kindergartenRow.getByRole('button', { name: `编辑 ${name}` }).click();
      const editKindergarten = page.getByRole('dialog').filter({ hasText: `编辑幼儿园 ${name}` });
      await editKindergarten.getByLabel('名称').fill(renamed);
      await editKindergarten.getByRole('button', { name: /保\s*存/ }).click();
      await kindergartenRow.getByText(renamed).waitFor();

      await kindergartenRow.getByRole('button', { name: `停办 ${renamed}` }).click();
      const closure = page.getByRole('dialog').filter({ hasText: `停办 ${renamed}` });
      await closure.getByText('此操作不能撤销').waitFor();
      await closure.getByLabel('停办原因').fill('办园许可证注销，停止办园');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'admin-kindergarten-closure-desktop');
      await closure.getByRole('button', { name: '确认停办' }).click();
      await kindergartenRow.getByText(/已停办/).waitFor();
      expect((await app.call('GET', `/kindergartens/${kindergartenId}`, { token })).body).toMatchObject({
        name: renamed,
        closed: true,
        closure: { reason: '办园许可证注销，停止办园' },
      });
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'admin-kindergartens-desktop');

      // the plan's units, read-only
      await nav.getByRole('link', { name: '单位' }).click();
      await page.getByRole('heading', { name: '单位', level: 2 }).waitFor();
      const tasks = await planTasks(app, token);
      const lead = tasks[0].leadUnits[0];
      await page
        .getByRole('row', { name: new RegExp(lead.id) })
        .getByText(lead.name, { exact: true })
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'admin-units-desktop');
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    'publishes a year’s holidays from the State Council’s notice, previewed first; an invalid one is refused in Chinese; replacing asks first',
    async () => {
      const app = harness.app;
      await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '工作日历' }).click();
      await page.getByRole('heading', { name: '工作日历', level: 2 }).waitFor();
      expect((await app.call('GET', '/calendar/2031', { token })).status).toBe(404);

      await page.getByLabel('年度', { exact: true }).fill('2031');
      await typeDate(page, '2031-01-01', '放假时段 1');
      await typeDate(page, '2031-01-03');
      await page.getByRole('button', { name: '添加调休上班日' }).click();
      // a Monday is no make-up working day: the preview says so, and the engine refuses it
      await typeDate(page, '2031-01-06', '调休上班日 1');
      await page.getByLabel('依据文件').fill('国办发明电〔2030〕7号');
      await page.getByText('2031-01-01（周三） 至 2031-01-03（周五），共 3 天').waitFor();
      await page.getByText('2031-01-06 是工作日，调休上班日须为周六或周日').waitFor();
      await page.getByRole('button', { name: /发\s*布/ }).click();
      await page.getByText(/^节假日安排有误：/).waitFor();
      expect((await app.call('GET', '/calendar/2031', { token })).status).toBe(404);

      await typeDate(page, '2031-01-04', '调休上班日 1');
      await page.getByText('2031-01-04（周六）').first().waitFor();
      expect(await page.getByText('是工作日，调休上班日须为周六或周日').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'admin-calendar-preview-desktop');
      await page.getByRole('button', { name: /发\s*布/ }).click();
      await page.getByText('已发布2031年节假日安排，立即生效').waitFor();
      await page.getByRole('heading', { name: '2031年节假日安排' }).waitFor();
      expect((await app.call('GET', '/calendar/2031', { token })).body).toEqual({
        year: 2031,
        holidays: ['2031-01-01', '2031-01-02', '2031-01-03'],
        makeUpWorkdays: ['2031-01-04'],
      });
      // in force at once: the Saturday worked is the first working day after New Year's Day
      expect((await app.call('GET', '/calendar/deadline?from=2031-01-01&workingDays=1', { token })).body).toEqual({
        dueDate: '2031-01-04',
        dueAt: '2031-01-04T23:59:59.999+08:00',
      });

      // a correction: the year exists, so publishing again asks before replacing
      await page.getByRole('button', { name: '删除调休上班日 1' }).click();
      await typeDate(page, '2031-01-01', '放假时段 1');
      await typeDate(page, '2031-01-01');
      await page.getByRole('button', { name: /发\s*布/ }).click();
      const confirm = page.getByRole('dialog').filter({ hasText: '2031年已有节假日安排' });
      await confirm.getByText('确定覆盖吗？', { exact: false }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'admin-calendar-replace-desktop');
      await confirm.getByRole('button', { name: /覆\s*盖/ }).click();
      await page.getByText('已发布2031年节假日安排，立即生效').first().waitFor();
      await page.getByText('2031-01-01（周三），共 1 天').first().waitFor();
      expect((await app.call('GET', '/calendar/2031', { token })).body).toEqual({ year: 2031, holidays: ['2031-01-01'], makeUpWorkdays: [] });
      expect((await app.call('GET', '/calendar/deadline?from=2031-01-01&workingDays=1', { token })).body).toMatchObject({ dueDate: '2031-01-02' });
      await screenshot(page, 'admin-calendar-desktop');
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});

describe('the console: the sign-in page offers single sign-on when an identity provider is configured', () => {
  const REDIRECT_URI = 'http://engine.test/api/v1/auth/oidc/callback';
  let provider: TestOidcProvider;
  let harness: ConsoleHarness;

  beforeAll(async () => {
    provider = await startOidcProvider(REDIRECT_URI);
    harness = await startConsole({
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URI: REDIRECT_URI,
    });
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
    await provider?.close();
  });

  it(
    'shows 统一身份认证登录, which leads the browser to the provider’s authorization endpoint',
    async () => {
      const { page, errors } = await harness.page(DESKTOP);
      await page.goto(`${harness.origin}/sign-in?next=%2Fsystem%2Fcalendar`);
      const button = page.getByRole('link', { name: '统一身份认证登录' });
      await button.waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'sign-in-sso-desktop');
      expect(errors).toEqual([]);
      const authorization = page.waitForRequest((request) => request.url().startsWith(`${provider.issuer}/auth?`));
      await button.click();
      const url = new URL((await authorization).url());
      expect(url.searchParams.get('client_id')).toBe(provider.clientId);
      expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
      await page.context().close();
    },
    STEP_TIMEOUT,
  );
});
