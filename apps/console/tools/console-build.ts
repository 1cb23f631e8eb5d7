import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import lockfile from 'proper-lockfile';

const CONSOLE = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(CONSOLE, '../..');
export const CONSOLE_OUT_DIR = join(ROOT, 'dist/console');
const STAMP = join(CONSOLE_OUT_DIR, '.build-stamp');
// what the build depends on: the console's sources, how it is built, and the installed packages
const INPUTS = ['index.html', 'vite.config.ts', 'tsconfig.json', 'src', 'public', 'tools/console-build.ts'];

const filesUnder = async (path: string): Promise<string[]> => {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (!entries) return [path];
  const nested = await Promise.all(entries.map((entry) => filesUnder(join(path, entry.name))));
  return nested.flat();
};

/** A hash of every input of the build: equal stamps, equal builds. */
export const sourcesStamp = async (): Promise<string> => {
  const hash = createHash('sha256');
  const files = (await Promise.all(INPUTS.map((input) => filesUnder(join(CONSOLE, input))))).flat().sort();
  for (const file of [...files, join(ROOT, 'package-lock.json')]) {
    hash
      .update(relative(ROOT, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex');
};

/**
 * Builds the console into dist/console unless the build there was made from the same sources. Concurrent callers
 * (two jest workers, npm start beside a test run) wait for one build.
 */
export const ensureConsoleBuilt = async (log: (line: string) => void = console.log): Promise<{ built: boolean; ms: number }> => {
  const started = performance.now();
  await mkdir(join(ROOT, 'dist'), { recursive: true });
  const release = await lockfile.lock(join(ROOT, 'dist'), {
    lockfilePath: join(ROOT, 'dist/console-build.lock'),
    retries: { retries: 600, minTimeout: 500, maxTimeout: 1000 },
    stale: 60_000,
  });
  try {
    const stamp = await sourcesStamp();
    const built = await readFile(STAMP, 'utf8').catch(() => '');
    if (built === stamp) return { built: false, ms: performance.now() - started };
    log('building the console (dist/console)…');
    const { build } = await import('vite');
    // (vite.config.ts makes every build React's production build, whatever NODE_ENV the caller has)
    await build({ configFile: join(CONSOLE, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
    await writeFile(STAMP, stamp);
    const ms = performance.now() - started;
    log(`console built in ${(ms / 1000).toFixed(1)} s`);
    return { built: true, ms };
  } finally {
    await release();
  }
};
