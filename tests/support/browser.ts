import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CONSOLE_OUT_DIR } from '../../apps/console/tools/console-build.js';
import { startTestApp, type TestApp } from './test-app.js';
import { waitUntil } from './wait.js';
import type { Clock } from '@app/config';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';

/** Exactly these, plus a fresh profile and the pipe Playwright drives the browser through. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Screenshots for a person to review (git-ignored). */
export const SCREENSHOTS = fileURLToPath(new URL('../console/screenshots/', import.meta.url));

export interface ConsoleHarness {
  readonly app: TestApp;
  readonly browser: Browser;
  /** The engine's origin, where it serves the console. */
  readonly origin: string;
  /** A page in a fresh context at that viewport; what it logs as an error (CSP refusals included) lands in `errors`. */
  page(viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run console:build` (a no-op when the build is current), in a plain Node process: Vite's native bundler does not load in jest's VM. */
export const buildConsole = async (): Promise<void> => {
  await promisify(execFile)(
    process.execPath,
    ['--no-warnings', '--import', '@swc-node/register/esm-register', 'apps/console/tools/ensure-built.ts'],
    {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
};

/** The real engine on the embedded store, serving the console (built when stale), and Chromium with a profile of its own. */
export const startConsole = async (env: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<ConsoleHarness> => {
  await buildConsole();
  const app = await startTestApp('pglite', { CONSOLE_DIR: CONSOLE_OUT_DIR, ...env }, options);
  const profile = await mkdtemp(join(tmpdir(), 'console-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    ignoreDefaultArgs: true,
    args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
    timeout: 60_000,
  });
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    app,
    browser,
    origin: app.url.replace(/\/api\/v1$/, ''),
    page: async (viewport) => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'America/New_York' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        // the browser logs every 4xx answer; the console handles those (nobody signed in, an optional route) — CSP refusals and script errors count
        if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()))
          errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors };
    },
    close: async () => {
      await browser.close();
      await app.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
};

/** What the tests read of the browser's Web Animations (the tests compile without the DOM's types). */
interface BrowserAnimation {
  playState: string;
  effect: { getComputedTiming(): { endTime?: number } } | null;
}

/** axe-core's serious and critical violations on the page as it is now. */
export const seriousViolations = async (page: Page): Promise<string[]> => {
  // what a person reads is the settled page: a dialog or message fading in is half-transparent, and its contrast is not yet the page's
  // (spinners loop for ever and are left out)
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { document: { getAnimations(): BrowserAnimation[] } }).document
        .getAnimations()
        .every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity),
    undefined,
    { timeout: 10_000 },
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
};

export const screenshot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Signs in a freshly created user (POST /users gave `initialPassword`) and sets the password the first sign-in asks for. */
export const signInFirstTime = async (page: Page, origin: string, username: string, initialPassword: string, newPassword: string): Promise<void> => {
  await page.goto(`${origin}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(initialPassword);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByLabel('当前密码').fill(initialPassword);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await page.getByRole('button', { name: '确认修改' }).click();
};

/**
 * Picks an option of an Ant Design select by typing, as a person does: the field opened, the text typed, and Enter only
 * once the wanted option is the highlighted one (a busy browser may not have filtered the list yet when Enter comes).
 */
export const pickOption = async (page: Page, field: Locator, typed: string, option: string): Promise<void> => {
  await field.click();
  await page.keyboard.type(typed);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option-active[title="${option}"]`).waitFor();
  await page.keyboard.press('Enter');
};

/**
 * Waits until the page's tables show `count` rows (header rows included): a list that was just searched may still
 * show the rows before, or none while it loads; fails with the count last seen.
 */
export const waitForRows = async (page: Page, count: number): Promise<void> => {
  await waitUntil(async () => (await page.getByRole('row').count()) === count, { timeoutMs: 30_000, what: `${count} table rows` });
};
