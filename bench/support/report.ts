import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Row {
  readonly workload: string;
  readonly subject: string;
  readonly value: number;
  readonly unit: string;
  /** Whether a smaller value is better (times); the ratio is then baseline / value, so above 100 % is faster than baseline. */
  readonly lowerIsBetter?: boolean;
  readonly baseline?: { readonly subject: string; readonly value: number };
}

export const timed = async <T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> => {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
};

const format = (value: number): string => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2));

/** Prints figures with their baselines side by side and keeps a JSON copy in bench/results/. */
export const report = async (name: string, rows: readonly Row[], notes: Record<string, unknown> = {}): Promise<void> => {
  console.log(`\n${name} — ${new Date().toISOString()} — node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`);
  console.table(
    rows.map((row) => ({
      workload: row.workload,
      subject: row.subject,
      [`value`]: `${format(row.value)} ${row.unit}`,
      baseline: row.baseline ? `${format(row.baseline.value)} ${row.unit} (${row.baseline.subject})` : '',
      'speed vs baseline': row.baseline
        ? `${((row.lowerIsBetter ? row.baseline.value / row.value : row.value / row.baseline.value) * 100).toFixed(0)} %`
        : '',
    })),
  );
  const dir = join(process.cwd(), 'bench', 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${name}-${Date.now()}.json`), JSON.stringify({ name, at: new Date().toISOString(), notes, rows }, null, 2));
};
