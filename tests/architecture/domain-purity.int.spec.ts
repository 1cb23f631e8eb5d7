import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const hook = new URL('./record-resolutions.hook.mjs', import.meta.url).href;

/** The pure entry points: importing one must load nothing but domain code, the kernel and pure packages. */
const PURE_ENTRIES = [
  '@app/event-sourcing',
  '@app/calendar/domain',
  '@app/kindergartens/domain',
  '@app/users/domain',
  '@app/inspections/domain',
  '@app/rectifications/domain',
  '@app/enrolment/domain',
  '@app/plan-supervision/domain',
  '@app/notifications/domain',
];

const IMPURE_PACKAGES = [
  '@nestjs/',
  'class-validator',
  'class-transformer',
  'pg',
  'pg-pool',
  '@electric-sql/pglite',
  '@eventstore/',
  'bullmq',
  'ioredis',
  'nodemailer',
  'pino',
  'chinese-days',
  'proper-lockfile',
];

/** Every module URL a fresh Node process resolves while importing `entry` (through the project's own TypeScript loader). */
const loadedBy = async (entry: string): Promise<string[]> => {
  const probe = `
    import { register } from 'node:module';
    import { MessageChannel } from 'node:worker_threads';
    const { port1, port2 } = new MessageChannel();
    const urls = new Set();
    port1.on('message', (url) => urls.add(url));
    register(${JSON.stringify(hook)}, { data: { port: port2 }, transferList: [port2] });
    await import(${JSON.stringify(entry)});
    await new Promise((done) => setTimeout(done, 200));
    console.log(JSON.stringify([...urls]));
    process.exit(0);
  `;
  const { stdout } = await run(process.execPath, ['--no-warnings', '--import', '@swc-node/register/esm-register', '--input-type=module', '--eval', probe], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as string[];
};

const inProject = (url: string): string | undefined => (url.startsWith(`file://${root}`) ? url.slice(`file://${root}`.length) : undefined);
const packageOf = (url: string): string | undefined => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];

describe('Pure domain entry points', () => {
  it.each(PURE_ENTRIES)('%s loads no framework, database, queue or adapter code', async (entry) => {
    const urls = await loadedBy(entry);
    const ownFiles = urls.map(inProject).filter((path): path is string => path !== undefined && !path.startsWith('node_modules/'));
    // the probe saw the entry's own files: a hook that saw nothing would prove nothing
    expect(ownFiles.some((path) => path.endsWith('index.ts'))).toBe(true);
    const impureFiles = ownFiles.filter((path) => !/^libs\/[a-z-]+\/src\/domain\//.test(path) && !/^libs\/event-sourcing\/src\/(?!testing\/)/.test(path));
    expect(impureFiles).toEqual([]);
    const packages = [...new Set(urls.map(packageOf).filter((name): name is string => name !== undefined))];
    const impure = packages.filter((name) => IMPURE_PACKAGES.some((banned) => (banned.endsWith('/') ? name.startsWith(banned) : name === banned)));
    expect(impure).toEqual([]);
  }, 60_000);

  it('a barrel that reaches Nest is seen as such (the probe can fail)', async () => {
    const urls = await loadedBy('@app/calendar');
    expect(urls.map(packageOf)).toContain('@nestjs/common');
  }, 60_000);
});
