// The web console in Chromium against the engine seeded with 1,000 kindergartens and 5,000 cases (issue 11,
// "Performance"): the sign-in page's JavaScript, the chunks each role downloads, the supervisor's dashboard until its
// table shows data, and the kindergarten list's paged requests. Printed, never asserted.
// Usage: npm run bench:console [-- --runs 5 --database postgres://… --keep]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { formatShanghai, shanghaiDate } from '@app/calendar/domain';
import { createCalendar } from '@app/calendar/official';
import type { Actor, EventMetadata, NewEvent, StreamAppend } from '@app/event-sourcing';
import { PostgresEventStore } from '@app/event-store';
import { annualInspectionId, inspectionDecider, inspectionStreamId } from '@app/inspections/domain';
import { NAME_BACKFILL } from '@app/kindergartens';
import { kindergartenDecider, kindergartenNameStreamId, kindergartenStreamId, type KindergartenNameEvent } from '@app/kindergartens/domain';
import { responsibleUnitDecider, responsibleUnitStreamId } from '@app/plan-supervision/domain';
import {
  documentRegisterStreamId,
  formatDocumentNo,
  rectificationDecider,
  rectificationIdFor,
  rectificationStreamId,
  type DocumentNumberAssigned,
} from '@app/rectifications/domain';
import { migrate, PostgresClient } from '@app/sql';
import { Authenticator } from '../../apps/api/src/auth/authenticator.js';
import { CONSOLE_OUT_DIR, ensureConsoleBuilt } from '../../apps/console/tools/console-build.js';
import { CHROMIUM, CHROMIUM_FLAGS, DESKTOP } from '../../tests/support/browser.js';
import { report, timed, type Row } from '../support/report.js';
import { StreamBuilder, day, metadataAt } from '../support/generate.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    database: { type: 'string', default: process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const KINDERGARTENS = 1000;
const YEARS = [2021, 2022, 2023, 2024, 2025];
/** The county's townships (seeds/townships.json): the console shows their names. */
const TOWNSHIPS = ['chengguan', 'honghe', 'lamawan', 'laoniuwan', 'yaogou', 'beibao', 'jiucaizhuang', 'wuliangtai'];
const UNIT_ID = 'bench-unit';
const SECRET = 'bench-secret-that-is-at-least-32-characters';
const PASSWORD = 'Qingshui#2026-基准';
const SIGN_IN_TARGET_KB = 350;
const DASHBOARD_TARGET_MS = 1500;
const schema = `bench_console_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const calendar = createCalendar();
const supervisor: Actor = { sub: 'bench-supervisor', role: 'supervisor', name: '基准督学' };
const admin: Actor = { sub: 'bench-admin', role: 'admin', name: '基准管理员' };

const documentNumbers = new Map<number, NewEvent[]>();
const nextDocumentNo = (year: number, rectificationId: string, issuedAt: string, metadata: EventMetadata): string => {
  const register = documentNumbers.get(year) ?? [];
  documentNumbers.set(year, register);
  const n = register.length + 1;
  const documentNo = formatDocumentNo('清教督改', year, n);
  const assigned: DocumentNumberAssigned = { type: 'DocumentNumberAssigned', data: { year, n, documentNo, rectificationId, assignedAt: issuedAt } };
  register.push({ ...assigned, metadata });
  return documentNo;
};

/** One kindergarten: registered, an annual inspection a year, each failed with one case (5 per kindergarten). */
const kindergartenStreams = (k: number): StreamAppend[] => {
  const kindergartenId = `kg-${pad(k, 6)}`;
  const name = `基准第${k + 1}幼儿园`;
  const registered = day(2021, 1, 4);
  const kindergarten = new StreamBuilder(kindergartenStreamId(kindergartenId), kindergartenDecider).run(
    {
      type: 'RegisterKindergarten',
      data: { kindergartenId, name, township: TOWNSHIPS[k % TOWNSHIPS.length]!, ownership: k % 3 === 0 ? 'private' : 'public' },
    },
    { now: registered, actor: admin, nameHolder: null },
    metadataAt(registered, admin),
  );
  const reserved: KindergartenNameEvent = {
    type: 'KindergartenNameReserved',
    data: { name, kindergartenId, reservedAt: formatShanghai(registered) },
  };
  const appends: StreamAppend[] = [
    kindergarten.append,
    { streamId: kindergartenNameStreamId(name), events: [{ ...reserved, metadata: kindergarten.events[0]!.metadata }], expectedVersion: 'no-stream' },
  ];
  const context = (now: Date) => ({ now, actor: supervisor, kindergartenRegistered: true });
  for (const year of YEARS) {
    const inspectionId = annualInspectionId(kindergartenId, year);
    const scheduled = day(year, 4, 1 + (k % 25));
    const visited = day(year, 5, 1 + (k % 25));
    const inspection = new StreamBuilder(inspectionStreamId(inspectionId), inspectionDecider)
      .run(
        { type: 'ScheduleInspection', data: { inspectionId, kindergartenId, kind: 'annual', year, scheduledOn: shanghaiDate(scheduled) } },
        context(scheduled),
        metadataAt(scheduled, supervisor),
      )
      .run(
        { type: 'RecordFinding', data: { code: 'F1', description: '消防通道堵塞', severity: 'major' } },
        context(visited),
        metadataAt(visited, supervisor),
      )
      .run(
        { type: 'ConcludeInspection', data: { outcome: 'failed', summary: '存在问题，需整改' } },
        context(visited),
        metadataAt(visited, supervisor),
      );
    const rectificationId = rectificationIdFor(inspectionId);
    const issued = day(year, 5, 28);
    const metadata = metadataAt(issued, supervisor);
    const rectification = new StreamBuilder(rectificationStreamId(rectificationId), rectificationDecider).run(
      {
        type: 'IssueNotice',
        data: {
          rectificationId,
          kindergartenId,
          inspectionId,
          findingCodes: ['F1'],
          deadline: { dueAt: day(year, 6, 30, 17).toISOString() },
          publish: false,
        },
      },
      {
        now: issued,
        actor: supervisor,
        calendar,
        kindergartenRegistered: true,
        inspection: inspection.state,
        documentNo: nextDocumentNo(year, rectificationId, formatShanghai(issued), metadata),
      },
      metadata,
    );
    appends.push(inspection.append, rectification.append);
  }
  return appends;
};

const rows: Row[] = [];
const figure = (workload: string, value: number, unit: string) => rows.push({ workload, subject: 'console', value, unit, lowerIsBetter: true });
const kB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzipped = async (url: string) => gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;
/** A chunk's file (`assets/table-BIu9QHjx.js`: two chunks may share a name) and its name as read (`table`). */
const fileOf = (url: string) => url.replace(/^.*\/assets\//, '');
const chunkName = (url: string) => fileOf(url).replace(/-[\w-]{8}\.js$/, '');
const notes: Record<string, unknown> = {};

const database = new PostgresClient({ connectionString: args.database!, maxConnections: 10 });
const store = await PostgresEventStore.connect({ client: database, schema, listen: false });
const env = {
  EVENT_STORE: 'postgres',
  DATABASE_URL: args.database!,
  DATABASE_SCHEMA: schema,
  AUTH_JWT_SECRET: SECRET,
  SEED_ON_EMPTY: 'false',
  RUN_REMINDERS: 'false',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  // production refuses to start without it (the first admin's one-time password; the bench's admin is a service account)
  ADMIN_INITIAL_PASSWORD: 'Bench-Admin-Initial-1',
  DATA_DIR: tmpdir(),
  QUEUE_PREFIX: `bench-console-${schema}`,
  CONSOLE_DIR: CONSOLE_OUT_DIR,
  BENCH_USERS: JSON.stringify([{ id: admin.sub, role: 'admin' }]),
};
const profile = await mkdtemp(join(tmpdir(), 'bench-console-chromium-'));
let engine: ReturnType<typeof spawn> | undefined;
try {
  // 1. the console built (a no-op when current) and the store seeded through the deciders and the batch append
  const built = await ensureConsoleBuilt();
  notes['consoleBuild'] = built;
  const responsibleUnit = new StreamBuilder(responsibleUnitStreamId(UNIT_ID), responsibleUnitDecider).run(
    { type: 'RegisterResponsibleUnit', data: { unitId: UNIT_ID, name: '基准责任单位', kind: 'bureau', note: null } },
    { now: day(2023, 1, 3), actor: admin },
    metadataAt(day(2023, 1, 3), admin),
  );
  let next = 0;
  let events = 0;
  const seeded = await timed(async () => {
    await store.appendToStreams([responsibleUnit.append]);
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < KINDERGARTENS) {
          const appends = kindergartenStreams(next++);
          events += appends.reduce((sum, append) => sum + append.events.length, 0);
          await store.appendToStreams(appends);
        }
      }),
    );
    for (const [year, register] of documentNumbers)
      await store.appendToStreams([{ streamId: documentRegisterStreamId(year), events: register, expectedVersion: 'no-stream' }]);
  });
  await migrate(database, schema, NAME_BACKFILL, ['SELECT 1']);
  console.log(`seeded ${KINDERGARTENS} kindergartens, ${KINDERGARTENS * YEARS.length} cases (${events} events) in ${seeded.seconds.toFixed(1)} s`);

  // 2. the engine in its own process, serving the console; its read models catch up with the seeded store
  engine = spawn(process.execPath, ['--no-warnings', '--import', '@swc-node/register/esm-register', 'bench/api/serve.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const api = await new Promise<string>((resolve, reject) => {
    let output = '';
    engine!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    engine!.on('exit', (code) => reject(new Error(`engine exited with ${code}`)));
  });
  const origin = api.replace(/\/api\/v1\/?$/, '');
  const token = new Authenticator(SECRET).sign({ sub: admin.sub, role: 'admin' });
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };
  // the read models hold what was seeded: every kindergarten and the last year's cases in the statistics
  for (let attempt = 0; ; attempt++) {
    const { status, body } = await call('GET', `/statistics/overview?year=${YEARS.at(-1)}`);
    const totals = body?.totals as { kindergartens: number; cases: Record<string, number> } | undefined;
    const seen = totals
      ? {
          kindergartens: totals.kindergartens,
          cases: ['open', 'closed', 'failed', 'withdrawn'].reduce((sum, status) => sum + (totals.cases[status] ?? 0), 0),
        }
      : null;
    if (seen?.kindergartens === KINDERGARTENS && seen.cases === KINDERGARTENS) break;
    if (attempt >= 300) throw new Error(`the read models do not show the seeded store after 300 s: ${status} ${JSON.stringify(seen ?? body)}`);
    if (attempt % 15 === 0) console.log(`waiting for the read models: ${JSON.stringify(seen ?? status)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  console.log('the read models show the seeded store');

  // 3. a real user per role (the one-time password changed once, at the first sign-in)
  const roles = [
    { role: 'supervisor', scope: {} },
    { role: 'kindergarten', scope: { kindergartenId: 'kg-000000' } },
    { role: 'department', scope: { unitId: UNIT_ID } },
    { role: 'auditor', scope: {} },
    { role: 'admin', scope: {} },
  ] as const;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    ignoreDefaultArgs: true,
    args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
    timeout: 60_000,
  });
  const newPage = async () => (await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' })).newPage();
  const scriptsOf = (page: Page) => {
    const urls: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') urls.push(response.url());
    });
    return urls;
  };
  const signIn = async (page: Page, username: string, password: string) => {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  };

  // the sign-in page's JavaScript, gzipped as tests/console/shell.e2e.spec.ts counts it
  {
    const page = await newPage();
    const scripts = scriptsOf(page);
    await page.goto(`${origin}/sign-in`);
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    await page.waitForLoadState('networkidle');
    let total = 0;
    for (const url of scripts) total += await gzipped(url);
    notes['signInChunks'] = scripts.map(chunkName);
    figure(`the sign-in page's JavaScript, gzipped (${scripts.length} scripts; target ≤ ${SIGN_IN_TARGET_KB} kB)`, kB(total), 'kB');
    await page.context().close();
  }

  const pages: Record<string, Page> = {};
  const chunkSizes = new Map<string, number>();
  const downloaded: { role: string; home: string; chunks: string[] }[] = [];
  for (const { role, scope } of roles) {
    const id = `bench-${role}-${randomUUID().slice(0, 6)}`;
    const created = await call('POST', '/users', { id, name: `基准${role}`, role, ...scope });
    if (created.status !== 201) throw new Error(`POST /users (${role}) answered ${created.status}: ${JSON.stringify(created.body)}`);
    const page = await newPage();
    const scripts = scriptsOf(page);
    await page.goto(`${origin}/sign-in`);
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    await page.waitForLoadState('networkidle');
    const before = new Set(scripts);
    await signIn(page, id, created.body.initialPassword as string);
    await page.getByLabel('当前密码').fill(created.body.initialPassword as string);
    await page.getByLabel('新密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('确认新密码').fill(PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    // RoleHome sends each role on to the first page of its menu
    await page.waitForURL((url) => !['/', '/sign-in', '/password'].includes(url.pathname));
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const after = [...new Set(scripts.filter((url) => !before.has(url)))];
    for (const url of after) chunkSizes.set(fileOf(url), await gzipped(url));
    const home = new URL(page.url()).pathname;
    downloaded.push({ role, home, chunks: after.map(fileOf) });
    pages[role] = page;
  }
  // what every role downloads (the shell, the password change) and what only some do (their pages)
  const shell = downloaded[0]!.chunks.filter((chunk) => downloaded.every((role) => role.chunks.includes(chunk)));
  const sizeOf = (chunks: readonly string[]) => kB(chunks.reduce((sum, chunk) => sum + chunkSizes.get(chunk)!, 0));
  console.log(`every role after signing in (the shell and the password change): ${shell.map(chunkName).join(', ')}: ${sizeOf(shell)} kB gzipped`);
  figure(`every role after signing in: the shell and the password change (${shell.length} chunks), gzipped`, sizeOf(shell), 'kB');
  for (const { role, home, chunks } of downloaded) {
    const own = chunks.filter((chunk) => !shell.includes(chunk));
    notes[`chunks:${role}`] = { home, chunks };
    console.log(`${role} (home ${home}): its own chunks ${own.map(chunkName).join(', ') || '(none)'}: ${sizeOf(own)} kB gzipped`);
    figure(`${role}: besides the shell, to open its home ${home} (${own.map(chunkName).join(', ') || 'nothing'}), gzipped`, sizeOf(own), 'kB');
  }

  // 4. the supervisor's dashboard (or the supervisor's home while /dashboard is not in this build), until its table shows data
  const supervisorPage = pages['supervisor']!;
  await supervisorPage.goto(`${origin}/dashboard`);
  await supervisorPage.waitForLoadState('networkidle');
  const hasDashboard = !(await supervisorPage.getByText('页面不存在').isVisible());
  const dashboard = hasDashboard ? '/dashboard' : downloaded[0]!.home;
  const times: number[] = [];
  for (let run = 0; run < Number(args.runs); run++) {
    const started = performance.now();
    await supervisorPage.goto(`${origin}${dashboard}`);
    await supervisorPage.locator('.ant-table-tbody .ant-table-row').first().waitFor({ timeout: 60_000 });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  // what that page asks the API for, once more until the network is idle: a page loading a whole list shows here
  const asked: string[] = [];
  const onRequest = (request: { url(): string }) => {
    if (request.url().includes('/api/v1/')) asked.push(request.url().replace(`${origin}/api/v1`, ''));
  };
  supervisorPage.on('request', onRequest);
  await supervisorPage.goto(`${origin}${dashboard}`);
  await supervisorPage.locator('.ant-table-tbody .ant-table-row').first().waitFor({ timeout: 60_000 });
  await supervisorPage.waitForLoadState('networkidle');
  await supervisorPage.waitForTimeout(2000);
  supervisorPage.off('request', onRequest);
  notes['dashboardRequests'] = asked;
  console.log(`${dashboard} asks the API for: ${asked.join(', ')}`);
  // the floor: the statistics the page shows, asked for directly (bearer token, no browser)
  const direct: number[] = [];
  for (let run = 0; run < Number(args.runs); run++) {
    const started = performance.now();
    await call('GET', `/statistics/overview?year=${new Date().getFullYear()}`);
    direct.push(performance.now() - started);
  }
  direct.sort((a, b) => a - b);
  notes['dashboardRunsMs'] = times.map(Math.round);
  figure(
    `${hasDashboard ? 'the dashboard' : `the supervisor's home (${dashboard}; /dashboard not in this build)`}: navigation until its table shows data, p50 of ${times.length} (target ≤ ${DASHBOARD_TARGET_MS} ms)`,
    Math.round(times[Math.floor(times.length / 2)]!),
    'ms',
  );
  rows[rows.length - 1] = {
    ...rows.at(-1)!,
    baseline: { subject: 'GET /statistics/overview alone, p50', value: Math.round(direct[Math.floor(direct.length / 2)]!) },
  };

  // 5. lists paged by the API: the kindergarten list asks for a page, never the whole list
  const requests: string[] = [];
  supervisorPage.on('request', (request) => {
    if (/\/api\/v1\/kindergartens(\?|$)/.test(request.url())) requests.push(request.url().replace(origin, ''));
  });
  await supervisorPage.goto(`${origin}/kindergartens`);
  await supervisorPage.locator('.ant-table-tbody .ant-table-row').first().waitFor({ timeout: 60_000 });
  await supervisorPage.waitForLoadState('networkidle');
  const rowsShown = await supervisorPage.locator('.ant-table-tbody .ant-table-row').count();
  notes['kindergartenListRequests'] = requests;
  console.log(`kindergarten list: ${rowsShown} rows shown of ${KINDERGARTENS}; requests: ${requests.join(', ')}`);
  rows.push({
    workload: `the kindergarten list: ${requests.every((url) => /[?&]limit=\d+/.test(url)) ? 'every request carries limit' : 'NOT every request carries limit'} (${requests.join(', ')})`,
    subject: 'console',
    value: rowsShown,
    unit: `rows shown of ${KINDERGARTENS}`,
  });
  await browser.close();
} finally {
  if (engine && engine.exitCode === null) {
    const exited = new Promise((resolve) => engine!.once('exit', resolve));
    engine.kill('SIGTERM');
    await exited;
  }
  await rm(profile, { recursive: true, force: true });
  if (!args.keep) await database.exec(`DROP SCHEMA "${schema}" CASCADE`);
  await store.close();
  await database.close();
}
await report('console', rows, { ...notes, loadAverage: loadavg() });
