import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ConsoleHarness, DESKTOP, screenshot, seriousViolations, signInFirstTime, startConsole, waitForRows } from '../support/browser.js';
import { freshId } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

const NEW_PASSWORD = 'Shenji#2026-清水河';
/** An engine time (+08:00) as the console shows it, to the second. */
const shownToSecond = (time: string): string => `${time.slice(0, 10)} ${time.slice(11, 19)}`;

describe('the console: an auditor reads a case’s record, verifies the store, exports it and reads the sign-in log', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    harness = await startConsole();
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('opens the rectification stream, its timeline and its state at a version; verifies everything; downloads the export; finds its own sign-in', async () => {
    const steps = workflow(harness.app);
    const auditorToken = harness.app.token('auditor');
    const { notice, director, codes } = await steps.issuedCase();
    expect((await harness.app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director })).status).toBe(200);
    const reported = await harness.app.call('POST', `/rectifications/${notice.id}/reports`, { token: director, body: steps.report(codes) });
    expect(reported.status).toBe(200);
    const streamId = `rectification-${notice.id}`;
    const username = freshId('zhao');
    const stranger = freshId('nobody');
    expect((await harness.app.call('POST', '/auth/sign-in', { body: { username: stranger, password: 'not-the-password' } })).status).toBe(401);
    const created = await harness.app.call('POST', '/users', { token: steps.admin, body: { id: username, name: '赵审计', role: 'auditor' } });
    expect(created.status).toBe(201);

    const { page, errors } = await harness.page(DESKTOP);
    await signInFirstTime(page, harness.origin, username, created.body.initialPassword, NEW_PASSWORD);

    // the auditor's home: the streams, narrowed to rectification cases
    await page.getByRole('heading', { name: '事件流', level: 2 }).waitFor();
    expect(page.url()).toBe(`${harness.origin}/audit/streams`);
    const menu = page.getByRole('navigation', { name: '功能菜单' });
    expect(await menu.getByRole('link').allTextContents()).toEqual(['事件流', '验证', '登录日志', '导出', '概览', '消息']);
    await page.getByLabel('流类别').fill('整改事项');
    await page.getByLabel('流类别').press('Enter');
    const streamLink = page.getByRole('link', { name: streamId });
    await streamLink.waitFor();
    const row = page.getByRole('row').filter({ has: streamLink });
    expect(await row.getByRole('cell').allTextContents()).toEqual([streamId, '整改事项', '3']);
    expect(await page.getByRole('link', { name: /^kindergarten-/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'auditor-streams-desktop');
    await streamLink.click();

    // the stream's events as recorded
    await page.getByRole('heading', { name: `整改事项 ${streamId}`, level: 2 }).waitFor();
    const events = (await harness.app.call('GET', `/audit/streams/${streamId}/events`, { token: auditorToken })).body.items as Array<{
      version: number;
      type: string;
      hash: string;
      prevHash: string;
      recordedAt: string;
      data: unknown;
    }>;
    expect(events.map((event) => event.type)).toEqual(['RectificationNoticeIssued', 'NoticeAcknowledged', 'RectificationReportSubmitted']);
    for (const [type, name] of [
      ['RectificationNoticeIssued', '下发整改通知'],
      ['NoticeAcknowledged', '签收整改通知'],
      ['RectificationReportSubmitted', '报送整改报告'],
    ]) {
      await page.getByRole('cell', { name: new RegExp(`^${name}\\s*${type}$`) }).waitFor();
    }
    // the first event's own row shows its time (events of the same second show the same time: look in its row)
    await page
      .getByRole('row', { name: /下发整改通知/ })
      .getByRole('cell', { name: shownToSecond(events[0]!.recordedAt) })
      .waitFor();
    await page.getByRole('cell', { name: '王督学（督学）' }).waitFor();
    await page.getByText(`${events[2]!.hash.slice(0, 10)}…`).waitFor();
    await page.getByRole('button', { name: '展开行' }).first().click();
    expect(JSON.parse((await page.getByRole('group', { name: '事件数据' }).textContent()) ?? '')).toEqual(events[0]!.data);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'auditor-stream-desktop');

    // the state as it stood after version 1, as the engine rebuilds it
    await page.getByLabel('版本号').fill('1');
    await page.getByRole('button', { name: '查询状态' }).click();
    await page.getByText('第 1 版', { exact: true }).waitFor();
    const atVersion1 = await harness.app.call('GET', `/audit/streams/${streamId}/state?version=1`, { token: auditorToken });
    expect(atVersion1.body.state).toMatchObject({ status: 'issued' });
    expect(JSON.parse((await page.getByRole('group', { name: '状态', exact: true }).textContent()) ?? '')).toEqual(atVersion1.body.state);
    await page.getByText(shownToSecond(atVersion1.body.asOf)).first().waitFor();

    // the timeline, told in Chinese with the supervisor's name
    await page.getByRole('link', { name: '查看时间线' }).click();
    await page.getByRole('heading', { name: '时间线', level: 2 }).waitFor();
    const timeline = (await harness.app.call('GET', `/audit/streams/${streamId}/timeline`, { token: auditorToken })).body;
    expect(timeline.steps).toHaveLength(3);
    await page.getByText(`${shownToSecond(timeline.steps[0].at)} · 第 1 版 · 王督学（督学）`).waitFor();
    await page.getByText(timeline.steps[0].sentence, { exact: true }).waitFor();
    expect(timeline.steps[0].sentence).toContain('下发限期整改通知');
    await page.getByText('幼儿园确认收到整改通知', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'auditor-timeline-desktop');

    // the whole store verified: the counts the API gives
    await menu.getByRole('link', { name: '验证' }).click();
    await page.getByRole('heading', { name: '验证', level: 2 }).waitFor();
    await page.getByRole('button', { name: '开始验证' }).click();
    await page.getByText('验证通过').waitFor();
    const verification = (await harness.app.call('GET', '/audit/verification', { token: auditorToken })).body;
    expect(verification).toMatchObject({ ok: true, broken: [] });
    const counts = page.getByRole('row').filter({ hasText: '核对事件流' });
    expect(await counts.textContent()).toContain(`核对事件流${verification.streamsChecked.toLocaleString('zh-CN')} 个`);
    expect(await counts.textContent()).toContain(`核对事件${verification.eventsChecked.toLocaleString('zh-CN')} 个`);
    expect(await counts.textContent()).toContain(`核对附件${verification.attachmentsChecked.toLocaleString('zh-CN')} 个`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'auditor-verification-desktop');

    // the export: every event, one line each
    await menu.getByRole('link', { name: '导出' }).click();
    await page.getByRole('heading', { name: '导出', level: 2 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'auditor-export-desktop');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载全部事件（NDJSON）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.ndjson$/);
    const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(verification.eventsChecked);
    expect(lines.map((line) => (JSON.parse(line) as { streamId: string }).streamId)).toContain(streamId);

    // the sign-in log: its own sign-in of today, then only its own entries
    await menu.getByRole('link', { name: '登录日志' }).click();
    await page.getByRole('heading', { name: '登录日志', level: 2 }).waitFor();
    const signIns = (await harness.app.call('GET', `/audit/sign-ins?userId=${username}`, { token: auditorToken })).body.items as Array<{
      type: string;
      at: string;
    }>;
    expect(signIns.map((entry) => entry.type)).toEqual(['UserSignedIn']);
    const own = page.getByRole('row').filter({ hasText: `赵审计（审计人员）　${username}` });
    await own.waitFor();
    expect(await own.getByRole('cell').allTextContents()).toEqual([
      shownToSecond(signIns[0]!.at),
      '登录',
      `赵审计（审计人员）　${username}`,
      `用户 ${username} 登录`,
    ]);
    await page
      .getByRole('row')
      .filter({ hasText: `用户名“${stranger}”登录失败：用户名不存在` })
      .waitFor();
    await page.getByLabel('用户名').fill(username);
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    await page.getByRole('row').filter({ hasText: stranger }).waitFor({ state: 'detached' });
    await own.waitFor();
    await waitForRows(page, 2);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'auditor-sign-ins-desktop');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
