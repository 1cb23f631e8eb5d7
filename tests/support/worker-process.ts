import { spawn, type ChildProcess } from 'node:child_process';
import { waitUntil } from './wait.js';

/** The repository's root (jest runs from it). */
export const REPO_ROOT = process.cwd();

/** Node's own flags for a TypeScript entry point run from source, as `npm run start:worker` does. */
const TS_NODE_ARGS = ['--no-warnings', '--import', '@swc-node/register/esm-register'];

/** The environment a child gets: this one without jest's NODE_OPTIONS (vm modules), plus `env`. */
const childEnv = (env: Record<string, string>): NodeJS.ProcessEnv => {
  const { NODE_OPTIONS: _jestOptions, ...rest } = process.env;
  return { ...rest, ...env };
};

export interface ChildRun {
  readonly pid: number;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The `msg` of every JSON log line so far (pino), or the raw lines. */
  messages(): string[];
  /** Waits until a log line matches; returns the match. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code and signal once the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal and waits for the process to end (SIGKILL: a crash). */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, and SIGKILL if it has not ended within 10 s. */
  stop(): Promise<void>;
}

const running = new Set<ChildRun>();

/** Runs a TypeScript entry point of the repository as a child process (`node --import @swc-node/register/esm-register <file>`). */
export const runTs = (file: string, env: Record<string, string>, args: string[] = []): ChildRun => {
  const child: ChildProcess = spawn(process.execPath, [...TS_NODE_ARGS, file, ...args], {
    cwd: REPO_ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    // 'close', not 'exit': by then every byte of its output has been read
    else child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const messages = (): string[] =>
    text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        try {
          const parsed = JSON.parse(line) as { msg?: unknown };
          return typeof parsed.msg === 'string' ? parsed.msg : line;
        } catch {
          return line;
        }
      });
  const run: ChildRun = {
    pid: child.pid!,
    output: () => text,
    messages,
    waitForLog: async (pattern, timeoutMs = 30_000) => {
      let ended = false;
      void exited.then(() => (ended = true));
      return waitUntil(
        () => {
          const found = messages()
            .map((message) => message.match(pattern))
            .find(Boolean);
          if (!found && ended) throw new Error(`process ${child.pid} ended without logging ${pattern}:\n${text.slice(-3_000)}`);
          return found;
        },
        { timeoutMs, intervalMs: 50, what: `a log line matching ${pattern} from process ${child.pid}` },
      );
    },
    exited,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
  running.add(run);
  void exited.then(() => running.delete(run));
  return run;
};

/** Waits for a child to end and returns its exit code and output. */
export const finished = async (run: ChildRun): Promise<{ code: number | null; output: string }> => {
  const { code } = await run.exited;
  return { code, output: run.output() };
};

export interface WorkerEnv {
  /** The API's schema and queue prefix: the worker works on the same store and queues. */
  readonly DATABASE_URL: string;
  readonly DATABASE_SCHEMA: string;
  readonly QUEUE_PREFIX: string;
  readonly AUTH_JWT_SECRET: string;
  readonly [setting: string]: string;
}

/** Starts `apps/worker/src/main.ts` (the projections, the reminder scheduler and the BullMQ workers) on PostgreSQL. */
export const startWorker = (env: WorkerEnv): ChildRun =>
  runTs('apps/worker/src/main.ts', {
    NODE_ENV: 'test',
    EVENT_STORE: 'postgres',
    LOG_LEVEL: 'info',
    SEED_ON_EMPTY: 'false',
    JOB_LOCK_MS: '2000',
    ...env,
  });

/** Starts a worker and waits until its reminder scheduler runs (the reconcile has finished by then). */
export const startedWorker = async (env: WorkerEnv): Promise<ChildRun> => {
  const worker = startWorker(env);
  await worker.waitForLog(/reminder scheduler running/, 60_000);
  return worker;
};

/** Ends every child still running (after a failed test). */
export const stopAllChildren = async (): Promise<void> => {
  await Promise.all([...running].map((run) => run.kill('SIGKILL')));
};
