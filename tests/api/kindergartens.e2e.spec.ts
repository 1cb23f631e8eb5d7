import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freshId, startTestApp, type Reply, type StoreKind, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

const expectProblem = (reply: Reply, status: number, code: string): void => {
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
  expect(reply.headers.get('content-type')).toContain('application/problem+json');
};

describe.each<StoreKind>(['pglite', 'postgres'])('townships and kindergartens v1.1 over HTTP (%s)', (kind) => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  let auditor: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    steps = workflow(app);
    auditor = app.token('auditor', { sub: 'zhao', name: '赵审计' });
  });

  afterAll(async () => {
    await app?.close();
  });

  const typesIn = async (streamId: string): Promise<string[]> => (await app.store.readStream(streamId)).map((event) => event.type);
  const register = (body: Record<string, unknown>) => app.call('POST', '/kindergartens', { token: steps.admin, body });
  const update = (id: string, body: object, headers: Record<string, string> = {}) =>
    app.call('PUT', `/kindergartens/${id}`, { token: steps.admin, body, headers });
  const close = (id: string, body: object = { closedOn: '2025-08-31', reason: '办园许可证注销，停止办园' }, headers: Record<string, string> = {}) =>
    app.call('POST', `/kindergartens/${id}/closure`, { token: steps.admin, body, headers });
  const uniqueName = (label = '幼儿园') => `${label}${freshId('n')}`;

  describe('registration', () => {
    it('stores a township given by its registered name as its id, and refuses one the register lacks', async () => {
      const id = freshId('kg');
      const named = await register({ id, name: uniqueName(), township: '宏河镇', ownership: 'private-inclusive' });
      expect(named).toMatchObject({ status: 201, body: { id, township: 'honghe', closed: false, closure: null } });
      const byId = await register({ id: freshId('kg'), name: uniqueName(), township: 'laoniuwan', ownership: 'public' });
      expect(byId.body.township).toBe('laoniuwan');

      const unknown = freshId('kg');
      expectProblem(await register({ id: unknown, name: uniqueName(), township: '不存在乡', ownership: 'public' }), 422, 'unknown-township');
      expect(await typesIn(`kindergarten-${unknown}`)).toEqual([]);
    });

    it('refuses a name another kindergarten has, also spelt with other spaces or widths, writing nothing', async () => {
      const name = uniqueName('同名幼儿园');
      expect((await register({ id: freshId('kg'), name, township: '城关镇', ownership: 'public' })).status).toBe(201);
      for (const spelling of [name, ` ${name}　`]) {
        const second = freshId('kg');
        expectProblem(await register({ id: second, name: spelling, township: 'honghe', ownership: 'private' }), 409, 'kindergarten-name-exists');
        expect(await typesIn(`kindergarten-${second}`)).toEqual([]);
      }
    });

    it('of one name at once: one 201, every other a 409, one name reservation', async () => {
      const name = uniqueName('并发幼儿园');
      const ids = Array.from({ length: 6 }, () => freshId('kg'));
      const replies = await Promise.all(ids.map((id) => register({ id, name, township: '城关镇', ownership: 'public' })));
      expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      for (const reply of replies.filter((r) => r.status === 409)) expectProblem(reply, 409, 'kindergarten-name-exists');
      const registered = await Promise.all(ids.map((id) => typesIn(`kindergarten-${id}`)));
      expect(registered.filter((types) => types.length > 0)).toEqual([['KindergartenRegistered']]);
      const list = await app.call('GET', `/kindergartens?q=${encodeURIComponent(name)}`, { token: steps.admin });
      expect(list.body.items).toHaveLength(1);
    });
  });

  describe('PUT /kindergartens/{id}', () => {
    it('renames, moves and reclassifies it; the old name is free again and every view follows', async () => {
      const before = uniqueName('旧名幼儿园');
      const after = uniqueName('新名幼儿园');
      const kg = (await register({ id: freshId('kg'), name: before, township: '城关镇', ownership: 'public' })).body;
      const inspection = await steps.inspection(kg.id, 'safety', 2025);

      const updated = await update(kg.id, { name: after, township: '窑沟乡', ownership: 'private' }, { 'if-match': '"1"' });
      expect(updated).toMatchObject({ status: 200, body: { id: kg.id, name: after, township: 'yaogou', ownership: 'private', version: 2 } });
      expect(updated.headers.get('etag')).toBe('"2"');
      expect(await typesIn(`kindergarten-${kg.id}`)).toEqual(['KindergartenRegistered', 'KindergartenUpdated']);

      expect((await app.call('GET', `/kindergartens/${kg.id}`, { token: steps.supervisor })).body).toMatchObject({ name: after, township: 'yaogou' });
      const publicList = await app.call('GET', '/public/kindergartens?limit=1000');
      expect(publicList.body.items.find((item: { id: string }) => item.id === kg.id)).toMatchObject({ name: after, township: 'yaogou', ownership: 'private' });
      const inspections = await app.call('GET', `/inspections?township=yaogou&kindergartenId=${kg.id}`, { token: steps.supervisor });
      expect(inspections.body.items.map((item: { id: string }) => item.id)).toEqual([inspection.id]);

      // the old name is free, the new one taken
      expect((await register({ id: freshId('kg'), name: before, township: '城关镇', ownership: 'public' })).status).toBe(201);
      expectProblem(await register({ id: freshId('kg'), name: after, township: '城关镇', ownership: 'public' }), 409, 'kindergarten-name-exists');

      const timeline = await app.call('GET', `/audit/streams/kindergarten-${kg.id}/timeline`, { token: auditor });
      expect(timeline.body.steps[1].sentence).toContain(`更正幼儿园登记信息：名称“${after}”`);
    });

    it('refuses a name another kindergarten has, a stale If-Match, and an unknown kindergarten, writing nothing', async () => {
      const taken = uniqueName('已占用幼儿园');
      await register({ id: freshId('kg'), name: taken, township: '城关镇', ownership: 'public' });
      const kg = await steps.registerKindergarten();
      expectProblem(await update(kg.id, { name: taken, township: '城关镇', ownership: 'public' }), 409, 'kindergarten-name-exists');
      expectProblem(await update(kg.id, { name: uniqueName(), township: '城关镇', ownership: 'public' }, { 'if-match': '"7"' }), 412, 'version-mismatch');
      expectProblem(await update(kg.id, { name: uniqueName(), township: '无此乡', ownership: 'public' }), 422, 'unknown-township');
      expect(await typesIn(`kindergarten-${kg.id}`)).toEqual(['KindergartenRegistered']);
      expectProblem(await update(freshId('kg'), { name: uniqueName(), township: '城关镇', ownership: 'public' }), 404, 'not-found');
    });

    it('two kindergartens renamed to one name at once: one 200, one 409', async () => {
      const name = uniqueName('抢名幼儿园');
      const [a, b] = [await steps.registerKindergarten(), await steps.registerKindergarten()];
      const replies = await Promise.all([a, b].map((kg) => update(kg.id, { name, township: '城关镇', ownership: 'public' })));
      expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
      expectProblem(replies.find((reply) => reply.status === 409)!, 409, 'kindergarten-name-exists');
      const list = await app.call('GET', `/kindergartens?q=${encodeURIComponent(name)}`, { token: steps.admin });
      expect(list.body.items).toHaveLength(1);
    });
  });

  describe('POST /kindergartens/{id}/closure', () => {
    it('closes it: shown as closed everywhere, no new inspections, not closed twice', async () => {
      const kg = await steps.registerKindergarten();
      const closed = await close(kg.id, undefined, { 'if-match': '"1"' });
      expect(closed).toMatchObject({
        status: 200,
        body: { id: kg.id, closed: true, closure: { closedOn: '2025-08-31', reason: '办园许可证注销，停止办园' }, version: 2 },
      });
      expect(closed.body.closure.closedAt).toMatch(/\+08:00$/);

      const publicList = await app.call('GET', '/public/kindergartens?limit=1000');
      expect(publicList.body.items.find((item: { id: string }) => item.id === kg.id)).toMatchObject({ closed: true, closedOn: '2025-08-31' });

      const inspection = await app.call('POST', '/inspections', {
        token: steps.supervisor,
        body: { kindergartenId: kg.id, kind: 'safety', year: 2025, scheduledOn: '2025-03-10' },
      });
      expectProblem(inspection, 409, 'kindergarten-closed');
      expect((await app.call('GET', `/inspections?kindergartenId=${kg.id}`, { token: steps.supervisor })).body.items).toEqual([]);

      expectProblem(await close(kg.id), 409, 'kindergarten-closed');
      expect(await typesIn(`kindergarten-${kg.id}`)).toEqual(['KindergartenRegistered', 'KindergartenClosed']);
      const timeline = await app.call('GET', `/audit/streams/kindergarten-${kg.id}/timeline`, { token: auditor });
      expect(timeline.body.steps[1].sentence).toBe('幼儿园自2025年8月31日起停办，理由：办园许可证注销，停止办园');
    });

    it('refuses a stale If-Match and an unknown kindergarten', async () => {
      const kg = await steps.registerKindergarten();
      expectProblem(await close(kg.id, undefined, { 'if-match': '"3"' }), 412, 'version-mismatch');
      expectProblem(await close(freshId('kg')), 404, 'not-found');
      expect(await typesIn(`kindergarten-${kg.id}`)).toEqual(['KindergartenRegistered']);
    });
  });

  it('lists by township, part of the name and enrolment status', async () => {
    const marker = freshId('q');
    const here = (await register({ id: freshId('kg'), name: `北堡${marker}幼儿园`, township: '北堡乡', ownership: 'public' })).body;
    const there = (await register({ id: freshId('kg'), name: `韭菜庄${marker}幼儿园`, township: '韭菜庄乡', ownership: 'public' })).body;
    const ids = async (query: string) =>
      (await app.call('GET', `/kindergartens?${query}`, { token: steps.supervisor })).body.items.map((item: { id: string }) => item.id);
    expect(await ids(`q=${encodeURIComponent(marker)}`)).toEqual([here.id, there.id].sort());
    expect(await ids(`q=${encodeURIComponent(marker.toUpperCase())}&township=beibao`)).toEqual([here.id]);
    expect(await ids(`q=${encodeURIComponent(marker)}&enrolmentStatus=suspended`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent(marker)}&enrolmentStatus=open&limit=1`)).toHaveLength(1);
    expect(await ids(`q=${encodeURIComponent('%')}${marker}`)).toEqual([]);
  });

  describe('bad input and access', () => {
    it.each([
      ['PUT', 'a missing field', { name: '幼儿园', ownership: 'public' }],
      ['PUT', 'an unknown field', { name: '幼儿园', township: '城关镇', ownership: 'public', extra: 1 }],
      ['PUT', 'a blank name', { name: '  ', township: '城关镇', ownership: 'public' }],
      ['PUT', 'an unknown ownership', { name: '幼儿园', township: '城关镇', ownership: 'state' }],
      ['POST', 'an impossible date', { closedOn: '2025-02-30', reason: '停办' }],
      ['POST', 'a missing reason', { closedOn: '2025-08-31' }],
      ['POST', 'a blank reason', { closedOn: '2025-08-31', reason: ' ' }],
    ])('%s with %s: 400 validation-failed, nothing written', async (method, _what, body) => {
      const kg = await steps.registerKindergarten();
      const path = method === 'PUT' ? `/kindergartens/${kg.id}` : `/kindergartens/${kg.id}/closure`;
      const reply = await app.call(method, path, { token: steps.admin, body });
      expectProblem(reply, 400, 'validation-failed');
      expect(reply.body.errors.length).toBeGreaterThan(0);
      expect(await typesIn(`kindergarten-${kg.id}`)).toEqual(['KindergartenRegistered']);
    });

    it('a q too long is 400', async () => {
      expectProblem(await app.call('GET', `/kindergartens?q=${'长'.repeat(101)}`, { token: steps.admin }), 400, 'validation-failed');
    });

    it('only an admin corrects or closes a kindergarten', async () => {
      const kg = await steps.registerKindergarten();
      for (const token of [steps.supervisor, auditor, steps.kindergartenToken(kg.id)]) {
        expectProblem(await app.call('PUT', `/kindergartens/${kg.id}`, { token, body: { name: uniqueName(), township: '城关镇', ownership: 'public' } }), 403, 'forbidden');
        expectProblem(await app.call('POST', `/kindergartens/${kg.id}/closure`, { token, body: { closedOn: '2025-08-31', reason: '停办' } }), 403, 'forbidden');
      }
      expect(await typesIn(`kindergarten-${kg.id}`)).toEqual(['KindergartenRegistered']);
    });
  });

  // last: the campaign schedules an annual inspection for every kindergarten of this suite's store
  it('the annual assessment passes a closed kindergarten by', async () => {
    const [open, closed] = [await steps.registerKindergarten(), await steps.registerKindergarten()];
    expect((await close(closed.id)).status).toBe(200);
    const opened = await app.call('POST', '/annual-assessments', { token: steps.supervisor, body: { year: 2030 } });
    expect(opened.status).toBe(201);
    const ids = opened.body.scheduled.map((ref: { kindergartenId: string }) => ref.kindergartenId);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(closed.id);
    expect(await typesIn(`inspection-annual-2030-${closed.id}`)).toEqual([]);
  });
});
