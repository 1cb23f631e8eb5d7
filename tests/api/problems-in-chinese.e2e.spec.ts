// Issue 12, "Errors in Chinese": with Accept-Language preferring zh, a problem's title, detail and every
// errors[].message are Chinese; code never changes; English otherwise; Vary: Accept-Language on every problem.
import { readdir, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { Settings } from '@app/config';
import { PROBLEM_TEXTS } from '../../apps/api/src/http/problems/problem-texts.js';
import { ZH_CONSTRAINTS } from '../../apps/api/src/http/validation/validation-messages.js';
import { freshId, startTestApp, type Reply, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ZH = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
const EN = { 'accept-language': 'en-US,en;q=0.9' };
const HAN = /\p{Script=Han}/u;

/** Every `.ts` file under `folder` that is engine code (no tests, no test kits). */
const engineSources = async (folder: string): Promise<string[]> =>
  (await readdir(folder, { recursive: true }))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !/\.spec\.ts$/.test(file) && !/(^|\/)testing\//.test(file))
    .map((file) => join(folder, file));

/** The codes the engine's source can answer with: domain refusals and the edge's own problems. */
const codesInSource = async (): Promise<Map<string, string>> => {
  const found = new Map<string, string>();
  const raised =
    /(?:new (?:ConflictError|RuleViolationError|NotFoundError|AccountRefusal)|\bproblem|ProblemError\.of)\(\s*(?:\d{3},\s*)?'([a-z0-9]+(?:-[a-z0-9]+)*)'/g;
  for (const file of [...(await engineSources(join(root, 'apps'))), ...(await engineSources(join(root, 'libs')))]) {
    for (const match of (await readFile(file, 'utf8')).matchAll(raised)) if (!found.has(match[1]!)) found.set(match[1]!, relative(root, file));
  }
  return found;
};

/** The codes the OpenAPI document says each route can answer with (`code`, in the problem responses' descriptions). */
const codesInDocument = (document: any): Map<string, string> => {
  const found = new Map<string, string>();
  for (const [path, operations] of Object.entries<any>(document.paths)) {
    for (const [method, operation] of Object.entries<any>(operations)) {
      for (const [status, response] of Object.entries<any>(operation.responses ?? {})) {
        if (!response.content?.['application/problem+json']) continue;
        // the `Problems` decorator writes `when — code, code`: the codes follow the last dash
        for (const match of (
          String(response.description ?? '')
            .split(' — ')
            .at(-1) ?? ''
        ).matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)*)`/g)) {
          if (!found.has(match[1]!)) found.set(match[1]!, `${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
  }
  return found;
};

/** One raw HTTP/1.1 exchange, for what Node's parser refuses before Fastify sees a request. */
const rawExchange = (url: string, request: string): Promise<{ status: number; headers: string; body: string }> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    let received = '';
    const timer = setTimeout(() => socket.destroy(), 5000);
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      const [head = '', body = ''] = received.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body });
    });
    socket.write(request);
  });

describe('problems in Chinese', () => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  let document: any;

  beforeAll(async () => {
    app = await startTestApp('pglite', { PUBLIC_RATE_LIMIT_PER_MINUTE: '2' });
    steps = workflow(app);
    document = (await app.call('GET', `${app.url.replace(/\/api\/v1$/, '')}/docs-json`)).body;
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('every code and every validation rule has its Chinese text', () => {
    it('each code the source raises or the OpenAPI document lists has a line in PROBLEM_TEXTS (the list names the ones missing)', async () => {
      const codes = new Map([...codesInDocument(document), ...(await codesInSource())]);
      expect(codes.size).toBeGreaterThan(40);
      const missing = [...codes].filter(([code]) => !PROBLEM_TEXTS[code]).map(([code, where]) => `${code} (${where})`);
      expect(missing).toEqual([]);
    });

    it('each Chinese title and detail is Chinese', () => {
      const notChinese = Object.entries(PROBLEM_TEXTS)
        .filter(([, [title, detail]]) => !HAN.test(title) || !HAN.test(typeof detail === 'string' ? detail : detail({})))
        .map(([code]) => code);
      expect(notChinese).toEqual([]);
    });

    it('each constraint a DTO uses has a Chinese message, or gives one in context.zh', () => {
      const metadatas = [...(getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, any[]> }).validationMetadatas]
        .filter(([target]) => target !== Settings)
        .flatMap(([, list]) => list);
      expect(metadatas.length).toBeGreaterThan(50);
      const missing = metadatas
        .filter((metadata) => metadata.type !== 'conditionalValidation' && metadata.type !== 'nestedValidation')
        .filter((metadata) => !ZH_CONSTRAINTS[metadata.name ?? metadata.type] && typeof metadata.context?.zh !== 'string')
        .map((metadata) => `${metadata.name ?? metadata.type} on ${metadata.target.name}.${metadata.propertyName}`);
      expect(missing).toEqual([]);
    });
  });

  /** The same request in both languages: same status and code, English and Chinese texts, Vary on both. */
  const both = async (request: (headers: Record<string, string>) => Promise<Reply>, status: number, code: string) => {
    const en = await request(EN);
    const zh = await request(ZH);
    for (const reply of [en, zh]) {
      expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(reply.headers.get('vary')).toMatch(/accept-language/i);
    }
    expect([en.headers.get('content-language'), zh.headers.get('content-language')]).toEqual(['en', 'zh']);
    expect(HAN.test(en.body.title) || HAN.test(en.body.detail)).toBe(false);
    expect(zh.body.title).toBe(PROBLEM_TEXTS[code]![0]);
    expect(zh.body.detail).toMatch(HAN);
    expect(zh.body.type).toBe(en.body.type);
    return { en: en.body, zh: zh.body };
  };

  it('400 from DTO validation: each field keeps its name, its message is Chinese', async () => {
    const kindergarten = await steps.registerKindergarten();
    const body = { kindergartenId: kindergarten.id, kind: 'weekly', year: 2200, scheduledOn: '2025-02-30', extra: 1 };
    const { en, zh } = await both(
      (headers) => app.call('POST', '/inspections', { token: steps.supervisor, body, headers }),
      400,
      'validation-failed',
    );
    const fields = (problem: any) => problem.errors.map((error: { field: string }) => error.field);
    expect(fields(zh)).toEqual(fields(en));
    expect(new Set(fields(zh))).toEqual(new Set(['kind', 'year', 'scheduledOn', 'extra']));
    const byField = Object.fromEntries(zh.errors.map((error: { field: string; message: string }) => [error.field, error.message]));
    expect(byField).toEqual({
      kind: 'kind 必须是以下值之一：annual、safety、quality、follow-up',
      year: 'year 不能大于 2100',
      scheduledOn: 'scheduledOn 必须是存在的日期 YYYY-MM-DD，年份在 2000–2100 之间',
      extra: 'extra 是未知字段，不应出现',
    });
    for (const error of en.errors) expect(error.message).not.toMatch(HAN);
  });

  it('400 deep in a body and from a DTO rule with its own message', async () => {
    const { kindergarten, inspection, codes } = await steps.failedInspection(['S-01']);
    const send = (deadline: object) => (headers: Record<string, string>) =>
      app.call('POST', '/rectifications', {
        token: steps.supervisor,
        body: { kindergartenId: kindergarten.id, inspectionId: inspection.id, findingCodes: codes, deadline, publish: true },
        headers,
      });
    const deep = await both(send({ workingDays: 91 }), 400, 'validation-failed');
    expect(deep.zh.errors).toEqual([{ field: 'deadline.workingDays', message: 'workingDays 不能大于 90' }]);
    expect(deep.en.errors).toEqual([{ field: 'deadline.workingDays', message: 'workingDays must not be greater than 90' }]);
    const both2 = await both(send({ workingDays: 5, dueAt: '2099-01-01T00:00:00Z' }), 400, 'validation-failed');
    expect(both2.zh.errors).toContainEqual({ field: 'deadline.workingDays', message: 'deadline 只能给出 workingDays 或 dueAt 之一' });
  });

  it('400 for a body that is not JSON, has a control character, or is sent where none is taken', async () => {
    const notJson = await both(
      (headers) =>
        app.call('POST', '/inspections', { token: steps.supervisor, raw: '{"kind":', headers: { ...headers, 'content-type': 'application/json' } }),
      400,
      'validation-failed',
    );
    expect(notJson.zh.errors).toEqual([{ field: '', message: '请求体不是有效的 JSON' }]);
    const control = await both(
      (headers) =>
        app.call('POST', '/kindergartens', {
          token: steps.admin,
          body: { id: freshId(), name: 'a\u0007b', township: '城关镇', ownership: 'public' },
          headers,
        }),
      400,
      'validation-failed',
    );
    expect(control.zh.errors).toEqual([{ field: 'name', message: 'name 含有控制字符' }]);
    const { notice, director } = await steps.issuedCase({ codes: ['S-01'] });
    const noBody = await both(
      (headers) => app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director, body: {}, headers }),
      400,
      'validation-failed',
    );
    expect(noBody.zh.errors).toEqual([{ field: '', message: '此请求不接受请求体' }]);
  });

  it('401, 403, a 404 of a resource and of a route', async () => {
    await both((headers) => app.call('GET', '/kindergartens', { headers }), 401, 'unauthenticated');
    await both((headers) => app.call('POST', '/inspections', { token: app.token('auditor'), body: {}, headers }), 403, 'forbidden');
    await both((headers) => app.call('GET', `/kindergartens/${freshId()}`, { token: steps.admin, headers }), 404, 'not-found');
    await both((headers) => app.call('GET', '/no-such-route', { token: steps.admin, headers }), 404, 'not-found');
  });

  it('409 and 422 from the domain, with what they name filled in; 412 for a moved stream', async () => {
    const kindergarten = await steps.registerKindergarten();
    const again = { id: kindergarten.id, name: '重复登记', township: '城关镇', ownership: 'public' };
    const exists = await both(
      (headers) => app.call('POST', '/kindergartens', { token: steps.admin, body: again, headers }),
      409,
      'kindergarten-exists',
    );
    expect(exists.zh.detail).toBe('该编号的幼儿园已经登记');
    const { kindergarten: failed, inspection } = await steps.failedInspection(['S-01']);
    const unknownFinding = await both(
      (headers) =>
        app.call('POST', '/rectifications', {
          token: steps.supervisor,
          body: {
            kindergartenId: failed.id,
            inspectionId: inspection.id,
            findingCodes: ['S-01', 'Q-09'],
            deadline: { workingDays: 5 },
            publish: true,
          },
          headers,
        }),
      422,
      'unknown-finding',
    );
    expect(unknownFinding.zh.detail).toBe('所引用的问题编号不在检查或通知中：Q-09');
    expect(unknownFinding.zh.codes).toEqual(['Q-09']);
    const { notice, director } = await steps.issuedCase({ codes: ['S-01'] });
    await both(
      (headers) => app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director, headers: { ...headers, 'if-match': '"99"' } }),
      412,
      'version-mismatch',
    );
  });

  it('413 and 415 from Fastify, 429 from the rate limit', async () => {
    await both(
      (headers) => app.call('POST', '/kindergartens', { token: steps.admin, body: { padding: 'x'.repeat(1024 * 1024 + 1) }, headers }),
      413,
      'payload-too-large',
    );
    await both(
      (headers) => app.call('POST', '/kindergartens', { token: steps.admin, raw: 'id=1', headers: { ...headers, 'content-type': 'text/plain' } }),
      415,
      'unsupported-media-type',
    );
    let limited: Reply | undefined;
    for (let attempt = 0; attempt < 5 && limited?.status !== 429; attempt++) limited = await app.call('GET', '/public/notices', { headers: ZH });
    expect(limited!.status).toBe(429);
    expect(limited!.body).toMatchObject({ code: 'rate-limited', title: '请求过于频繁' });
    expect(limited!.headers.get('vary')).toMatch(/accept-language/i);
    const english = await app.call('GET', '/public/notices');
    expect(english.body).toMatchObject({ code: 'rate-limited', title: 'Too many requests' });
  });

  it('431 on the raw socket, in the language of the headers Node kept', async () => {
    const request = (language: string) =>
      rawExchange(app.url, `GET /api/v1/kindergartens HTTP/1.1\r\nHost: x\r\nAccept-Language: ${language}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    const zh = await request('zh-CN');
    expect(zh.status).toBe(431);
    expect(zh.headers).toMatch(/vary: accept-language/i);
    expect(zh.headers).toMatch(/content-language: zh/i);
    expect(JSON.parse(zh.body)).toMatchObject({ status: 431, code: 'headers-too-large', title: '请求头过大' });
    const en = await request('en');
    expect(JSON.parse(en.body)).toMatchObject({ status: 431, code: 'headers-too-large', title: 'The request headers are too large' });
  });

  it('no Accept-Language, or one preferring another language, answers in English', async () => {
    for (const headers of [{}, { 'accept-language': 'fr-FR, de;q=0.9' }, { 'accept-language': 'zh;q=0, en;q=0.5' }] as Record<string, string>[]) {
      const reply = await app.call('GET', '/kindergartens', { headers });
      expect(reply.body).toMatchObject({ code: 'unauthenticated', title: 'Authentication required' });
    }
  });
});
