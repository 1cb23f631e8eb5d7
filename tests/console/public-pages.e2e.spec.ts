import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DESKTOP, PHONE, screenshot, seriousViolations, startConsole, type ConsoleHarness } from '../support/browser.js';
import { workflow } from '../support/workflow.js';

/** How the console shows an engine time (`…T10:05:00.000+08:00`): `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
const shown = (time: string): string => `${time.slice(0, 10)} ${time.slice(11, 16)}`;

describe('the console: serving and the public pages (no sign-in)', () => {
  let harness: ConsoleHarness;
  let published: { kindergarten: any; notice: any };
  let disclosed: any;

  beforeAll(async () => {
    harness = await startConsole();
    const steps = workflow(harness.app);
    published = await steps.issuedCase({ codes: ['F-01', 'F-02'], publish: true, deadline: { dueAt: '2099-06-30T17:30:00+08:00' } });
    disclosed = await steps.registerKindergarten({ ownership: 'private-inclusive' });
    const disclosure = await harness.app.call('PUT', `/kindergartens/${disclosed.id}/disclosure`, {
      token: steps.kindergartenToken(disclosed.id),
      body: { teachers: 12, caregivers: 6, children: 180, monthlyFeeYuan: 860 },
    });
    expect(disclosure.status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  describe('serving', () => {
    it('answers / and any console route with the console, under a CSP that allows its own assets only', async () => {
      for (const path of ['/', '/public', '/public/kindergartens', '/sign-in', '/cases/rc-x?tab=timeline']) {
        const reply = await fetch(`${harness.origin}${path}`);
        expect([path, reply.status, reply.headers.get('content-type')]).toEqual([path, 200, 'text/html; charset=utf-8']);
        expect(await reply.text()).toContain('<div id="root"></div>');
        expect(reply.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
      }
    });

    it('serves the built assets as immutable', async () => {
      const html = await (await fetch(`${harness.origin}/`)).text();
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
      const reply = await fetch(`${harness.origin}${script}`);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/javascript/);
      expect(reply.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    });

    it('never shadows what the engine answers: its routes, and its unknown paths stay 404 problems', async () => {
      expect((await fetch(`${harness.origin}/health/live`)).status).toBe(200);
      expect((await fetch(`${harness.origin}/docs-json`)).headers.get('content-type')).toMatch(/application\/json/);
      expect((await fetch(`${harness.origin}/api/v1/public/notices`)).headers.get('content-type')).toMatch(/application\/json/);
      for (const path of ['/api/v1/no-such-route', '/api', '/docs/nothing-here', '/health/nothing', '/metrics/x', '/admin/nothing']) {
        const reply = await fetch(`${harness.origin}${path}`);
        expect([path, reply.status, reply.headers.get('content-type')]).toEqual([path, 404, 'application/problem+json; charset=utf-8']);
        expect(await reply.json()).toMatchObject({ status: 404, code: 'not-found' });
      }
      // other methods than GET are not the console's
      expect((await fetch(`${harness.origin}/public`, { method: 'POST' })).status).toBe(404);
    });
  });

  for (const [device, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    describe(`at ${device} size (${viewport.width}×${viewport.height}), the browser in New York time`, () => {
      it('the notice board shows the published notice with its findings and Shanghai times, passes axe, no console errors', async () => {
        const { page, errors } = await harness.page(viewport);
        await page.goto(`${harness.origin}/public`);
        await page.getByRole('heading', { name: '整改公示', level: 2 }).waitFor();
        const card = page.locator('.ant-card', { hasText: published.kindergarten.name });
        await card.waitFor();
        for (const text of ['消防通道堆放杂物', '已下发', shown(published.notice.issuedAt), '2099-06-30 17:30']) {
          await expect(card.getByText(text, { exact: false }).first().isVisible()).resolves.toBe(true);
        }
        await expect(page.getByRole('heading', { name: '暂停招生（0）' }).isVisible()).resolves.toBe(true);
        await expect(page.getByText('目前没有暂停招生的幼儿园').isVisible()).resolves.toBe(true);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `public-notice-board-${device}`);
        expect(errors).toEqual([]);
        await page.context().close();
      });

      it('the register, reached through the menu, shows the disclosure; a reload keeps the page', async () => {
        const { page, errors } = await harness.page(viewport);
        await page.goto(`${harness.origin}/public`);
        await page.getByRole('link', { name: '幼儿园名录' }).click();
        await page.getByRole('heading', { name: '幼儿园名录' }).waitFor();
        await page.reload();
        const card = page.locator('.ant-card', { hasText: disclosed.name });
        await card.waitFor();
        for (const text of ['普惠性民办', '12 人', '180 人', '每月 860 元', '正常招生']) {
          await expect(card.getByText(text).first().isVisible()).resolves.toBe(true);
        }
        await expect(page.locator('.ant-card', { hasText: published.kindergarten.name }).getByText('不合格').isVisible()).resolves.toBe(true);
        await page.getByRole('searchbox').fill(disclosed.name);
        await expect(page.locator('.ant-card', { hasText: published.kindergarten.name }).count()).resolves.toBe(0);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `public-register-${device}`);
        expect(errors).toEqual([]);
        expect(page.url()).toBe(`${harness.origin}/public/kindergartens`);
        await page.context().close();
      });
    });
  }
});
