import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, screenshot, seriousViolations, startConsole, type ConsoleHarness } from '../support/browser.js';
import { freshId } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

const SIGN_IN_BUDGET_BYTES = 350 * 1024;
const NEW_PASSWORD = 'Qingshui#2026-园';

const signIn = async (page: Page, username: string, password: string): Promise<void> => {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
};

describe('the console: signing in, the shell and the inbox', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    // the inbox is fed by the notification workers
    harness = await startConsole({ RUN_REMINDERS: 'true' });
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  it(`the sign-in page: Chinese, accessible, its JavaScript within ${SIGN_IN_BUDGET_BYTES / 1024} kB gzipped (printed)`, async () => {
    const { page, errors } = await harness.page(PHONE);
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.url());
    });
    await page.goto(`${harness.origin}/sign-in?expired=1&next=%2Finbox`);
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    await page.getByText('登录已过期，请重新登录').waitFor();
    await page.waitForLoadState('networkidle');
    let gzipped = 0;
    for (const url of scripts) gzipped += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;
    console.log(`sign-in page: ${scripts.length} scripts, ${(gzipped / 1024).toFixed(1)} kB of JavaScript gzipped`);
    expect(gzipped).toBeLessThanOrEqual(SIGN_IN_BUDGET_BYTES);
    // only the sign-in route's chunks: no page of any role
    expect(scripts.filter((url) => /\/(notice-board|register|inbox|app-layout|password)-/.test(url))).toEqual([]);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('请输入用户名').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-phone');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a director: sent to sign in, first-login password change, the inbox with its unread count, session expiry, sign-out', async () => {
    const steps = workflow(harness.app);
    const kindergarten = await steps.registerKindergarten();
    const username = freshId('zhang');
    const created = await harness.app.call('POST', '/users', {
      token: steps.admin,
      body: { id: username, name: '张园长', role: 'kindergarten', kindergartenId: kindergarten.id },
    });
    expect(created.status).toBe(201);
    const initialPassword: string = created.body.initialPassword;

    const { page, errors } = await harness.page(DESKTOP);
    // a signed-in page sends nobody to sign-in, remembering where they were going
    await page.goto(`${harness.origin}/inbox`);
    await page.waitForURL(/\/sign-in\?next=%2Finbox$/);
    await signIn(page, username, 'not-the-password');
    await page.getByText('用户名或密码不正确').waitFor();

    // the one-time password: first the password change
    await signIn(page, username, initialPassword);
    await page.getByRole('heading', { name: '首次登录，请修改密码' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'password-change-desktop');
    await page.getByLabel('当前密码').fill(initialPassword);
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByLabel('确认新密码').fill('short');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('新密码强度不足').first().waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();

    // then where they were going: the inbox, empty
    await page.getByRole('heading', { name: '消息', level: 2 }).waitFor();
    expect(page.url()).toBe(`${harness.origin}/inbox`);
    await page.getByText('张园长（幼儿园）').waitFor();
    await page.getByText('暂无消息').waitFor();
    const me = await page.request.get(`${harness.origin}/api/v1/auth/me`);
    expect(await me.json()).toMatchObject({ user: { id: username, role: 'kindergarten' }, passwordChangeRequired: false });

    // a notice issued to the kindergarten reaches the inbox, unread
    const { inspection } = await (async () => {
      const annual = await steps.inspection(kindergarten.id, 'annual', 2025);
      await steps.finding(annual.id, 'F-01');
      await steps.conclude(annual.id, 'failed', '存在安全隐患');
      return { inspection: annual };
    })();
    const issued = await harness.app.call('POST', '/rectifications', {
      token: steps.supervisor,
      body: { kindergartenId: kindergarten.id, inspectionId: inspection.id, findingCodes: ['F-01'], deadline: { workingDays: 10 }, publish: false },
    });
    expect(issued.status).toBe(201);
    const badge = page.getByRole('link', { name: '消息，1 条未读' });
    for (let attempt = 0; attempt < 15 && !(await badge.isVisible()); attempt++) {
      await page.waitForTimeout(1_000);
      await page.reload();
    }
    await badge.waitFor();
    const notification = page.locator('.ant-card', { hasText: '未读' });
    await expect(notification.getByText(kindergarten.name).first().isVisible()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'inbox-desktop');
    // the session ends behind the page's back: the next request sends the person to sign in, then back here
    await page.context().clearCookies();
    await notification.getByRole('button', { name: '标为已读' }).click();
    await page.waitForURL(/\/sign-in\?expired=1&next=%2Finbox$/);
    await screenshot(page, 'session-expired-desktop');
    await signIn(page, username, NEW_PASSWORD);
    await page.getByRole('heading', { name: '消息', level: 2 }).waitFor();
    expect(page.url()).toBe(`${harness.origin}/inbox`);

    // marking it read (a write with the new session's CSRF token) clears the count
    await page.locator('.ant-card', { hasText: '未读' }).getByRole('button', { name: '标为已读' }).click();
    await page.getByRole('link', { name: '消息，0 条未读' }).waitFor();
    const inbox = await (await page.request.get(`${harness.origin}/api/v1/inbox`)).json();
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0].readAt).not.toBeNull();

    // sign-out ends the session on the engine too
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/sign-in$/);
    expect((await page.request.get(`${harness.origin}/api/v1/auth/me`)).status()).toBe(401);
    await page.goto(`${harness.origin}/inbox`);
    await page.waitForURL(/\/sign-in\?next=%2Finbox$/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
