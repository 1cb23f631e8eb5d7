import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadSettings } from '@app/config';
import { PostgresTestDatabase } from '@app/sql/testing';
import { createApp } from '../app.js';

const describeHealth = (name: string, env: () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }>) =>
  describe(`health (${name})`, () => {
    let app: NestFastifyApplication;
    let base: string;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      const prepared = await env();
      cleanup = prepared.cleanup;
      app = await createApp(loadSettings({ LOG_LEVEL: 'silent', PORT: '0', ...prepared.env }));
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = await app.getUrl();
    });

    afterAll(async () => {
      await app.close();
      await cleanup();
    });

    it('is live', async () => {
      const response = await fetch(`${base}/health/live`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok' });
    });

    it('is ready when the store and Redis answer, with a correlation id on the response', async () => {
      const response = await fetch(`${base}/health/ready`, { headers: { 'x-correlation-id': 'check-1' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-correlation-id')).toBe('check-1');
      expect(await response.json()).toMatchObject({ status: 'ok', details: { eventStore: { status: 'up' }, redis: { status: 'up' } } });
    });
  });

describeHealth('embedded store', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'health-'));
  return { env: { DATA_DIR: dataDir }, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
});

describeHealth('postgres store', async () => {
  const database = PostgresTestDatabase.create(4);
  const schema = database.newSchema('health');
  return {
    env: {
      EVENT_STORE: 'postgres',
      DATABASE_URL: process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      DATABASE_SCHEMA: schema,
    },
    cleanup: () => database.close(),
  };
});

describe('health when Redis is unreachable', () => {
  let app: NestFastifyApplication;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'health-'));
    app = await createApp(loadSettings({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:1' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stays live but is not ready', async () => {
    const base = await app.getUrl();
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'error', details: { eventStore: { status: 'up' }, redis: { status: 'down' } } });
  });
});
