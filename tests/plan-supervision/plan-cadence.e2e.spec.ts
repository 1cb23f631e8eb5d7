import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CadenceLifecycle, PlanCadence } from '@app/plan-supervision';
import { QueueProbe, deliveriesIn, duplicates, inboxOf } from '../support/reminders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';
import { PLAN_SEEDS, SettableClock, departmentToken, planTasks, reportingUnitIds, unitReportBody } from '../support/plan.js';

// What each cadence job does when it fires, run in the engine as its processor runs it (the time it was scheduled
// for says which period it is about): reminders in the inboxes and ReminderSent in the period's stream, once per
// (key, recipient), MonthlyReportMissed after the due day. Real Redis (own queue prefix), PGlite.

const EDUCATION = 'county-education-bureau';
const FINANCE = 'county-finance-bureau';
const RESEARCH_CENTER = 'county-teaching-research-center';
const shanghai = (wall: string): Date => new Date(`${wall}+08:00`);

describe('the plan’s cadence (pglite, real Redis)', () => {
  let app: TestApp;
  let probe: QueueProbe;
  let clock: SettableClock;
  let cadence: PlanCadence;
  let reporting: string[];

  beforeAll(async () => {
    clock = new SettableClock('2025-03-20T10:00:00+08:00');
    app = await startTestApp('pglite', { ...PLAN_SEEDS, RUN_REMINDERS: 'true' }, { clock });
    probe = QueueProbe.of(app.settings);
    cadence = app.app.get(PlanCadence);
    reporting = reportingUnitIds(await planTasks(app));
    await app.app.get(CadenceLifecycle).ready;
  });

  afterAll(async () => {
    await app?.stop();
    await app?.close();
    await probe?.close();
  });

  const remindersIn = async (unitId: string): Promise<any[]> =>
    (await inboxOf(app, departmentToken(app, unitId))).filter((item) => item.kind === 'monthly-report-reminder' && item.refs.period === '2025-03');

  it('reminds every reporting unit on the 1st, again the day before the due day those still missing, then records them missing', async () => {
    clock.set('2025-04-01T09:00:00+08:00');
    const first = await cadence.run('monthly-report-reminder', {}, shanghai('2025-04-01T09:00:00'));
    expect(first).toMatchObject({ about: ['2025-03'], delivered: reporting.length });
    const repeated = await cadence.run('monthly-report-reminder', {}, shanghai('2025-04-01T09:00:00'));
    expect(repeated.delivered).toBe(reporting.length);

    const finance = await waitUntil(async () => ((await remindersIn(FINANCE)).length > 0 ? remindersIn(FINANCE) : undefined), {
      what: 'the finance bureau’s reminder',
    });
    expect(finance).toHaveLength(1);
    expect(finance[0].subject).toContain('2025年3月');
    expect(await remindersIn(RESEARCH_CENTER)).toEqual([]);
    expect(await app.store.readStream(`monthlyReport-${RESEARCH_CENTER}-2025-03`)).toEqual([]);

    clock.set('2025-04-02T10:00:00+08:00');
    expect(
      (
        await app.call('POST', '/monthly-reports', {
          token: departmentToken(app, EDUCATION),
          body: unitReportBody(await planTasks(app), EDUCATION, '2025-03'),
        })
      ).status,
    ).toBe(201);

    clock.set('2025-04-04T09:00:00+08:00');
    const second = await cadence.run('monthly-report-second-reminder', {}, shanghai('2025-04-04T09:00:00'));
    expect(second.delivered).toBe(reporting.length - 1);
    await waitUntil(async () => (await remindersIn(FINANCE)).length === 2, { what: 'the second reminder in the finance bureau’s inbox' });

    clock.set('2025-04-06T00:05:00+08:00');
    expect((await cadence.run('monthly-report-missed', {}, shanghai('2025-04-06T00:05:00'))).missed).toBe(reporting.length - 1);
    expect((await cadence.run('monthly-report-missed', {}, shanghai('2025-04-06T00:05:00'))).missed).toBe(0);

    const educationStream = await app.store.readStream(`monthlyReport-${EDUCATION}-2025-03`);
    expect(educationStream.map((event) => [event.type, (event.data as any).key ?? null])).toEqual([
      ['ReminderSent', `monthlyReport-${EDUCATION}-2025-03.first-reminder`],
      ['MonthlyReportSubmitted', null],
    ]);
    const financeStream = await app.store.readStream(`monthlyReport-${FINANCE}-2025-03`);
    expect(financeStream.map((event) => event.type)).toEqual(['ReminderSent', 'ReminderSent', 'MonthlyReportMissed']);
    expect(financeStream.every((event) => event.metadata.actor.sub === 'system' && event.metadata.actor.role === 'system')).toBe(true);
    expect((await deliveriesIn(app.store, `monthlyReport-${FINANCE}-2025-03`)).map(({ recipient, channel }) => [recipient, channel])).toEqual([
      [`unit:${FINANCE}`, 'inbox'],
      [`unit:${FINANCE}`, 'inbox'],
    ]);
    for (const unitId of reporting) expect(duplicates(await deliveriesIn(app.store, `monthlyReport-${unitId}-2025-03`))).toEqual([]);

    const list = await waitUntil(
      async () => {
        const items = (await app.call('GET', '/monthly-reports?period=2025-03', { token: app.token('supervisor') })).body.items as any[];
        return items.find((item) => item.unit.id === FINANCE)?.missedAt ? items : undefined;
      },
      { what: 'MonthlyReportMissed in GET /monthly-reports' },
    );
    expect(list.find((item) => item.unit.id === FINANCE)).toMatchObject({ status: 'missing', missedAt: expect.stringMatching(/^2025-04-06T00:05/) });
    expect(list.find((item) => item.unit.id === EDUCATION)).toMatchObject({ status: 'on-time', missedAt: null });
  });

  it('reminds the supervisors of the quarter’s bulletin and of the annual assessment, once each', async () => {
    const supervisor = app.token('supervisor', { sub: 'wang' });
    clock.set('2025-07-01T09:00:00+08:00');
    await cadence.run('bulletin-reminder', {}, shanghai('2025-07-01T09:00:00'));
    await cadence.run('bulletin-reminder', {}, shanghai('2025-07-01T09:00:00'));
    clock.set('2025-12-01T09:00:00+08:00');
    await cadence.run('assessment-reminder', {}, shanghai('2025-12-01T09:00:00'));

    expect((await deliveriesIn(app.store, 'bulletin-2025-Q2')).map(({ kind, recipient, channel }) => [kind, recipient, channel])).toEqual([
      ['bulletin-reminder', 'supervisors', 'inbox'],
    ]);
    expect((await deliveriesIn(app.store, 'assessment-2025')).map(({ kind, recipient }) => [kind, recipient])).toEqual([
      ['assessment-reminder', 'supervisors'],
    ]);
    const inbox = await waitUntil(
      async () => {
        const items = await inboxOf(app, supervisor);
        return items.some((item) => item.kind === 'assessment-reminder') ? items : undefined;
      },
      { what: 'the supervisors’ reminders in their inbox' },
    );
    expect(inbox.filter((item) => item.kind === 'bulletin-reminder').map((item) => item.refs)).toEqual([{ year: '2025', quarter: '2' }]);
    expect(inbox.filter((item) => item.kind === 'assessment-reminder')).toHaveLength(1);
    // a department sees none of them
    expect((await inboxOf(app, departmentToken(app, FINANCE))).filter((item) => item.kind !== 'monthly-report-reminder')).toEqual([]);
  });
});
