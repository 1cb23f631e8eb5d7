// The cost of the worst bad requests we could build: each is sent to the engine (its own process, as bench:api
// starts it), and we report the time to the answer, the answer's size and how much the process's peak resident set
// (VmHWM) grew. A bad body must cost milliseconds and kilobytes. Usage: npm run bench:bad-input [-- --repeat 3]
import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Authenticator } from '../../apps/api/src/auth/authenticator.js';
import { report, timed, type Row } from '../support/report.js';

const { values: args } = parseArgs({ options: { repeat: { type: 'string', default: '3' } } });
const REPEAT = Number(args.repeat);
const SECRET = 'bench-secret-that-is-at-least-32-characters';

/** The largest count of `{},` that stays under the 1 MiB body limit with the rest of the body. */
const EMPTY_OBJECTS = 340_000;
const many = (count: number, item: string) => `[${Array.from({ length: count }, () => item).join(',')}]`;

const peakKb = async (pid: number): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)![1]);
};

const dataDir = await mkdtemp(join(tmpdir(), 'bench-bad-input-'));
const child = spawn(process.execPath, ['--no-warnings', '--import', '@swc-node/register/esm-register', 'bench/api/serve.ts'], {
  env: {
    ...process.env,
    EVENT_STORE: 'pglite',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    AUTH_JWT_SECRET: SECRET,
    SEED_ON_EMPTY: 'false',
    NODE_ENV: 'production',
    ADMIN_INITIAL_PASSWORD: 'Bench-Admin-Initial-1',
    RUN_REMINDERS: 'false',
    BENCH_USERS: JSON.stringify([
      { id: 'bench-director', role: 'kindergarten', kindergartenId: 'bench-kg' },
      { id: 'bench-department', role: 'department', unitId: 'bench-unit' },
    ]),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise<string>((resolve, reject) => {
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const match = /READY (\S+)/.exec(output);
    if (match) resolve(`${match[1]!}/api/v1`);
  });
  child.on('exit', (code) => reject(new Error(`engine exited with ${code}`)));
});

const auth = new Authenticator(SECRET);
const director = auth.sign({ sub: 'bench-director', role: 'kindergarten', kindergartenId: 'bench-kg' });
const department = auth.sign({ sub: 'bench-department', role: 'department', unitId: 'bench-unit' });

const requests: Array<{ name: string; path: string; token: string; body: string }> = [
  {
    name: `POST /rectifications/{id}/reports, actions: ${EMPTY_OBJECTS.toLocaleString('en-US')} × {}`,
    path: '/rectifications/rc-bench/reports',
    token: director,
    body: `{"summary":"x","evidence":[],"actions":${many(EMPTY_OBJECTS, '{}')}}`,
  },
  {
    name: `POST /rectifications/{id}/reports, evidence: 120,000 × {"a":1}`,
    path: '/rectifications/rc-bench/reports',
    token: director,
    body: `{"summary":"x","actions":[],"evidence":${many(120_000, '{"a":1}')}}`,
  },
  {
    // the worst we found that passes the caps on array and object sizes: each element is checked and has 99 unknown fields
    name: 'POST /rectifications/{id}/reports, actions: 256 × {31 unknown fields}',
    path: '/rectifications/rc-bench/reports',
    token: director,
    body: `{"summary":"x","evidence":[],"actions":${many(256, JSON.stringify(Object.fromEntries(Array.from({ length: 31 }, (_, n) => [`k${n}`, 1]))))}}`,
  },
  {
    name: `POST /monthly-reports, items: ${EMPTY_OBJECTS.toLocaleString('en-US')} × {}`,
    path: '/monthly-reports',
    token: department,
    body: `{"period":"2025-03","items":${many(EMPTY_OBJECTS, '{}')}}`,
  },
];

const rows: Row[] = [];
try {
  for (const request of requests) {
    for (let run = 1; run <= REPEAT; run++) {
      const before = await peakKb(child.pid!);
      const { result, seconds } = await timed(async () => {
        const response = await fetch(`${base}${request.path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${request.token}`, 'content-type': 'application/json' },
          body: request.body,
        });
        return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
      });
      const after = await peakKb(child.pid!);
      const workload = `${request.name} (${(request.body.length / 1024).toFixed(0)} KiB body), run ${run}`;
      console.log(
        `${workload}: ${result.status}, ${(seconds * 1000).toFixed(0)} ms, answer ${result.bytes.toLocaleString('en-US')} bytes, peak RSS ${(before / 1024).toFixed(0)} → ${(after / 1024).toFixed(0)} MB`,
      );
      rows.push({
        workload,
        subject: `answer ${result.status}, ${result.bytes.toLocaleString('en-US')} bytes`,
        value: seconds * 1000,
        unit: 'ms',
        lowerIsBetter: true,
      });
      rows.push({ workload, subject: 'peak RSS growth of the engine (VmHWM)', value: (after - before) / 1024, unit: 'MB', lowerIsBetter: true });
    }
  }
} finally {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  await rm(dataDir, { recursive: true, force: true });
}
await report('bad-input', rows, { repeat: REPEAT });
