// The embedded default as `npm start` runs it (PGlite in DATA_DIR, API, projections and reminders in one process):
// time to listening, RSS once idle, and the first requests' latency, for each buffer cache size given, in alternating runs.
// Usage: npm run bench:embedded [-- --buffers 128MB,8MB --runs 2 --idle 10]
import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Authenticator } from '../../apps/api/src/auth/authenticator.js';
import { report, type Row } from '../support/report.js';

const { values: args } = parseArgs({
  options: {
    buffers: { type: 'string', default: '128MB,8MB' },
    runs: { type: 'string', default: '2' },
    idle: { type: 'string', default: '10' },
  },
});
const SECRET = 'bench-secret-that-is-at-least-32-characters';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const memory = async (pid: number): Promise<{ rss: number; peak: number }> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
};

const timedFetch = async (url: string, init: RequestInit = {}) => {
  const start = performance.now();
  const response = await fetch(url, init);
  await response.text();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - start;
};

const once = async (buffers: string) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-embedded-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'apps/api/src/main.ts'], {
    env: { ...process.env, EVENT_STORE: 'pglite', DATA_DIR: dataDir, PORT: String(port), AUTH_JWT_SECRET: SECRET, PGLITE_SHARED_BUFFERS: buffers },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/listening on http/.test(output)) resolve();
      });
      child.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output.slice(-2000)}`)));
    });
    const listening = performance.now() - started;
    await sleep(Number(args.idle) * 1000);
    const idle = await memory(child.pid!);
    const base = `http://127.0.0.1:${port}/api/v1`;
    const admin = new Authenticator(SECRET).sign({ sub: 'bench-admin', role: 'admin' });
    const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const firstRead = await timedFetch(`${base}/kindergartens`, { headers });
    const firstCommand = await timedFetch(`${base}/kindergartens`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ id: `bench-${port}`, name: '基准测试幼儿园', township: '城关镇', ownership: 'public' }),
    });
    const after = await memory(child.pid!);
    return { listening, idle, firstRead, firstCommand, after };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
};

const sizes = args.buffers!.split(',');
const results = new Map<string, Awaited<ReturnType<typeof once>>[]>(sizes.map((size) => [size, []]));
for (let run = 0; run < Number(args.runs); run++) for (const size of sizes) results.get(size)!.push(await once(size));

const rows: Row[] = [];
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const [first] = sizes;
for (const [size, runs] of results) {
  const figure = (workload: string, unit: string, pick: (r: (typeof runs)[number]) => number, lowerIsBetter = true) =>
    rows.push({
      workload,
      subject: `PGLITE_SHARED_BUFFERS=${size}`,
      value: median(runs.map(pick)),
      unit,
      lowerIsBetter,
      ...(size !== first ? { baseline: { subject: first!, value: median(results.get(first!)!.map(pick)) } } : {}),
    });
  figure('start to listening (seeded on first start)', 'ms', (r) => r.listening);
  figure(`RSS idle ${args.idle} s after listening`, 'MB', (r) => r.idle.rss);
  figure('peak RSS (VmHWM) up to then', 'MB', (r) => r.idle.peak);
  figure('first GET /kindergartens', 'ms', (r) => r.firstRead);
  figure('first POST /kindergartens', 'ms', (r) => r.firstCommand);
  figure('RSS after the first requests', 'MB', (r) => r.after.rss);
}
await report('embedded', rows, { runs: Number(args.runs), idleSeconds: Number(args.idle) });
