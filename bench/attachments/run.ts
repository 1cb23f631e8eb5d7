// Evidence and documents: upload throughput of 20 MiB files next to writing the same bytes with fs, the engine's peak
// RSS while 10 uploads of 20 MiB run at once, and the time to generate a bulletin .docx and a 20,000-row .xlsx.
// Usage: npm run bench:attachments [-- --uploads 5]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { streamWorkbook, type Cell } from '@app/documents';
import { Authenticator } from '../../apps/api/src/auth/authenticator.js';
import { report, timed, type Row } from '../support/report.js';

const { values: args } = parseArgs({ options: { uploads: { type: 'string', default: '5' } } });
const UPLOADS = Number(args.uploads);
const SIZE = 20 * 1024 * 1024;
const SECRET = 'bench-secret-that-is-at-least-32-characters';

const status = async (pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number> =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(await readFile(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** A JPEG header followed by random bytes up to just under 20 MiB (the limit), different for each seed. */
const photo = async (): Promise<Buffer> => {
  const head = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
  return Buffer.concat([head, randomBytes(SIZE - head.length - 1024)]);
};

const dataDir = await mkdtemp(join(tmpdir(), 'bench-attachments-'));
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
    HTTP_REQUEST_TIMEOUT_MS: '300000',
    // every caller is a registered user: the tokens below name these
    BENCH_USERS: JSON.stringify([
      { id: 'bench-director', role: 'kindergarten', kindergartenId: 'bench-kg' },
      { id: 'bench-supervisor', role: 'supervisor' },
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
const supervisor = auth.sign({ sub: 'bench-supervisor', role: 'supervisor' });

const upload = async (bytes: Buffer): Promise<number> => {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), '整改照片.jpg');
  const response = await fetch(`${base}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${director}` }, body: form });
  await response.arrayBuffer();
  if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
  return bytes.length;
};

const rows: Row[] = [];
try {
  const files = await Promise.all(Array.from({ length: UPLOADS }, photo));
  const mib = (UPLOADS * SIZE) / 2 ** 20;
  await upload(await photo()); // warm-up: the first upload loads sharp and file-type
  const http = await timed(async () => {
    for (const bytes of files) await upload(bytes);
  });
  const folder = await mkdtemp(join(tmpdir(), 'bench-fs-'));
  const fs = await timed(async () => {
    for (const [index, bytes] of files.entries()) await writeFile(join(folder, String(index)), bytes);
  });
  await rm(folder, { recursive: true, force: true });
  rows.push({
    workload: `${UPLOADS} uploads of 20 MiB, one after another`,
    subject: 'POST /attachments (hash, type, thumbnail, blob, event)',
    value: mib / http.seconds,
    unit: 'MiB/s',
    baseline: { subject: 'fs.writeFile of the same bytes', value: mib / fs.seconds },
  });

  const concurrent = await Promise.all(Array.from({ length: 10 }, photo));
  const idle = await status(child.pid!, 'VmRSS');
  // the peak from here on only (not the sequential uploads before): `5` resets the process's VmHWM to its RSS now
  await writeFile(`/proc/${child.pid!}/clear_refs`, '5');
  await Promise.all(concurrent.map(upload));
  const peak = await status(child.pid!, 'VmHWM');
  rows.push({
    workload: '10 uploads of 20 MiB at once',
    subject: `engine peak RSS above its RSS just before them (${idle.toFixed(0)} MB, after the uploads one after another)`,
    value: peak - idle,
    unit: 'MB',
    lowerIsBetter: true,
  });

  const published = await fetch(`${base}/bulletins`, {
    method: 'POST',
    headers: { authorization: `Bearer ${supervisor}`, 'content-type': 'application/json' },
    body: JSON.stringify({ year: 2025, quarter: 4 }),
  });
  if (published.status !== 201) throw new Error(`publishing the bulletin answered ${published.status}`);
  const docx = await timed(async () => {
    for (let run = 0; run < 5; run++)
      await (await fetch(`${base}/bulletins/2025-Q4.docx`, { headers: { authorization: `Bearer ${supervisor}` } })).arrayBuffer();
  });
  rows.push({
    workload: 'GET /bulletins/{id}.docx',
    subject: 'bulletin .docx, over HTTP (mean of 5)',
    value: (docx.seconds / 5) * 1000,
    unit: 'ms',
    lowerIsBetter: true,
  });

  const sheetRows = async function* (): AsyncGenerator<Cell[]> {
    for (let n = 0; n < 20_000; n++) {
      yield [
        `清教督改〔2026〕${n + 1}号`,
        `示例幼儿园${n}`,
        '城关镇',
        '消防通道堆放杂物；午睡室通风不良',
        '已签收',
        '2026年12月3日',
        '2026年12月17日',
        '否',
        0,
        `rc-${n}`,
      ];
    }
  };
  let bytes = 0;
  const xlsx = await timed(() =>
    pipeline(
      streamWorkbook(
        '整改事项',
        Array.from({ length: 10 }, (_, i) => [`列${i + 1}`, 12] as const),
        sheetRows(),
      ),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done();
        },
      }),
    ),
  );
  rows.push({
    workload: '20,000-row .xlsx (the export writer)',
    subject: `streamed, ${(bytes / 2 ** 20).toFixed(1)} MiB`,
    value: xlsx.seconds * 1000,
    unit: 'ms',
    lowerIsBetter: true,
  });
} finally {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  await rm(dataDir, { recursive: true, force: true });
}
await report('attachments', rows, { uploads: UPLOADS });
