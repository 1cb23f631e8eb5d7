import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { API_TYPES_FILE, renderApiTypes } from '../../apps/console/tools/api-types.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the console’s API types', () => {
  it('are those of the engine’s own OpenAPI document (else run npm run console:api)', async () => {
    // the document as npm run console:api makes it, in a plain Node process (under jest, @nestjs/terminus documents less)
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--no-warnings', '--import', '@swc-node/register/esm-register', 'apps/api/src/http/openapi/print-document.ts'],
      { cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 64 * 1024 * 1024 },
    );
    const document = JSON.parse(stdout) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain('/api/v1/public/notices');
    const committed = await readFile(API_TYPES_FILE, 'utf8');
    expect(committed === (await renderApiTypes(document)) ? 'up to date' : 'out of date: run npm run console:api').toBe('up to date');
  }, 120_000);
});
