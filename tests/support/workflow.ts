import type { TestApp } from './test-app.js';
import { freshId } from './test-app.js';

/** Small steps of the supervision workflow, through the public API, for tests to build on. */
export const workflow = (app: TestApp) => {
  const admin = app.token('admin', { sub: 'admin-li', name: '李管理员' });
  const supervisor = app.token('supervisor', { sub: 'wang', name: '王督学' });
  const ok = async <T>(promise: Promise<{ status: number; body: T }>, ...expected: number[]): Promise<T> => {
    const reply = await promise;
    if (!(expected.length ? expected : [200, 201]).includes(reply.status)) {
      throw new Error(`unexpected ${reply.status}: ${JSON.stringify(reply.body)}`);
    }
    return reply.body;
  };
  const steps = {
    admin,
    supervisor,
    kindergartenToken: (kindergartenId: string) => app.token('kindergarten', { sub: `director-${kindergartenId}`, kindergartenId }),

    registerKindergarten: async (overrides: Record<string, unknown> = {}) => {
      const id = freshId('kg');
      return ok(
        app.call('POST', '/kindergartens', {
          token: admin,
          body: { id, name: `测试幼儿园 ${id}`, township: '城关镇', ownership: 'public', ...overrides },
        }),
        201,
      );
    },

    inspection: async (kindergartenId: string, kind = 'annual', year = 2025) =>
      ok(app.call('POST', '/inspections', { token: supervisor, body: { kindergartenId, kind, year, scheduledOn: `${year}-03-10` } }), 201),

    finding: async (inspectionId: string, code: string, description = '消防通道堆放杂物') =>
      ok(app.call('POST', `/inspections/${inspectionId}/findings`, { token: supervisor, body: { code, description, severity: 'major' } }), 201),

    conclude: async (inspectionId: string, outcome: 'passed' | 'failed', summary = '检查结论') =>
      ok(app.call('POST', `/inspections/${inspectionId}/conclusion`, { token: supervisor, body: { outcome, summary } }), 200),

    /** A registered kindergarten with a failed annual inspection holding the findings given. */
    failedInspection: async (codes: string[] = ['S-01', 'S-02']) => {
      const kindergarten = await steps.registerKindergarten();
      const inspection = await steps.inspection(kindergarten.id, 'annual', 2025);
      for (const code of codes) await steps.finding(inspection.id, code);
      await steps.conclude(inspection.id, 'failed', '存在安全隐患，限期整改');
      return { kindergarten, inspection, codes };
    },

    /** A case issued on a failed inspection. */
    issuedCase: async (options: { codes?: string[]; publish?: boolean; deadline?: object } = {}) => {
      const { kindergarten, inspection, codes } = await steps.failedInspection(options.codes);
      const notice = await ok(
        app.call('POST', '/rectifications', {
          token: supervisor,
          body: {
            kindergartenId: kindergarten.id,
            inspectionId: inspection.id,
            findingCodes: codes,
            deadline: options.deadline ?? { dueAt: '2099-12-31T23:59:59+08:00' },
            publish: options.publish ?? true,
          },
        }),
        201,
      );
      return { kindergarten, inspection, codes, notice, director: steps.kindergartenToken(kindergarten.id) };
    },

    report: (codes: string[]) => ({
      summary: '已完成整改',
      actions: codes.map((findingCode) => ({ findingCode, action: `已整改 ${findingCode}` })),
      evidence: [{ name: '整改照片.jpg', sha256: 'a'.repeat(64), sizeBytes: 12345 }],
    }),
  };
  return steps;
};
