import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);
const bin = (name: string): string => resolve('node_modules/.bin', name);

/** Neither linter may reach the network (this machine has none): no telemetry, no update check, no remote rulesets. */
const OFFLINE = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_UPDATE_NOTIFIER: '1',
  CI: 'true',
  NODE_OPTIONS: '',
};

interface Linted {
  readonly code: number;
  readonly output: string;
}

const lint = async (command: string, args: string[]): Promise<Linted> => {
  try {
    const { stdout, stderr } = await run(bin(command), args, { env: OFFLINE, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: `${stdout}\n${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string; killed?: boolean; signal?: string };
    if (failed.killed) throw new Error(`${command} did not finish in 60 s (${failed.signal})`);
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}\n${failed.stderr ?? ''}` };
  }
};

describe('the OpenAPI document at /docs-json passes third-party lint', () => {
  let app: TestApp;
  let folder: string;
  let file: string;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    const reply = await app.call('GET', `${app.url.replace(/\/api\/v1$/, '')}/docs-json`);
    expect(reply.status).toBe(200);
    folder = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
    file = join(folder, 'openapi.json');
    await writeFile(file, JSON.stringify(reply.body, null, 2));
    if (process.env.OPENAPI_DUMP) await writeFile(process.env.OPENAPI_DUMP, JSON.stringify(reply.body, null, 2));
  });

  afterAll(async () => {
    await app?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("Redocly's recommended ruleset: no error, no warning", async () => {
    const { code, output } = await lint('redocly', ['lint', '--extends', 'recommended', '--format', 'stylish', file]);
    expect({ code, output }).toEqual({ code: 0, output: expect.stringMatching(/valid/i) });
    expect(output).not.toMatch(/warning/i);
  }, 90_000);

  it("Spectral's spectral:oas: no error, no warning", async () => {
    const { code, output } = await lint('spectral', ['lint', '--ruleset', resolve('tests/api/openapi/spectral.yaml'), '--fail-severity', 'warn', file]);
    expect({ code, output }).toEqual({ code: 0, output: expect.stringMatching(/no results/i) });
  }, 90_000);
});
