import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEngine, type EngineProcess } from '../support/engine-process.js';
import { PostgresCluster } from '../support/postgres-cluster.js';
import { stopAllChildren } from '../support/worker-process.js';

describe('the engine started while PostgreSQL is down', () => {
  let cluster: PostgresCluster;
  let engine: EngineProcess;

  beforeAll(async () => {
    cluster = await PostgresCluster.create();
  }, 60_000);

  afterAll(async () => {
    await engine?.run.stop();
    await stopAllChildren();
    await cluster?.destroy();
  }, 60_000);

  it('waits for it with backoff, saying so in the log, and starts once it answers', async () => {
    engine = await startEngine({ EVENT_STORE: 'postgres', DATABASE_URL: cluster.url, DATABASE_SCHEMA: 'engine' });
    await engine.run.waitForLog(/^PostgreSQL is unavailable: connect ECONNREFUSED .*; waiting for it, next attempt in \d+\.\d s$/, 60_000);
    // the pauses grow: a second attempt, then a longer wait
    await engine.run.waitForLog(/next attempt in 1\.0 s$/, 10_000);
    await sleep(1_000);
    expect(engine.alive()).toBe(true);

    await cluster.start();
    await engine.listening();
    expect(engine.run.messages().some((message) => /^PostgreSQL answers after \d+ failed attempt\(s\): starting$/.test(message))).toBe(true);
    const id = `kg-${randomUUID().slice(0, 12)}`;
    const admin = engine.token('admin');
    await engine.usersReady();
    const response = await fetch(`${engine.url}/kindergartens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id, name: `测试幼儿园 ${id}`, township: '城关镇', ownership: 'public' }),
    });
    expect(response.status).toBe(201);
    expect((await fetch(`${engine.root}/health/ready`)).status).toBe(200);
  }, 60_000);
});
