import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const LINT_TIMEOUT_MS = 60_000;

/** Neither linter may reach the network (this machine has none, CI may not either): no telemetry, no update check. */
const OFFLINE: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_UPDATE_NOTIFIER: '1',
  CI: 'true',
  // the linters are plain Node programs: none of jest's flags, no proxy to try
  NODE_OPTIONS: '',
};

/** Runs a linter; its exit code is ignored (the JSON report says everything), a hang fails the test. */
const lint = (command: string, args: readonly string[]): Promise<string> =>
  new Promise((done, fail) => {
    execFile(
      join(root, 'node_modules/.bin', command),
      args,
      { env: OFFLINE, timeout: LINT_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && (error.killed || error.signal)) fail(new Error(`${command} did not finish within ${LINT_TIMEOUT_MS} ms (${error.signal})`));
        else if (error && !stdout.trim()) fail(new Error(`${command} failed without a report: ${stderr}`));
        else done(stdout);
      },
    );
  });

interface Finding {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'other';
  readonly at: string;
  readonly message: string;
}

/**
 * Redocly's `operation-4xx-response` asks every operation for a client-error response. The probes take no
 * parameter, no body and no token: they answer 200 (or 503 for readiness), never a 4xx, and documenting one they
 * cannot give would be false. Redocly's `operation-2xx-response` likewise does not fit single sign-on, whose
 * answers are redirects. These are the only warnings allowed, and only on those paths.
 */
const JUSTIFIED = (finding: Finding): boolean =>
  finding.severity === 'warning' &&
  ((finding.rule === 'operation-4xx-response' && /^#\/paths\/~1health~1(live|ready)\/get\/responses$/.test(finding.at)) ||
    // single sign-on's two steps are browser navigations: they succeed with a redirect (to the provider, then home), never a 2xx
    (finding.rule === 'operation-2xx-response' && /^#\/paths\/~1api~1v1~1auth~1oidc~1(start|callback)\/get\/responses$/.test(finding.at)));

describe('the OpenAPI document at /docs-json passes third-party lint', () => {
  let app: TestApp;
  let folder: string;
  let file: string;
  let document: any;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    const reply = await app.call('GET', `${app.url.replace(/\/api\/v1$/, '')}/docs-json`);
    expect(reply.status).toBe(200);
    document = reply.body;
    folder = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
    file = join(folder, 'openapi.json');
    await writeFile(file, JSON.stringify(reply.body, null, 2));
  });

  afterAll(async () => {
    await app?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('describes, tags and secures every operation, and documents every error as application/problem+json', () => {
    const defined = new Map((document.tags as Array<{ name: string; description?: string }>).map((tag) => [tag.name, tag.description]));
    expect([...defined.values()].filter((description) => !description)).toEqual([]);
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(document.security).toEqual([{ bearer: [] }]);
    // no token: the public board, sign-in (and single sign-on) and the probes; /metrics says for itself how it is protected
    const open = /^\/(api\/v1\/public\/|api\/v1\/auth\/sign-in$|api\/v1\/auth\/oidc\/|health\/)/;
    const flaws: string[] = [];
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (!operation.description?.trim()) flaws.push(`${key}: no description`);
        if (!operation.tags?.length || !operation.tags.every((tag: string) => defined.has(tag))) flaws.push(`${key}: a tag not defined at the top`);
        const security = JSON.stringify(operation.security);
        if (path === '/metrics' ? security === undefined : security !== (open.test(path) ? '[]' : '[{"bearer":[]}]'))
          flaws.push(`${key}: security ${security}`);
        for (const [status, response] of Object.entries(operation.responses as Record<string, any>)) {
          // the readiness probe answers 503 in terminus's own format
          if (Number(status) >= 400 && path !== '/health/ready' && !response.content?.['application/problem+json'])
            flaws.push(`${key}: ${status} is not application/problem+json`);
        }
      }
    }
    expect(flaws).toEqual([]);
  });

  it(
    "Redocly CLI's recommended ruleset finds no error, and no warning but the justified ones",
    async () => {
      const report = JSON.parse(await lint('redocly', ['lint', '--extends', 'recommended', '--format', 'json', file])) as {
        totals: { errors: number; warnings: number };
        problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
      };
      const findings: Finding[] = report.problems.map((problem) => ({
        rule: problem.ruleId,
        severity: problem.severity === 'error' ? 'error' : problem.severity === 'warn' ? 'warning' : 'other',
        at: problem.location[0]?.pointer ?? '',
        message: problem.message,
      }));
      expect(findings.filter((finding) => !JUSTIFIED(finding))).toEqual([]);
      expect(report.totals.errors).toBe(0);
    },
    2 * LINT_TIMEOUT_MS,
  );

  it(
    "Spectral's spectral:oas (tests/api/openapi/spectral.yaml) finds no error and no warning",
    async () => {
      const ruleset = join(root, 'tests/api/openapi/spectral.yaml');
      const report = JSON.parse(await lint('spectral', ['lint', '--ruleset', ruleset, '--format', 'json', '--quiet', file])) as Array<{
        code: string;
        severity: number;
        message: string;
        path: string[];
      }>;
      const findings: Finding[] = report.map((result) => ({
        rule: result.code,
        severity: result.severity === 0 ? 'error' : result.severity === 1 ? 'warning' : 'other',
        at: result.path.join('.'),
        message: result.message,
      }));
      expect(findings.filter((finding) => finding.severity !== 'other')).toEqual([]);
    },
    2 * LINT_TIMEOUT_MS,
  );
});
