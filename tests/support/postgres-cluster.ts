import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A port nobody listens on right now. */
export const freePort = async (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const binaries = (): string => {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root)
    ? readdirSync(root)
        .filter((entry) => existsSync(join(root, entry, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (!version) throw new Error(`no PostgreSQL server binaries under ${root}`);
  return join(root, version, 'bin');
};

/** PostgreSQL refuses to run as root: the cluster belongs to an unprivileged user when the tests run as root. */
const OWNER = 'postgres';
const asOwner = async (command: string, args: string[]): Promise<{ stdout: string }> =>
  process.getuid?.() === 0 ? run('runuser', ['-u', OWNER, '--', command, ...args]) : run(command, args);

/**
 * A PostgreSQL cluster of the test's own (initdb, pg_ctl) on a free port, in a temporary folder: it can be stopped,
 * frozen and have its backends killed without touching anyone else's database.
 */
export class PostgresCluster {
  private constructor(
    readonly port: number,
    private readonly folder: string,
    private readonly bin: string,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return join(this.folder, 'data');
  }

  /** Creates the cluster (not started). */
  static async create(): Promise<PostgresCluster> {
    const folder = await mkdtemp(join(tmpdir(), 'pg-cluster-'));
    if (process.getuid?.() === 0) {
      const { stdout } = await run('id', ['-u', OWNER]);
      const { stdout: group } = await run('id', ['-g', OWNER]);
      await chown(folder, Number(stdout.trim()), Number(group.trim()));
    }
    const cluster = new PostgresCluster(await freePort(), folder, binaries());
    await asOwner(join(cluster.bin, 'initdb'), ['-D', cluster.dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    return cluster;
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
    await asOwner(join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-o', options, '-l', join(this.folder, 'server.log'), '-w', '-t', '30', 'start']);
  }

  /** Stops the server at once (`immediate`: every connection is cut, as when the machine goes away). */
  async stop(mode: 'immediate' | 'fast' = 'immediate'): Promise<void> {
    await asOwner(join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
  }

  /** The server's process and its backends. */
  async processes(): Promise<number[]> {
    const postmaster = Number((await readFile(join(this.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const { stdout } = await run('ps', ['-o', 'pid=', '--ppid', String(postmaster)]);
    return [
      postmaster,
      ...stdout
        .split('\n')
        .map((line) => Number(line.trim()))
        .filter((pid) => pid > 0),
    ];
  }

  /** SIGSTOP to the server and every backend: connections stay open, nothing answers. */
  async freeze(): Promise<void> {
    for (const pid of await this.processes()) process.kill(pid, 'SIGSTOP');
  }

  async thaw(): Promise<void> {
    for (const pid of await this.processes()) process.kill(pid, 'SIGCONT');
  }

  /** Runs SQL through psql as the superuser; returns its unaligned output. */
  async sql(text: string): Promise<string> {
    const { stdout } = await run(join(this.bin, 'psql'), ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', '-d', 'postgres', '-XAtq', '-c', text]);
    return stdout.trim();
  }

  async destroy(): Promise<void> {
    await this.thaw().catch(() => undefined);
    await this.stop().catch(() => undefined);
    await rm(this.folder, { recursive: true, force: true });
  }
}
