import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DataDirLockedError, PgliteClient } from './pglite-client.js';
import { preparePgliteTemplate } from './testing/test-databases.js';

const run = promisify(execFile);

const openInAnotherProcess = async (dataDir: string): Promise<{ opened: boolean; code?: string; message?: string }> => {
  const { stdout } = await run(process.execPath, ['--import', '@swc-node/register/esm-register', 'tests/fixtures/open-data-dir.ts', dataDir], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { opened: boolean; code?: string; message?: string };
};

describe('PgliteClient: one owner per data folder', () => {
  let dataDir: string;
  // a new folder starts from the prepared template (a cluster created once), as the engine's first start does from its own
  let template: Blob;

  beforeAll(async () => {
    template = new Blob([await readFile(await preparePgliteTemplate())]);
  });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pglite-lock-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a second opener in this process with a clear message, and reopens after close with the data kept', async () => {
    const first = await PgliteClient.open({ dataDir, template });
    await first.exec('CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$幼儿园$$)');
    let refusal: unknown;
    try {
      await PgliteClient.open({ dataDir, lockWaitMs: 0 });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toMatch(/in use by another process/);
    await first.close();
    const again = await PgliteClient.open({ dataDir, lockWaitMs: 0, sharedBuffers: '16MB' });
    expect(await again.query('SELECT v FROM kept')).toEqual([{ v: '幼儿园' }]);
    // the buffer cache is a setting of each opening, not of the folder
    expect(await again.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '16MB' }]);
    await again.close();
  }, 60_000);

  it('refuses an opener in another process while this one holds the folder', async () => {
    const owner = await PgliteClient.open({ dataDir, template });
    try {
      const other = await openInAnotherProcess(dataDir);
      expect(other).toMatchObject({ opened: false, code: 'data-dir-locked' });
    } finally {
      await owner.close();
    }
    expect(await openInAnotherProcess(dataDir)).toMatchObject({ opened: true });
  }, 90_000);

  it('takes over a lock left by a process that died', async () => {
    const lock = join(dataDir, 'engine.lock');
    await mkdir(lock);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lock, longAgo, longAgo);
    const client = await PgliteClient.open({ dataDir, template, lockWaitMs: 0 });
    await client.close();
  }, 60_000);

  it('says in the log that it waits for a lock a process that died left recently, and again when it has the folder', async () => {
    const lock = join(dataDir, 'engine.lock');
    await mkdir(lock);
    // refreshed 28.5 s ago by a process that then died: stale 1.5 s from now
    const recently = new Date(Date.now() - 28_500);
    await utimes(lock, recently, recently);
    const said: string[] = [];
    const started = Date.now();
    const client = await PgliteClient.open({ dataDir, template, onLockWait: (message) => said.push(message) });
    await client.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(/^The data folder .* is locked \(.*engine\.lock, refreshed 28\.\d s ago\): .* Waiting up to 32 s: .* expires 30 s after its last refresh\.$/);
    expect(said[1]).toMatch(/^Took the lock on .* after waiting \d+\.\d s: opening the embedded store$/);
  }, 60_000);

  it('says nothing when the folder is free', async () => {
    const said: string[] = [];
    const client = await PgliteClient.open({ dataDir, template, onLockWait: (message) => said.push(message) });
    await client.close();
    expect(said).toEqual([]);
  }, 60_000);
});
