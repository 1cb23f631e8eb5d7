import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, screenshot, seriousViolations, startConsole, type ConsoleHarness, signInFirstTime } from '../support/browser.js';
import { freshId } from '../support/test-app.js';
import { jpeg, png, sha256 } from '../support/uploads.js';
import { workflow } from '../support/workflow.js';

const NEW_PASSWORD = 'Yuanzhang#2026-清水河';
/** How the console shows an engine time (`…T23:59:59.000+08:00`): `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
const shown = (time: string): string => `${time.slice(0, 10)} ${time.slice(11, 16)}`;
/** The Asia/Shanghai date `days` from now. */
const shanghaiDate = (days: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

/** Nothing wider than the phone: no sideways scrolling. */
const pageWidth = (page: Page): Promise<number> => page.evaluate<number>('document.documentElement.scrollWidth');

/** An image that the browser fetched and decoded (a broken thumbnail has no natural width). */
const decodedWidth = async (page: Page, name: string): Promise<number> => {
  const image = page.getByRole('img', { name });
  await image.waitFor();
  await page.waitForFunction((element) => (element as unknown as { complete: boolean }).complete, await image.elementHandle());
  return image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth);
};

/** Reloads until the text shows: a list read from a projection may trail a command sent through the API by a moment. */
const reloadUntil = async (page: Page, text: string): Promise<void> => {
  for (let attempt = 0; attempt < 10 && !(await page.getByText(text).first().isVisible()); attempt++) {
    await page.waitForTimeout(1_000);
    await page.reload();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
  }
  await page.getByText(text).first().waitFor();
};

describe('the console: a kindergarten director on a phone', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    harness = await startConsole();
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('sees what is owed by when, acknowledges, asks for an extension, reports with a photo taken on the phone; the supervisor sees the photo', async () => {
    const steps = workflow(harness.app);
    const dueDate = shanghaiDate(20);
    const { kindergarten, notice } = await steps.issuedCase({ codes: ['S-01', 'S-02'], deadline: { dueAt: `${dueDate}T23:59:59+08:00` } });
    expect(notice.documentNo).toMatch(/^清教督改〔\d{4}〕\d+号$/);
    const username = freshId('zhang');
    const created = await harness.app.call('POST', '/users', {
      token: steps.admin,
      body: { id: username, name: '张园长', role: 'kindergarten', kindergartenId: kindergarten.id },
    });
    expect(created.status).toBe(201);

    const { page, errors } = await harness.page(PHONE);
    await signInFirstTime(page, harness.origin, username, created.body.initialPassword, NEW_PASSWORD);

    // home: the open case, its number, status, deadline in Shanghai time and the days left
    await page.getByRole('heading', { name: '待办', level: 2 }).waitFor();
    expect(page.url()).toBe(`${harness.origin}/owed`);
    const card = page.locator('.ant-card', { hasText: notice.documentNo });
    await card.waitFor();
    for (const text of ['已下发', shown(notice.dueAt), '剩余 20 天', '请确认收到，并在期限内提交整改报告']) await card.getByText(text).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'kindergarten-owed-phone');

    // the case: acknowledge it
    await page.getByRole('link', { name: `办理 ${notice.documentNo}` }).click();
    await page.getByRole('heading', { name: '整改通知', level: 2 }).waitFor();
    await page.getByText('S-01 消防通道堆放杂物').waitFor();
    const download = page.getByRole('link', { name: /下载整改通知书/ });
    expect(await download.getAttribute('href')).toBe(`/api/v1/rectifications/${notice.id}/notice.docx`);
    expect((await page.request.get(`${harness.origin}/api/v1/rectifications/${notice.id}/notice.docx`)).status()).toBe(200);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'kindergarten-case-issued-phone');
    await page.getByRole('button', { name: '确认收到' }).click();
    await page.getByRole('heading', { name: '提交整改报告' }).waitFor();
    await page.getByText('已签收').first().waitFor();

    // an extension: a date before the deadline is refused on the page, a later one is asked for
    await page.getByRole('button', { name: '申请延期' }).click();
    await page.getByLabel('申请延期至').fill(shanghaiDate(10));
    await page.getByLabel('延期理由').fill('消防设施厂家供货延迟');
    await page.getByRole('button', { name: '提交延期申请' }).click();
    await page.getByText('申请的期限须晚于当前整改期限').waitFor();
    const requestedDate = shanghaiDate(35);
    await page.getByLabel('申请延期至').fill(requestedDate);
    await page.getByRole('button', { name: '提交延期申请' }).click();
    await page.getByText('待审批').waitFor();
    await expect(page.getByRole('button', { name: '申请延期' }).count()).resolves.toBe(0);

    // the report: a summary, an action per finding, a photo uploaded at once with its progress and thumbnail
    await page.getByLabel('整改情况说明').fill('已全面清理消防通道并落实专人巡查');
    await page.getByLabel('问题 S-01').fill('清理消防通道杂物，设置禁止堆放标识');
    const photo = await jpeg(17);
    await page.getByLabel('整改照片或材料').setInputFiles({ name: '消防通道.jpg', mimeType: 'image/jpeg', buffer: photo });
    const progress = page.getByRole('progressbar', { name: '消防通道.jpg 上传进度' });
    await progress.waitFor();
    await page.getByText('上传完成').waitFor();
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    expect(await decodedWidth(page, '已上传：消防通道.jpg')).toBeGreaterThan(0);
    await page.getByLabel('消防通道.jpg 的说明').fill('消防通道清理后');
    // a second file, removed again before sending
    await page.getByLabel('整改照片或材料').setInputFiles({ name: '拍错了.png', mimeType: 'image/png', buffer: await png(3) });
    await page.getByRole('img', { name: '已上传：拍错了.png' }).waitFor();
    await page.getByRole('button', { name: '移除 拍错了.png' }).click();
    await expect(page.getByText('拍错了.png').count()).resolves.toBe(0);
    // every finding must be addressed
    await page.getByRole('button', { name: '提交整改报告' }).click();
    await page.getByText('每个问题都须填写整改措施').waitFor();
    await page.getByLabel('问题 S-02').fill('更换过期灭火器');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'kindergarten-report-form-phone');
    await page.getByRole('button', { name: '提交整改报告' }).click();

    // the record: the report cites the uploaded photo, the extension awaits a decision
    await page.getByText('第 1 次报告', { exact: false }).waitFor();
    await page.getByText('已提交整改报告').first().waitFor();
    await page.getByText('审核：等待教育局审核').waitFor();
    expect(await decodedWidth(page, '消防通道清理后（缩略图，点击查看原件）')).toBeGreaterThan(0);
    const recorded = await harness.app.call('GET', `/rectifications/${notice.id}`, { token: steps.supervisor });
    expect(recorded.body).toMatchObject({
      status: 'submitted',
      extension: { status: 'pending', requestedDueAt: `${requestedDate}T23:59:59.000+08:00`, reason: '消防设施厂家供货延迟' },
      reports: [
        {
          summary: '已全面清理消防通道并落实专人巡查',
          late: false,
          actions: [
            { findingCode: 'S-01', action: '清理消防通道杂物，设置禁止堆放标识' },
            { findingCode: 'S-02', action: '更换过期灭火器' },
          ],
          evidence: [{ caption: '消防通道清理后', name: '消防通道.jpg', contentType: 'image/jpeg', sha256: sha256(photo) }],
        },
      ],
    });
    const attachmentId: string = recorded.body.reports[0].evidence[0].attachmentId;
    expect(recorded.body.reports[0].evidence).toHaveLength(1);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'kindergarten-case-submitted-phone');

    // home again: awaiting review
    await page.goto(`${harness.origin}/owed`);
    await page.locator('.ant-card', { hasText: notice.documentNo }).getByText('整改报告已提交，等待教育局审核').waitFor();

    // its disclosure: what the public sees, and the figures updated
    await page.goto(`${harness.origin}/disclosure`);
    await page.getByRole('heading', { name: '信息公示', level: 2 }).waitFor();
    await page.getByText('尚未公示').waitFor();
    await page.getByText(`${notice.documentNo}：已提交整改报告`, { exact: false }).waitFor();
    await page.getByLabel('专任教师（人）').fill('14');
    await page.getByLabel('保育员（人）').fill('7');
    await page.getByLabel('在园幼儿（人）').fill('210');
    await page.getByLabel('保教费（元/月）').fill('680.5');
    await page.getByLabel('备注（不公开）').fill('含午餐费');
    await page.getByRole('button', { name: '发布公示信息' }).click();
    await page.getByText('每月 680.5 元').waitFor();
    // the confirmation toast fades in and out: scanned mid-fade its text would be half transparent
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    const disclosed = await harness.app.call('GET', `/kindergartens/${kindergarten.id}`, { token: steps.supervisor });
    expect(disclosed.body.disclosure).toMatchObject({ teachers: 14, caregivers: 7, children: 210, monthlyFeeYuan: 680.5, notes: '含午餐费' });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'kindergarten-disclosure-phone');
    expect(errors).toEqual([]);
    await page.context().close();

    // the supervisor's case page shows the photo's thumbnail, which opens the original
    const reviewer = freshId('wang');
    const supervisor = await harness.app.call('POST', '/users', { token: steps.admin, body: { id: reviewer, name: '王督学', role: 'supervisor' } });
    expect(supervisor.status).toBe(201);
    const desk = await harness.page(DESKTOP);
    await signInFirstTime(desk.page, harness.origin, reviewer, supervisor.body.initialPassword, NEW_PASSWORD);
    await desk.page.getByRole('heading', { name: '概览', level: 2 }).waitFor();
    await desk.page.goto(`${harness.origin}/cases/${notice.id}`);
    await desk.page.getByRole('heading', { name: '整改通知', level: 2 }).waitFor();
    expect(await decodedWidth(desk.page, '消防通道清理后（缩略图，点击查看原件）')).toBeGreaterThan(0);
    const original = desk.page.getByRole('link', { name: /消防通道清理后/ });
    expect(await original.getAttribute('href')).toBe(`/api/v1/attachments/${attachmentId}`);
    expect(await original.getAttribute('target')).toBe('_blank');
    const bytes = await desk.page.request.get(`${harness.origin}/api/v1/attachments/${attachmentId}`);
    expect(sha256(await bytes.body())).toBe(sha256(photo));
    expect(await seriousViolations(desk.page)).toEqual([]);
    await screenshot(desk.page, 'supervisor-case-evidence-desktop');
    expect(desk.errors).toEqual([]);
    await desk.page.context().close();
  }, 300_000);

  it('states its case against a proposed suspension (陈述申辩) with a photo, or waives it after confirming', async () => {
    const steps = workflow(harness.app);
    const director = async (kindergartenId: string) => {
      const created = await harness.app.call('POST', '/users', {
        token: steps.admin,
        body: { id: freshId('li'), name: '李园长', role: 'kindergarten', kindergartenId },
      });
      expect(created.status).toBe(201);
      return { username: created.body.user.id as string, password: created.body.initialPassword as string };
    };
    const propose = async (kindergartenId: string, rectificationId: string) => {
      const proposed = await harness.app.call('POST', `/kindergartens/${kindergartenId}/enrolment/suspension-notice`, {
        token: steps.supervisor,
        body: { rectificationId, facts: '复查时消防通道仍被堵塞', basis: '清政发〔2023〕52号 年检制度', proposedFrom: shanghaiDate(30) },
      });
      expect(proposed.status).toBe(200);
      return proposed.body.enrolment.proposal;
    };

    const stating = await steps.failedCase();
    const proposal = await propose(stating.kindergarten.id, stating.notice.id);
    const first = await director(stating.kindergarten.id);
    const { page, errors } = await harness.page(PHONE);
    await signInFirstTime(page, harness.origin, first.username, first.password, NEW_PASSWORD);

    // home: the proposal and its statement deadline
    await page.getByRole('heading', { name: '待办', level: 2 }).waitFor();
    await page.getByText('暂停招生告知：请陈述申辩').waitFor();
    await page.getByText(`陈述申辩期限：${shown(proposal.statementDueAt)}`, { exact: false }).waitFor();
    await page.getByText('暂无整改待办').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'kindergarten-owed-proposal-phone');

    // the notice's facts and basis, the 告知书, then the statement with a photo
    await page.getByRole('link', { name: '陈述申辩' }).click();
    await page.getByRole('heading', { name: '暂停招生告知', level: 2 }).waitFor();
    for (const text of ['复查时消防通道仍被堵塞', '清政发〔2023〕52号 年检制度', shanghaiDate(30)]) await page.getByText(text).first().waitFor();
    expect(await page.getByRole('link', { name: /下载暂停招生告知书/ }).getAttribute('href')).toBe(
      `/api/v1/kindergartens/${stating.kindergarten.id}/enrolment/proposal.docx`,
    );
    await page.getByLabel('陈述申辩意见').fill('我园已于复查后完成消防通道整改，请求不予暂停招生。');
    const photo = await jpeg(41);
    await page.getByLabel('证明材料').setInputFiles({ name: '整改后通道.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByText('上传完成').waitFor();
    expect(await decodedWidth(page, '已上传：整改后通道.jpg')).toBeGreaterThan(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'kindergarten-statement-form-phone');
    await page.getByRole('button', { name: '提交陈述申辩' }).click();
    await page.getByText('等待教育局作出决定。').waitFor();
    await page.getByText('我园已于复查后完成消防通道整改，请求不予暂停招生。').waitFor();
    const stated = await harness.app.call('GET', `/kindergartens/${stating.kindergarten.id}`, { token: steps.supervisor });
    expect(stated.body.enrolment.proposal.statement).toMatchObject({ text: '我园已于复查后完成消防通道整改，请求不予暂停招生。' });
    const [attachmentId] = stated.body.enrolment.proposal.statement.attachmentIds as string[];
    expect(stated.body.enrolment.proposal.statement.attachmentIds).toHaveLength(1);
    const bytes = await page.request.get(`${harness.origin}/api/v1/attachments/${attachmentId}`);
    expect(sha256(await bytes.body())).toBe(sha256(photo));
    expect(await decodedWidth(page, '材料 1（缩略图，点击查看原件）')).toBeGreaterThan(0);
    await screenshot(page, 'kindergarten-statement-submitted-phone');
    expect(errors).toEqual([]);
    await page.context().close();

    // another kindergarten waives its right, after confirming
    const waiving = await steps.failedCase();
    await propose(waiving.kindergarten.id, waiving.notice.id);
    const second = await director(waiving.kindergarten.id);
    const other = await harness.page(PHONE);
    await signInFirstTime(other.page, harness.origin, second.username, second.password, NEW_PASSWORD);
    await other.page.getByRole('link', { name: '陈述申辩' }).click();
    await other.page.getByRole('button', { name: '放弃陈述申辩' }).click();
    await other.page.getByRole('dialog', { name: '确定放弃陈述申辩？' }).waitFor();
    await other.page.getByRole('button', { name: '确定放弃' }).click();
    await other.page.getByText('放弃陈述申辩。', { exact: false }).waitFor();
    const waived = await harness.app.call('GET', `/kindergartens/${waiving.kindergarten.id}`, { token: steps.supervisor });
    expect(waived.body.enrolment.proposal).toMatchObject({ waived: true });
    expect(waived.body.enrolment.proposal.statement).toBeUndefined();
    expect(await seriousViolations(other.page)).toEqual([]);
    await screenshot(other.page, 'kindergarten-statement-waived-phone');
    expect(other.errors).toEqual([]);
    await other.page.context().close();
  }, 300_000);
  it("nothing owed, then a report returned with the reviewer's comment, resubmitted without photos", async () => {
    const steps = workflow(harness.app);
    const { kindergarten, inspection } = await steps.failedInspection(['R-01']);
    const created = await harness.app.call('POST', '/users', {
      token: steps.admin,
      body: { id: freshId('zhao'), name: '赵园长', role: 'kindergarten', kindergartenId: kindergarten.id },
    });
    expect(created.status).toBe(201);
    const { page, errors } = await harness.page(PHONE);
    await signInFirstTime(page, harness.origin, created.body.user.id, created.body.initialPassword, NEW_PASSWORD);
    await page.getByRole('heading', { name: '待办', level: 2 }).waitFor();
    await page.getByText('暂无待办').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'kindergarten-owed-empty-phone');

    // a notice, a report (another user of the kindergarten, citing a v1 file name), returned by the supervisor
    const issued = await harness.app.call('POST', '/rectifications', {
      token: steps.supervisor,
      body: {
        kindergartenId: kindergarten.id,
        inspectionId: inspection.id,
        findingCodes: ['R-01'],
        deadline: { dueAt: `${shanghaiDate(15)}T18:00:00+08:00` },
        publish: false,
      },
    });
    expect(issued.status).toBe(201);
    const notice = issued.body;
    const director = steps.kindergartenToken(kindergarten.id);
    expect((await harness.app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director })).status).toBe(200);
    expect((await harness.app.call('POST', `/rectifications/${notice.id}/reports`, { token: director, body: steps.report(['R-01']) })).status).toBe(
      200,
    );
    const returned = await harness.app.call('POST', `/rectifications/${notice.id}/review`, {
      token: steps.supervisor,
      body: { decision: 'return', comment: '照片不清晰，请补充整改后的照片' },
    });
    expect(returned.status).toBe(200);

    await reloadUntil(page, '整改报告被退回，请重新整改并提交');
    const card = page.locator('.ant-card', { hasText: notice.documentNo });
    await card.getByText('已退回重新整改').waitFor();
    await card.getByText(`${shanghaiDate(15)} 18:00`).waitFor();
    await page.getByRole('link', { name: `办理 ${notice.documentNo}` }).click();
    await page.getByRole('heading', { name: '重新提交整改报告' }).waitFor();
    await page.getByText('审核：退回重新整改。照片不清晰，请补充整改后的照片').waitFor();
    await page.getByText('整改照片.jpg（仅登记文件名）').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'kindergarten-case-returned-phone');
    await page.getByLabel('整改情况说明').fill('已重新整改');
    await page.getByLabel('问题 R-01').fill('重新清理并拍照留存');
    await page.getByRole('button', { name: '提交整改报告' }).click();
    await page.getByText('第 2 次报告', { exact: false }).waitFor();
    await page.getByText('未附佐证材料').waitFor();
    const recorded = await harness.app.call('GET', `/rectifications/${notice.id}`, { token: steps.supervisor });
    expect(recorded.body.status).toBe('submitted');
    expect(recorded.body.reports).toHaveLength(2);
    expect(recorded.body.reports[1]).toMatchObject({
      summary: '已重新整改',
      actions: [{ findingCode: 'R-01', action: '重新清理并拍照留存' }],
      evidence: [],
    });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
