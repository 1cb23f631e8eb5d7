// The engine as the API benchmark drives it: a process of its own, printing its URL when ready.
import { loadSettings } from '@app/config';
import { createApp } from '../../apps/api/src/app.js';
import { registerBenchUsers, type BenchUser } from '../support/bench-users.js';

const app = await createApp(loadSettings());
await app.listen({ port: 0, host: '127.0.0.1' });
// the callers the benchmark's tokens name (BENCH_USERS, JSON), in the directory before it starts
await registerBenchUsers(app, JSON.parse(process.env['BENCH_USERS'] ?? '[]') as BenchUser[]);
console.log(`READY ${await app.getUrl()}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
