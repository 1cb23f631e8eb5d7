// Prints the engine's OpenAPI document (as /docs-json serves it) without listening: the console's API types are made from it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '@app/config';
import { createApp } from '../../app.js';
import { openApiDocument } from './openapi.js';

const dataDir = await mkdtemp(join(tmpdir(), 'openapi-document-'));
try {
  const app = await createApp(
    loadSettings({ NODE_ENV: 'test', LOG_LEVEL: 'silent', EVENT_STORE: 'pglite', DATA_DIR: dataDir, SEED_ON_EMPTY: 'false', RUN_REMINDERS: 'false' }),
  );
  const document = openApiDocument(app);
  await app.close();
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
