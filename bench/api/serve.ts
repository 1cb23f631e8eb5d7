// The engine as the API benchmark drives it: a process of its own, printing its URL when ready.
import { loadSettings } from '@app/config';
import { createApp } from '../../apps/api/src/app.js';

const app = await createApp(loadSettings());
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`READY ${await app.getUrl()}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
