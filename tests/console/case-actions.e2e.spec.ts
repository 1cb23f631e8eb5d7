import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { DESKTOP, screenshot, seriousViolations, startConsole, type ConsoleHarness } from '../support/browser.js';
import { freshId } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

const NEW_PASSWORD = 'Duxue#2026-清水河';
/** An instant the engine wrote (+08:00) as the console shows it: `YYYY-MM-DD HH:mm`, Asia/Shanghai. */
const shown = (time: string): string => `${time.slice(0, 10)} ${time.slice(11, 16)}`;
const shanghaiToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the console: a supervisor acts on rectification cases and decides an enrolment suspension with due process', () => {
  let harness: ConsoleHarness;
  let steps: ReturnType<typeof workflow>;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    harness = await startConsole();
    steps = workflow(harness.app);
    ({ page, errors } = await signIn());
  }, 240_000);

  afterAll(async () => {
    await page?.context().close();
    await harness?.close();
  });

  /** A fresh supervisor (county-wide), signed in through the page, its first password changed. */
  const signIn = async (): Promise<{ page: Page; errors: string[] }> => {
    const username = freshId('wang');
    const created = await harness.app.call('POST', '/users', { token: steps.admin, body: { id: username, name: '王督学', role: 'supervisor' } });
    expect(created.status).toBe(201);
    const { page, errors } = await harness.page(DESKTOP);
    await page.goto(`${harness.origin}/sign-in`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(created.body.initialPassword);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByLabel('当前密码').fill(created.body.initialPassword);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    // the supervisor's home: the dashboard
    await page.getByRole('heading', { name: '概览', level: 2 }).waitFor();
    // a step that cannot happen fails with what it waited for, well inside the test's budget
    page.setDefaultTimeout(30_000);
    return { page, errors };
  };

  const getCase = async (id: string) => {
    const reply = await harness.app.call('GET', `/rectifications/${id}`, { token: steps.supervisor });
    expect(reply.status).toBe(200);
    return reply.body;
  };

  const getKindergarten = async (id: string) => {
    const reply = await harness.app.call('GET', `/kindergartens/${id}`, { token: steps.supervisor });
    expect(reply.status).toBe(200);
    return reply.body;
  };

  const openCase = async (page: Page, id: string) => {
    await page.goto(`${harness.origin}/cases/${id}`);
    await page.getByRole('heading', { name: '整改通知', level: 2 }).waitFor();
  };

  const previewDeadline = async (workingDays: number): Promise<string> => {
    const preview = await harness.app.call('GET', `/calendar/deadline?from=${shanghaiToday()}&workingDays=${workingDays}`, {
      token: steps.supervisor,
    });
    expect(preview.status).toBe(200);
    return preview.body.dueAt;
  };

  it('decides the extension the kindergarten requested, sets a new deadline from the working-day calendar, and shows the timeline in Chinese', async () => {
    // 1. the kindergarten asked for an extension: the supervisor sees it pending and grants it
    const extended = await steps.issuedCase({ deadline: { workingDays: 10 } });
    const requestedDueAt = new Date(Date.parse(extended.notice.dueAt) + 7 * 86_400_000).toISOString();
    const request = await harness.app.call('POST', `/rectifications/${extended.notice.id}/extension-requests`, {
      token: extended.director,
      body: { requestedDueAt, reason: '消防设施采购需要时间' },
    });
    expect(request.status).toBe(201);
    await openCase(page, extended.notice.id);
    await page.getByText(extended.notice.documentNo).first().waitFor();
    await page.getByText(extended.kindergarten.name).waitFor();
    await page.getByText('延期申请待审批').waitFor();
    await page.getByText(/剩余 \d+ (个工作日（\d+ 天）|天)/).waitFor();
    await page.getByRole('link', { name: '下载整改通知书' }).waitFor();
    await page.getByRole('heading', { name: '延期申请（待审批）' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'case-actions-extension-pending');
    await page.getByLabel('同意延期', { exact: true }).check();
    await page.getByLabel('审批意见').fill('同意延期一周');
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.getByText('已同意').waitFor();
    let notice = await getCase(extended.notice.id);
    expect(notice.extension).toMatchObject({ status: 'granted', decisionReason: '同意延期一周' });
    expect(Date.parse(notice.dueAt)).toBe(Date.parse(requestedDueAt));
    await page.getByText(`同意延期：同意延期一周`).waitFor();

    // 2. a new deadline, in working days previewed from the official calendar
    await page.getByRole('button', { name: '重新设定期限' }).click();
    const dialog = page.getByRole('dialog', { name: '重新设定整改期限' });
    await dialog.getByLabel('整改期限（工作日）').fill('12');
    const newDueAt = await previewDeadline(12);
    await dialog.getByText(`新的整改期限：${shown(newDueAt)}`).waitFor();
    await dialog.getByLabel('理由').fill('整改项目较多，重新设定期限');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'case-actions-new-deadline');
    await dialog.getByRole('button', { name: '确定新期限' }).click();
    await page.getByText(`重新设定整改期限：由 ${shown(notice.dueAt)} 改为 ${shown(newDueAt)}，理由：整改项目较多，重新设定期限`).waitFor();
    const previousDueAt = notice.dueAt;
    notice = await getCase(extended.notice.id);
    expect(notice).toMatchObject({
      dueAt: newDueAt,
      overdue: false,
      deadlineReset: { previousDueAt, dueAt: newDueAt, reason: '整改项目较多，重新设定期限' },
    });
    // the timeline, in Chinese, oldest first
    await page.getByText(`下发整改通知（${notice.documentNo}），公开通报`).waitFor();
    await page.getByText(`幼儿园申请延期至 ${shown(notice.extension.requestedDueAt)}：消防设施采购需要时间`).waitFor();
    await screenshot(page, 'case-actions-timeline');
    expect(errors).toEqual([]);
  }, 300_000);

  it('publishes an unpublished notice, withdraws it, records a passed follow-up, and returns a report after the deadline with a new one', async () => {
    // a case whose deadline passes during the test: its report is awaiting review when the deadline passes
    const lateSetup = await steps.failedInspection();
    const lateDueAt = new Date(Date.now() + 20_000).toISOString();
    const issued = await harness.app.call('POST', '/rectifications', {
      token: steps.supervisor,
      body: {
        kindergartenId: lateSetup.kindergarten.id,
        inspectionId: lateSetup.inspection.id,
        findingCodes: lateSetup.codes,
        deadline: { dueAt: lateDueAt },
        publish: true,
      },
    });
    expect(issued.status).toBe(201);
    const late = { ...lateSetup, notice: issued.body, director: steps.kindergartenToken(lateSetup.kindergarten.id) };
    expect((await harness.app.call('POST', `/rectifications/${late.notice.id}/acknowledgement`, { token: late.director })).status).toBe(200);
    expect(
      (await harness.app.call('POST', `/rectifications/${late.notice.id}/reports`, { token: late.director, body: steps.report(late.codes) })).status,
    ).toBe(200);

    // 3. a notice issued unpublished is published later; a follow-up is not yet possible on it
    const unpublished = await steps.issuedCase({ publish: false });
    await openCase(page, unpublished.notice.id);
    expect(await page.getByRole('button', { name: /^复\s*查$/ }).isDisabled()).toBe(true);
    await page.getByText('复查须在幼儿园提交整改报告后或整改逾期后进行。').waitFor();
    await page.getByRole('button', { name: '公开通报' }).click();
    await page.getByRole('button', { name: '确认公开' }).click();
    await page.getByText('公开通报整改通知', { exact: true }).waitFor();
    let notice = await getCase(unpublished.notice.id);
    expect(notice.publish).toBe(true);
    expect(notice.publishedAt).toEqual(expect.any(String));
    await page.getByText(`是（${shown(notice.publishedAt)} 公开）`).waitFor();
    expect(await page.getByRole('button', { name: '公开通报' }).count()).toBe(0);

    // 4. …and withdrawn, with a reason (final: no action is left)
    await page.getByRole('button', { name: '撤销通知' }).click();
    const withdrawal = page.getByRole('dialog', { name: '撤销整改通知' });
    await withdrawal.getByLabel('撤销理由').fill('检查结论有误，撤销本通知');
    await withdrawal.getByRole('button', { name: '确认撤销' }).click();
    await page.getByText('撤销整改通知：检查结论有误，撤销本通知').waitFor();
    notice = await getCase(unpublished.notice.id);
    expect(notice).toMatchObject({ status: 'withdrawn', withdrawal: { reason: '检查结论有误，撤销本通知' } });
    await page.getByText('已撤销', { exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: '办理', exact: true }).count()).toBe(0);

    // 5. a submitted case: the follow-up inspection passed, so the case closes
    const submitted = await steps.submittedCase();
    const followUp = await steps.inspection(submitted.kindergarten.id, 'follow-up', 2026);
    await steps.conclude(followUp.id, 'passed', '复查合格');
    await openCase(page, submitted.notice.id);
    await page.getByRole('button', { name: /^复\s*查$/ }).click();
    const followUpDialog = page.getByRole('dialog', { name: '记录复查结果' });
    await followUpDialog.getByLabel('复查').click();
    await page.getByTitle(/复查：合格/).click();
    await followUpDialog.getByText('复查合格：记录后整改通知办结').waitFor();
    await screenshot(page, 'case-actions-follow-up');
    await followUpDialog.getByRole('button', { name: '记录复查结果' }).click();
    await page.getByText('复查合格，整改通知办结').waitFor();
    notice = await getCase(submitted.notice.id);
    expect(notice).toMatchObject({ status: 'closed', followUp: { inspectionId: followUp.id, outcome: 'passed' } });
    await page.getByText('已办结', { exact: true }).waitFor();

    // 6. the report awaiting review when the deadline passed: a return must set a new deadline
    await sleep(Math.max(0, Date.parse(lateDueAt) - Date.now() + 1_000));
    await openCase(page, late.notice.id);
    await page.getByText('期限已届满（整改报告待审核）').waitFor();
    await page.getByLabel('退回重新整改').check();
    await page.getByText('整改期限已过，退回时须重新设定期限').waitFor();
    await page.getByLabel('审核意见').fill('整改措施不完整，请补充');
    await page.getByLabel('整改期限（工作日）').fill('5');
    const returnDueAt = await previewDeadline(5);
    await page.getByText(`新的整改期限：${shown(returnDueAt)}`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'case-actions-late-return');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('退回重新整改：整改措施不完整，请补充').waitFor();
    notice = await getCase(late.notice.id);
    expect(notice).toMatchObject({ status: 'returned', dueAt: returnDueAt, deadlineReset: { dueAt: returnDueAt, reason: '整改措施不完整，请补充' } });
    expect(notice.reports[0].review).toMatchObject({ decision: 'return', comment: '整改措施不完整，请补充' });

    expect(errors).toEqual([]);
  }, 300_000);

  it('proposes a suspension, is refused a decision while the statement period is open, suspends after the waiver, and reinstates after a passed follow-up', async () => {
    const failed = await steps.failedCase();
    const { kindergarten } = failed;
    await page.goto(`${harness.origin}/kindergartens/${kindergarten.id}`);
    await page.getByRole('heading', { name: kindergarten.name, level: 2 }).waitFor();

    // 告知: the facts, the basis, the date it would take effect
    await page.getByRole('heading', { name: '拟暂停招生（告知）' }).waitFor();
    await page.getByLabel('事实和理由').fill('2025年年检发现消防通道堵塞，限期整改后复查仍不达标');
    await page.getByLabel('拟暂停招生日期').fill(shanghaiToday());
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'case-actions-propose-suspension');
    await page.getByRole('button', { name: '发出暂停招生告知' }).click();
    await page.getByRole('heading', { name: '暂停招生告知' }).waitFor();
    let state = await getKindergarten(kindergarten.id);
    const proposal = state.enrolment.proposal;
    expect(state.enrolment.status).toBe('open');
    expect(proposal).toMatchObject({
      rectificationId: failed.notice.id,
      facts: '2025年年检发现消防通道堵塞，限期整改后复查仍不达标',
      basis: '清政发〔2023〕52号：整改后仍不达标的，暂停其招生',
      proposedFrom: shanghaiToday(),
    });
    await page.getByText(shown(proposal.statementDueAt)).first().waitFor();
    await page.getByText('尚未提交（期限内）').waitFor();
    await page.getByRole('link', { name: '下载暂停招生告知书' }).waitFor();

    // 决定 before the statement period ends, the kindergarten silent: refused, said in Chinese
    await page.getByLabel('暂停招生', { exact: true }).check();
    await page.getByLabel('决定理由（对陈述申辩的答复）').fill('整改后仍不达标，幼儿园放弃陈述申辩');
    await page.getByRole('button', { name: '作出决定' }).click();
    await page.getByRole('button', { name: /^确\s*定$/ }).click();
    await page.getByText('陈述申辩期限尚未届满').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'case-actions-statement-period-open');
    expect((await getKindergarten(kindergarten.id)).enrolmentStatus).toBe('open');

    // the kindergarten waives its statement; the decision now stands
    const waiver = await harness.app.call('POST', `/kindergartens/${kindergarten.id}/enrolment/statement`, {
      token: failed.director,
      body: { waive: true },
    });
    expect(waiver.status).toBe(200);
    await page.reload();
    await page.getByText(/放弃陈述申辩$/).waitFor();
    await page.getByLabel('暂停招生', { exact: true }).check();
    await page.getByLabel('决定理由（对陈述申辩的答复）').fill('整改后仍不达标，幼儿园放弃陈述申辩');
    await page.getByRole('button', { name: '作出决定' }).click();
    await page.getByRole('button', { name: /^确\s*定$/ }).click();
    await page.getByRole('link', { name: '下载暂停招生决定书' }).waitFor();
    state = await getKindergarten(kindergarten.id);
    expect(state.enrolmentStatus).toBe('suspended');
    expect(state.enrolment.suspension).toMatchObject({
      rectificationId: failed.notice.id,
      effectiveFrom: shanghaiToday(),
      reason: '整改后仍不达标，幼儿园放弃陈述申辩',
    });
    await page.getByText('整改后仍不达标，幼儿园放弃陈述申辩', { exact: true }).waitFor();
    await page.getByRole('heading', { name: '恢复招生' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'case-actions-suspended');

    // 恢复招生 after a follow-up inspection passed since the suspension
    const followUp = await steps.inspection(kindergarten.id, 'follow-up', 2026);
    await steps.conclude(followUp.id, 'passed', '复查合格');
    await page.reload();
    await page.getByRole('heading', { name: '恢复招生' }).waitFor();
    await page.getByLabel('复查').click();
    await page.getByTitle(/复查：合格/).click();
    await page.getByLabel('恢复理由').fill('复查合格，恢复招生');
    await page.getByRole('button', { name: '恢复招生' }).click();
    await page.getByRole('heading', { name: '恢复招生' }).waitFor({ state: 'detached' });
    state = await getKindergarten(kindergarten.id);
    expect(state.enrolmentStatus).toBe('open');
    expect(state.enrolment.status).toBe('open');

    expect(errors).toEqual([]);
  }, 300_000);
});
