import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresTestDatabase, testDatabaseUrl } from '@app/sql/testing';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { jpeg, sha256, upload } from '../support/uploads.js';
import { workflow } from '../support/workflow.js';

const run = promisify(execFile);

const auditCli = async (args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string }> => {
  try {
    const { stdout } = await run(
      process.execPath,
      ['--no-warnings', '--import', '@swc-node/register/esm-register', 'apps/cli/src/audit.ts', ...args],
      {
        env: { ...process.env, NODE_OPTIONS: '', ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: `${failed.stdout}${failed.stderr}` };
  }
};

describe('npm run audit with attachments: verify, export beside the NDJSON, import re-verifying every byte', () => {
  let app: TestApp;
  let folder: string;
  let postgres: PostgresTestDatabase;
  let dataDir: string;
  const bytes: Buffer[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'audit-attachments-'));
    postgres = PostgresTestDatabase.create(1);
    app = await startTestApp('pglite');
    dataDir = app.settings.DATA_DIR;
    const steps = workflow(app);
    const { notice, director, codes } = await steps.issuedCase();
    bytes.push(await jpeg(41), await jpeg(42));
    const ids = [];
    for (const [index, content] of bytes.entries()) ids.push((await upload(app, director, content, `证据${index}.jpg`)).body.id);
    await app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director });
    await app.call('POST', `/rectifications/${notice.id}/reports`, {
      token: director,
      body: { ...steps.report(codes), evidence: ids.map((attachmentId) => ({ attachmentId })) },
    });
    // the CLI works on the store directly: the engine stops first (the embedded database is locked while it runs)
    await app.stop();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await postgres?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('exports the record with its attachments, and imports them into an empty store after re-hashing every byte', async () => {
    expect(await auditCli(['verify', '--attachments', '--store', 'pglite', '--data-dir', dataDir])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('intact: 2 cited attachments re-hashed'),
    });
    const out = join(folder, 'record.ndjson');
    const exported = await auditCli(['export', '--attachments', '--out', out, '--store', 'pglite', '--data-dir', dataDir]);
    expect(exported).toMatchObject({ code: 0, stdout: expect.stringContaining('exported 2 attachments') });
    expect((await readdir(`${out}.attachments`)).sort()).toEqual(bytes.map(sha256).sort());

    // an altered byte in the export: refused, nothing written
    const schema = postgres.newSchema('restored');
    const target = await mkdtemp(join(tmpdir(), 'restored-'));
    const into = ['--store', 'postgres', '--database-url', testDatabaseUrl(), '--schema', schema, '--data-dir', target];
    const original = bytes[0]!;
    await writeFile(
      join(`${out}.attachments`, sha256(original)),
      Buffer.concat([original.subarray(0, 100), Buffer.from([original[100]! ^ 1]), original.subarray(101)]),
    );
    const refused = await auditCli(['import', '--in', out, ...into]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('is altered');
    expect(refused.stdout).toContain('nothing imported');
    expect(await readdir(target)).toEqual([]);

    await writeFile(join(`${out}.attachments`, sha256(original)), original);
    const imported = await auditCli(['import', '--in', out, ...into]);
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringContaining('imported 2 attachments; every byte re-hashed') });
    expect(await auditCli(['verify', '--attachments', ...into])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('intact: 2 cited attachments'),
    });
    await rm(target, { recursive: true, force: true });
  }, 240_000);

  it('reports a deleted blob as attachment-missing and exits 1', async () => {
    await rm(join(dataDir, 'attachments', 'sha256', sha256(bytes[1]!)));
    const verified = await auditCli(['verify', '--attachments', '--store', 'pglite', '--data-dir', dataDir]);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/broken: attachment [0-9a-f-]{36} cited by rectification-.+ at version \d+ \(attachment-missing\)/);
  }, 120_000);
});
