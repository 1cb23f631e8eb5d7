import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ShiftedClock } from '@app/config';
import { freshId, startTestApp, type CallOptions, type Reply, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

// Monday 3 March 2025, 10:00 in Shanghai.
const START = new Date('2025-03-03T02:00:00Z');

// Fixed so that a failure reproduces; fast-check prints the seed and the counterexample's path when a property fails.
const SEED = Number(process.env['FC_SEED'] ?? 20250303);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Body = { [key: string]: Json };

/** Every command that takes a body. */
const COMMANDS = [
  'register kindergarten',
  'publish disclosure',
  'propose suspension',
  'state the case',
  'suspend enrolment',
  'reinstate enrolment',
  'schedule inspection',
  'record finding',
  'conclude inspection',
  'issue notice',
  'request extension',
  'decide extension',
  'submit report',
  'review report',
  'record follow-up',
  'reschedule inspection',
  'cancel inspection',
  'amend finding',
  'withdraw finding',
  'set a new deadline',
  'withdraw notice',
  'update kindergarten',
  'close kindergarten',
] as const;
type CommandName = (typeof COMMANDS)[number];

interface Command {
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly token: string;
  /** A body that passes validation (the business rules may still refuse it). */
  readonly valid: Body;
  /** The paths of its free-text fields, as validation errors name them. */
  readonly text: readonly string[];
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** A copy of `body` with the value at `path` (`a.0.b`) set, or removed when `value` is undefined. */
const withValue = (body: Body, path: string, value: Json | undefined): Body => {
  const copy = structuredClone(body);
  const keys = path.split('.');
  const last = keys.pop()!;
  let parent: any = copy;
  for (const key of keys) parent = parent[key];
  if (value !== undefined) parent[last] = value;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return copy;
};

/** Every path inside a JSON value (not the root), `a`, `a.0`, `a.0.b`, …, with the value there. */
const pathsOf = (value: Json, prefix = ''): Array<[string, Json]> => {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  return entries.flatMap(([key, item]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [[path, item] as [string, Json], ...pathsOf(item, path)];
  });
};

describe('bad input over HTTP (pglite)', () => {
  let app: TestApp;
  let commands: Record<CommandName, Command>;
  let supervisor: string;

  beforeAll(async () => {
    app = await startTestApp('pglite', {}, { clock: new ShiftedClock(START) });
    const steps = workflow(app);
    supervisor = steps.supervisor;
    const kindergarten = await steps.registerKindergarten();
    const open = await steps.inspection(kindergarten.id, 'quality');
    const { kindergarten: noticed, inspection: failed, notice, director, codes } = await steps.issuedCase({ codes: ['S-01'] });
    const acknowledged = await app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director });
    expect(acknowledged.status).toBe(200);
    const caseId = notice.id as string;
    const corrected = await steps.inspection(kindergarten.id, 'safety');
    await steps.finding(corrected.id, 'C-01');
    commands = {
      'register kindergarten': {
        method: 'POST',
        path: '/kindergartens',
        token: steps.admin,
        valid: { id: freshId('kg'), name: '城关镇第二幼儿园', township: '城关镇', ownership: 'private-inclusive' },
        text: ['name', 'township'],
      },
      'publish disclosure': {
        method: 'PUT',
        path: `/kindergartens/${noticed.id}/disclosure`,
        token: director,
        valid: { teachers: 24, caregivers: 12, children: 320, monthlyFeeYuan: 480.5, notes: '含伙食费' },
        text: ['notes'],
      },
      'propose suspension': {
        method: 'POST',
        path: `/kindergartens/${noticed.id}/enrolment/suspension-notice`,
        token: supervisor,
        valid: { rectificationId: caseId, facts: '复查仍不达标', basis: '清政发〔2023〕52号', proposedFrom: '2025-03-10' },
        text: ['rectificationId', 'facts', 'basis'],
      },
      'state the case': {
        method: 'POST',
        path: `/kindergartens/${noticed.id}/enrolment/statement`,
        token: director,
        valid: { text: '我园已完成整改' },
        text: ['text'],
      },
      'suspend enrolment': {
        method: 'POST',
        path: `/kindergartens/${noticed.id}/enrolment/suspension`,
        token: supervisor,
        valid: { decision: 'suspend', reason: '整改后仍不达标，暂停招生' },
        text: ['reason'],
      },
      'reinstate enrolment': {
        method: 'POST',
        path: `/kindergartens/${noticed.id}/enrolment/reinstatement`,
        token: supervisor,
        valid: { inspectionId: failed.id, reason: '复查合格，恢复招生' },
        text: ['inspectionId', 'reason'],
      },
      'schedule inspection': {
        method: 'POST',
        path: '/inspections',
        token: supervisor,
        valid: { kindergartenId: kindergarten.id, kind: 'safety', year: 2025, scheduledOn: '2025-03-10' },
        text: ['kindergartenId', 'scheduledOn'],
      },
      'record finding': {
        method: 'POST',
        path: `/inspections/${open.id}/findings`,
        token: supervisor,
        valid: { code: 'Q-01', description: '区角材料不足', severity: 'minor' },
        text: ['description'],
      },
      'conclude inspection': {
        method: 'POST',
        path: `/inspections/${open.id}/conclusion`,
        token: supervisor,
        valid: { outcome: 'passed', summary: '保教质量合格' },
        text: ['summary'],
      },
      'issue notice': {
        method: 'POST',
        path: '/rectifications',
        token: supervisor,
        valid: { kindergartenId: noticed.id, inspectionId: failed.id, findingCodes: codes, deadline: { workingDays: 10 }, publish: false },
        text: ['inspectionId'],
      },
      'request extension': {
        method: 'POST',
        path: `/rectifications/${caseId}/extension-requests`,
        token: director,
        valid: { requestedDueAt: '2100-01-31T23:59:59+08:00', reason: '施工周期较长' },
        text: ['reason'],
      },
      'decide extension': {
        method: 'POST',
        path: `/rectifications/${caseId}/extension-decision`,
        token: supervisor,
        valid: { approve: true, reason: '同意延期' },
        text: ['reason'],
      },
      'submit report': {
        method: 'POST',
        path: `/rectifications/${caseId}/reports`,
        token: director,
        valid: steps.report(codes) as Body,
        text: ['summary', 'actions.0.action', 'evidence.0.name'],
      },
      'review report': {
        method: 'POST',
        path: `/rectifications/${caseId}/review`,
        token: supervisor,
        valid: { decision: 'return', comment: '照片不清晰' },
        text: ['comment'],
      },
      'record follow-up': {
        method: 'POST',
        path: `/rectifications/${caseId}/follow-up`,
        token: supervisor,
        valid: { inspectionId: failed.id },
        text: ['inspectionId'],
      },
      'reschedule inspection': {
        method: 'POST',
        path: `/inspections/${corrected.id}/schedule`,
        token: supervisor,
        valid: { scheduledOn: '2025-03-12', reason: '园方活动冲突' },
        text: ['scheduledOn', 'reason'],
      },
      'cancel inspection': {
        method: 'POST',
        path: `/inspections/${corrected.id}/cancellation`,
        token: supervisor,
        valid: { reason: '重复安排' },
        text: ['reason'],
      },
      'amend finding': {
        method: 'PUT',
        path: `/inspections/${corrected.id}/findings/C-01`,
        token: supervisor,
        valid: { description: '消防通道堆放杂物，影响疏散', severity: 'critical' },
        text: ['description'],
      },
      'withdraw finding': {
        method: 'POST',
        path: `/inspections/${corrected.id}/findings/C-01/withdrawal`,
        token: supervisor,
        valid: { reason: '核实后不属实' },
        text: ['reason'],
      },
      'set a new deadline': {
        method: 'POST',
        path: `/rectifications/${caseId}/deadline`,
        token: supervisor,
        valid: { deadline: { workingDays: 5 }, reason: '重新限期整改' },
        text: ['reason'],
      },
      'withdraw notice': {
        method: 'POST',
        path: `/rectifications/${caseId}/withdrawal`,
        token: supervisor,
        valid: { reason: '检查结论有误' },
        text: ['reason'],
      },
      'update kindergarten': {
        method: 'PUT',
        path: `/kindergartens/${kindergarten.id}`,
        token: steps.admin,
        valid: { name: '城关镇第三幼儿园', township: '城关镇', ownership: 'private' },
        text: ['name', 'township'],
      },
      'close kindergarten': {
        method: 'POST',
        path: `/kindergartens/${kindergarten.id}/closure`,
        token: steps.admin,
        valid: { closedOn: '2025-08-31', reason: '办园许可证注销' },
        text: ['reason'],
      },
    };
  });

  afterAll(async () => {
    await app?.close();
  });

  const send = (name: CommandName, options: Omit<CallOptions, 'token'>): Promise<Reply> => {
    const command = commands[name];
    return app.call(command.method, command.path, { token: command.token, ...options });
  };

  const expectProblem = (reply: Reply, status: number, code: string): void => {
    expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
  };

  /** The request is refused with `status` and `code`, and the store has not moved. Returns the fields named. */
  const refused = async (request: () => Promise<Reply>, status: number, code: string): Promise<string[]> => {
    const before = await app.store.headPosition();
    const reply = await request();
    expectProblem(reply, status, code);
    expect(await app.store.headPosition()).toBe(before);
    if (status !== 400) return [];
    expect(reply.body.errors).toEqual(expect.arrayContaining([{ field: expect.any(String), message: expect.any(String) }]));
    expect(reply.body.errors.length).toBeGreaterThan(0);
    return reply.body.errors.map((error: { field: string }) => error.field);
  };

  const invalid = (name: CommandName, options: Omit<CallOptions, 'token'>) => refused(() => send(name, options), 400, 'validation-failed');

  describe.each(COMMANDS)('%s', (name) => {
    it('refuses malformed JSON', async () => {
      await invalid(name, { raw: '{"id": ', headers: JSON_TYPE });
      await invalid(name, { raw: "{'id': 1}", headers: JSON_TYPE });
      await invalid(name, { raw: '{"a": 1,}', headers: JSON_TYPE });
    });

    it('refuses a body that is not an object: an array, a string, null, a number, a boolean', async () => {
      for (const raw of ['[]', JSON.stringify([commands[name].valid]), '"text"', 'null', '42', 'true']) {
        expect(await invalid(name, { raw, headers: JSON_TYPE })).toEqual(['']);
      }
    });

    it('refuses an empty body, with or without a JSON content type', async () => {
      await invalid(name, { raw: '', headers: JSON_TYPE });
      await invalid(name, { raw: '  \n', headers: JSON_TYPE });
      await invalid(name, {});
    });

    it('refuses {} naming every required field, and each required field missing', async () => {
      const { valid } = commands[name];
      const required = Object.keys(valid).filter((key) => key !== 'notes');
      expect(await invalid(name, { body: {} })).toEqual(expect.arrayContaining(required));
      for (const field of required) {
        expect(await invalid(name, { body: withValue(valid, field, undefined) })).toContain(field);
      }
    });

    it('refuses an unknown field at the top level', async () => {
      expect(await invalid(name, { body: { ...commands[name].valid, unexpected: 1 } })).toContain('unexpected');
      expect(await invalid(name, { body: { ...commands[name].valid, Unexpected: { nested: true } } })).toContain('Unexpected');
    });

    it('refuses a __proto__ or constructor.prototype key', async () => {
      const rest = JSON.stringify(commands[name].valid).slice(1);
      await invalid(name, { raw: `{"__proto__": {"x": 1}, ${rest}`, headers: JSON_TYPE });
      await invalid(name, { raw: `{"constructor": {"prototype": {"x": 1}}, ${rest}`, headers: JSON_TYPE });
    });

    it('refuses text with control characters or an unpaired surrogate', async () => {
      const { valid, text } = commands[name];
      for (const field of text) {
        for (const control of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085']) {
          expect(await invalid(name, { body: withValue(valid, field, `文本${control}文本`) })).toEqual([field]);
        }
        // a lone high surrogate cannot be sent as UTF-8: JSON-escape it
        const raw = JSON.stringify(withValue(valid, field, 'MARK')).replace('"MARK"', '"\\ud800 前"');
        expect(await invalid(name, { raw, headers: JSON_TYPE })).toEqual([field]);
        const low = JSON.stringify(withValue(valid, field, 'MARK')).replace('"MARK"', '"后 \\udc00"');
        expect(await invalid(name, { raw: low, headers: JSON_TYPE })).toEqual([field]);
      }
      // keys are text too
      expect(await invalid(name, { body: { ...valid, 'bad\u0000key': 1 } })).toHaveLength(1);
    });

    it('refuses a body nested too deeply', async () => {
      const depth = 50_000;
      await invalid(name, { raw: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, headers: JSON_TYPE });
      await invalid(name, { raw: `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`, headers: JSON_TYPE });
      await invalid(name, { raw: `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`, headers: { ...JSON_TYPE, 'idempotency-key': freshId('deep') } });
    });

    it('refuses a body over 1 MiB with 413', async () => {
      const padding = 'a'.repeat(1024 * 1024);
      await refused(() => send(name, { body: { ...commands[name].valid, padding } }), 413, 'payload-too-large');
    });

    it('refuses a content type other than JSON with 415', async () => {
      const raw = JSON.stringify(commands[name].valid);
      await refused(() => send(name, { raw, headers: { 'content-type': 'text/plain' } }), 415, 'unsupported-media-type');
      await refused(
        () => send(name, { raw: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        415,
        'unsupported-media-type',
      );
      await refused(() => send(name, { raw, headers: { 'content-type': 'application/xml' } }), 415, 'unsupported-media-type');
    });
  });

  const long = (length: number) => '长'.repeat(length);

  /** [command, field to set, value, field the error names]. */
  const cases: Array<[CommandName, string, Json, string]> = [
    ['register kindergarten', 'id', 'Has-Capitals', 'id'],
    ['register kindergarten', 'id', 'a', 'id'],
    ['register kindergarten', 'id', 42, 'id'],
    ['register kindergarten', 'name', 42, 'name'],
    ['register kindergarten', 'name', '   ', 'name'],
    ['register kindergarten', 'name', long(101), 'name'],
    ['register kindergarten', 'township', long(51), 'township'],
    ['register kindergarten', 'township', ['城关镇'], 'township'],
    ['register kindergarten', 'ownership', 'state', 'ownership'],
    ['register kindergarten', 'ownership', null, 'ownership'],
    ['publish disclosure', 'teachers', '24', 'teachers'],
    ['publish disclosure', 'teachers', 24.5, 'teachers'],
    ['publish disclosure', 'caregivers', -1, 'caregivers'],
    ['publish disclosure', 'children', true, 'children'],
    ['publish disclosure', 'children', 1e21, 'children'],
    ['publish disclosure', 'monthlyFeeYuan', '480', 'monthlyFeeYuan'],
    ['publish disclosure', 'monthlyFeeYuan', 480.125, 'monthlyFeeYuan'],
    ['publish disclosure', 'monthlyFeeYuan', -0.5, 'monthlyFeeYuan'],
    ['publish disclosure', 'notes', 42, 'notes'],
    ['publish disclosure', 'notes', long(2001), 'notes'],
    ['suspend enrolment', 'effectiveFrom', '2025-02-30', 'effectiveFrom'],
    ['suspend enrolment', 'effectiveFrom', '2025-13-01', 'effectiveFrom'],
    ['suspend enrolment', 'effectiveFrom', '2025-02-29', 'effectiveFrom'],
    ['suspend enrolment', 'effectiveFrom', '2025-3-10', 'effectiveFrom'],
    ['suspend enrolment', 'effectiveFrom', '2025-03-10T00:00:00+08:00', 'effectiveFrom'],
    ['suspend enrolment', 'effectiveFrom', 20250310, 'effectiveFrom'],
    ['suspend enrolment', 'decision', 'postpone', 'decision'],
    ['suspend enrolment', 'reason', long(4001), 'reason'],
    ['suspend enrolment', 'reason', '', 'reason'],
    ['propose suspension', 'rectificationId', long(201), 'rectificationId'],
    ['propose suspension', 'rectificationId', 7, 'rectificationId'],
    ['propose suspension', 'proposedFrom', '2025-02-30', 'proposedFrom'],
    ['propose suspension', 'facts', long(4001), 'facts'],
    ['propose suspension', 'basis', '', 'basis'],
    ['state the case', 'text', long(10_001), 'text'],
    ['state the case', 'text', '   ', 'text'],
    ['state the case', 'attachmentIds', 'att-1', 'attachmentIds'],
    ['state the case', 'attachmentIds', ['att-1', 'att-1'], 'attachmentIds'],
    ['state the case', 'waive', false, 'waive'],
    ['reinstate enrolment', 'inspectionId', 42, 'inspectionId'],
    ['reinstate enrolment', 'inspectionId', '', 'inspectionId'],
    ['reinstate enrolment', 'reason', long(2001), 'reason'],
    ['schedule inspection', 'year', '2025', 'year'],
    ['schedule inspection', 'year', 2025.5, 'year'],
    ['schedule inspection', 'year', 1999, 'year'],
    ['schedule inspection', 'year', 2101, 'year'],
    ['schedule inspection', 'kind', 'monthly', 'kind'],
    ['schedule inspection', 'kindergartenId', 42, 'kindergartenId'],
    ['schedule inspection', 'scheduledOn', '2025-02-29', 'scheduledOn'],
    ['reschedule inspection', 'scheduledOn', '2025-02-30', 'scheduledOn'],
    ['reschedule inspection', 'reason', '   ', 'reason'],
    ['cancel inspection', 'reason', long(2001), 'reason'],
    ['amend finding', 'severity', 'fatal', 'severity'],
    ['withdraw finding', 'reason', 42, 'reason'],
    ['set a new deadline', 'deadline', { workingDays: 5, dueAt: '2099-01-01T00:00:00+08:00' }, 'deadline.workingDays'],
    ['set a new deadline', 'deadline', { workingDays: 91 }, 'deadline.workingDays'],
    ['set a new deadline', 'deadline', [], 'deadline'],
    ['withdraw notice', 'reason', '', 'reason'],
    ['schedule inspection', 'scheduledOn', '2025-13-01', 'scheduledOn'],
    ['schedule inspection', 'scheduledOn', '2025-04-31', 'scheduledOn'],
    ['schedule inspection', 'scheduledOn', '2025-03-10T10:00:00Z', 'scheduledOn'],
    ['record finding', 'code', 'bad code!', 'code'],
    ['record finding', 'code', '', 'code'],
    ['record finding', 'code', 'x'.repeat(33), 'code'],
    ['record finding', 'description', long(2001), 'description'],
    ['record finding', 'description', 42, 'description'],
    ['record finding', 'severity', 'high', 'severity'],
    ['conclude inspection', 'outcome', 'ok', 'outcome'],
    ['conclude inspection', 'outcome', true, 'outcome'],
    ['conclude inspection', 'summary', long(5001), 'summary'],
    ['issue notice', 'findingCodes', [], 'findingCodes'],
    ['issue notice', 'findingCodes', ['S-01', 'S-01'], 'findingCodes'],
    ['issue notice', 'findingCodes', 'S-01', 'findingCodes'],
    ['issue notice', 'findingCodes', [1], 'findingCodes'],
    ['issue notice', 'inspectionId', long(201), 'inspectionId'],
    ['issue notice', 'publish', 'true', 'publish'],
    ['issue notice', 'publish', 1, 'publish'],
    ['issue notice', 'deadline', null, 'deadline'],
    ['issue notice', 'deadline', 10, 'deadline'],
    ['issue notice', 'deadline', '2025-03-31T23:59:59+08:00', 'deadline'],
    ['issue notice', 'deadline', [], 'deadline'],
    ['issue notice', 'deadline', [{ workingDays: 10 }], 'deadline'],
    ['issue notice', 'deadline', { workingDays: 10, dueAt: '2099-12-31T23:59:59+08:00' }, 'deadline.workingDays'],
    ['issue notice', 'deadline', {}, 'deadline.workingDays'],
    ['issue notice', 'deadline', { workingDays: 10, extra: true }, 'deadline.extra'],
    ['issue notice', 'deadline.workingDays', 0, 'deadline.workingDays'],
    ['issue notice', 'deadline.workingDays', 91, 'deadline.workingDays'],
    ['issue notice', 'deadline.workingDays', 2.5, 'deadline.workingDays'],
    ['issue notice', 'deadline.workingDays', '10', 'deadline.workingDays'],
    ['issue notice', 'deadline.workingDays', null, 'deadline.workingDays'],
    ['issue notice', 'deadline', { dueAt: '2025-03-01T24:00:00Z' }, 'deadline.dueAt'],
    ['issue notice', 'deadline', { dueAt: '2025-03-01T10:00:00+25:00' }, 'deadline.dueAt'],
    ['issue notice', 'deadline', { dueAt: '2025-03-01T10:00:00' }, 'deadline.dueAt'],
    ['issue notice', 'deadline', { dueAt: '2025-02-29T10:00:00Z' }, 'deadline.dueAt'],
    ['issue notice', 'deadline', { dueAt: '2025-03-01T10:60:00Z' }, 'deadline.dueAt'],
    ['issue notice', 'deadline', { dueAt: '2099-12-31' }, 'deadline.dueAt'],
    ['issue notice', 'deadline', { dueAt: 4102444799000 }, 'deadline.dueAt'],
    ['request extension', 'requestedDueAt', '2025-03-01T24:00:00Z', 'requestedDueAt'],
    ['request extension', 'requestedDueAt', '2025-03-01T10:00:00+25:00', 'requestedDueAt'],
    ['request extension', 'requestedDueAt', '2025-03-01T10:00:00', 'requestedDueAt'],
    ['request extension', 'requestedDueAt', '2025-02-29T10:00:00+08:00', 'requestedDueAt'],
    ['request extension', 'requestedDueAt', '2025-13-01T10:00:00+08:00', 'requestedDueAt'],
    ['request extension', 'requestedDueAt', 'tomorrow', 'requestedDueAt'],
    ['request extension', 'reason', long(2001), 'reason'],
    ['decide extension', 'approve', 'true', 'approve'],
    ['decide extension', 'approve', 1, 'approve'],
    ['decide extension', 'approve', null, 'approve'],
    ['decide extension', 'reason', long(2001), 'reason'],
    ['submit report', 'summary', long(5001), 'summary'],
    ['submit report', 'actions', [], 'actions'],
    ['submit report', 'actions', { findingCode: 'S-01', action: '已整改' }, 'actions'],
    ['submit report', 'actions', [null], 'actions.0'],
    ['submit report', 'actions', ['已整改'], 'actions.0'],
    ['submit report', 'actions', [[{ findingCode: 'S-01', action: '已整改' }]], 'actions'],
    ['submit report', 'actions.0.action', undefined as never, 'actions.0.action'],
    ['submit report', 'actions.0.action', long(2001), 'actions.0.action'],
    ['submit report', 'actions.0.findingCode', 42, 'actions.0.findingCode'],
    ['submit report', 'actions.0.extra', '多余', 'actions.0.extra'],
    ['submit report', 'evidence', 'photo.jpg', 'evidence'],
    ['submit report', 'evidence', [[]], 'evidence'],
    ['submit report', 'evidence.0.sha256', 'A'.repeat(64), 'evidence.0.sha256'],
    ['submit report', 'evidence.0.sha256', 'a'.repeat(63), 'evidence.0.sha256'],
    ['submit report', 'evidence.0.sizeBytes', 1.5, 'evidence.0.sizeBytes'],
    ['submit report', 'evidence.0.sizeBytes', '12345', 'evidence.0.sizeBytes'],
    ['submit report', 'evidence.0.sizeBytes', -1, 'evidence.0.sizeBytes'],
    ['submit report', 'evidence.0.name', long(256), 'evidence.0.name'],
    ['submit report', 'evidence.0.extra', { x: 1 }, 'evidence.0.extra'],
    ['review report', 'decision', 'reject', 'decision'],
    ['review report', 'comment', 42, 'comment'],
    ['review report', 'comment', long(2001), 'comment'],
    ['record follow-up', 'inspectionId', 42, 'inspectionId'],
    ['record follow-up', 'inspectionId', '', 'inspectionId'],
    ['record follow-up', 'inspectionId', long(201), 'inspectionId'],
  ];

  const shown = (value: Json): string =>
    typeof value === 'string' && value.length > 40 ? `${value.length} × ${value[0]}` : (JSON.stringify(value) ?? 'missing');

  it.each(cases.map(([name, path, value, field]) => [`${name}: ${path} = ${shown(value)}`, name, path, value, field] as const))(
    '%s → 400 naming the field',
    async (_, name, path, value, field) => {
      expect(await invalid(name, { body: withValue(commands[name].valid, path, value) })).toContain(field);
    },
  );

  it.each([
    ['/inspections?limit=0', 'limit'],
    ['/inspections?limit=1001', 'limit'],
    ['/inspections?limit=abc', 'limit'],
    ['/inspections?limit=1.5', 'limit'],
    ['/inspections?year=abc', 'year'],
    ['/inspections?year=2025.5', 'year'],
    ['/inspections?kind=monthly', 'kind'],
    ['/kindergartens?limit=0', 'limit'],
    ['/kindergartens?limit=1001', 'limit'],
    ['/kindergartens?ownership=state', 'ownership'],
    ['/rectifications?limit=0', 'limit'],
    ['/rectifications?limit=1001', 'limit'],
    ['/rectifications?overdue=maybe', 'overdue'],
    ['/rectifications?status=opened', 'status'],
    ['/rectifications?after=not%20a%20cursor', 'after'],
    ['/public/kindergartens?limit=0', 'limit'],
    ['/public/kindergartens?limit=1001', 'limit'],
    ['/public/kindergartens?limit=abc', 'limit'],
    ['/calendar/deadline?from=2025-02-30&workingDays=3', 'from'],
    ['/calendar/deadline?from=2025-01-24&workingDays=0', 'workingDays'],
  ])('GET %s → 400 naming %s', async (path, field) => {
    expect(await refused(() => app.call('GET', path, { token: supervisor }), 400, 'validation-failed')).toContain(field);
  });

  describe('property: whatever the body, a 2xx or a 4xx problem, never a 5xx', () => {
    const answerIsSound = (reply: Reply): void => {
      if (reply.status >= 200 && reply.status < 300) return;
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(reply.body).toMatchObject({ status: reply.status, code: expect.any(String) });
    };

    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('', ' ', '\u0000', '\ud800', '\udc00x', '\u202e', '\ufeff', '🏫'.repeat(600), 'x'.repeat(6000)),
    );
    const anyJson = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;

    type Mutation =
      | { readonly kind: 'drop'; readonly path: string }
      | { readonly kind: 'replace'; readonly path: string; readonly value: Json }
      | { readonly kind: 'add'; readonly path: string; readonly key: string; readonly value: Json }
      | { readonly kind: 'text'; readonly path: string; readonly value: string };

    const mutations = (valid: Body): fc.Arbitrary<Mutation[]> => {
      const paths = pathsOf(valid);
      const all = paths.map(([path]) => path);
      const objects = [
        '',
        ...paths.filter(([, value]) => value !== null && typeof value === 'object' && !Array.isArray(value)).map(([path]) => path),
      ];
      const strings = paths.filter(([, value]) => typeof value === 'string').map(([path]) => path);
      const mutation: fc.Arbitrary<Mutation> = fc.oneof(
        fc.record({ kind: fc.constant('drop' as const), path: fc.constantFrom(...all) }),
        fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...all), value: anyJson }),
        fc.record({
          kind: fc.constant('add' as const),
          path: fc.constantFrom(...objects),
          key: fc.string({ minLength: 1, maxLength: 12 }),
          value: anyJson,
        }),
        fc.record({ kind: fc.constant('text' as const), path: fc.constantFrom(...strings), value: text }),
      );
      return fc.array(mutation, { minLength: 1, maxLength: 3 });
    };

    const mutate = (valid: Body, changes: readonly Mutation[]): Json => {
      let body: Json = structuredClone(valid);
      for (const change of changes) {
        const target = new Map(pathsOf(body));
        if (change.kind === 'add') {
          if (change.path !== '' && !target.has(change.path)) continue;
          const parent = change.path === '' ? body : target.get(change.path);
          if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) parent[change.key] = change.value;
          continue;
        }
        if (!target.has(change.path)) continue;
        body = withValue(body as Body, change.path, change.kind === 'drop' ? undefined : change.value);
      }
      return body;
    };

    it.each(COMMANDS)('%s: arbitrary JSON values as the body', async (name) => {
      await fc.assert(
        fc.asyncProperty(anyJson, async (body) => {
          answerIsSound(await send(name, { raw: JSON.stringify(body), headers: JSON_TYPE }));
        }),
        { seed: SEED, numRuns: 30 },
      );
    });

    it.each(COMMANDS)('%s: mutations of a valid body', async (name) => {
      await fc.assert(
        fc.asyncProperty(mutations(commands[name].valid), async (changes) => {
          answerIsSound(await send(name, { body: mutate(commands[name].valid, changes) }));
        }),
        { seed: SEED, numRuns: 50 },
      );
    });

    it('acknowledgement (no body): arbitrary JSON values and text', async () => {
      const { token } = commands['submit report'];
      const path = commands['submit report'].path.replace(/reports$/, 'acknowledgement');
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            anyJson.map((value) => JSON.stringify(value)),
            text,
          ),
          async (raw) => {
            answerIsSound(await app.call('POST', path, { token, raw, headers: JSON_TYPE }));
          },
        ),
        { seed: SEED, numRuns: 30 },
      );
    });

    it('arbitrary text sent as JSON to any command', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...COMMANDS), fc.oneof(text, fc.json({ maxDepth: 3 })), async (name, raw) => {
          answerIsSound(await send(name, { raw, headers: JSON_TYPE }));
        }),
        { seed: SEED, numRuns: 60 },
      );
    });
  });
});
