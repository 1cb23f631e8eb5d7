import { describe, expect, it } from '@jest/globals';
import { quarterlyBulletin, type RecordedEvent } from './quarterly-bulletin.js';

const Q1 = { year: 2025, quarter: 1 as const };

const event = (streamId: string, type: string, data: object, at: string): RecordedEvent => ({
  streamId,
  type,
  data: data as never,
  metadata: { actor: { sub: 'test', role: 'admin' }, at, commandId: 'c', correlationId: 'c', causationId: null },
});

const unit = (id: string, at: string) =>
  event(
    `responsibleUnit-${id}`,
    'ResponsibleUnitRegistered',
    { unitId: id, name: id.toUpperCase(), kind: 'bureau', note: null, registeredAt: at },
    at,
  );
const task = (taskNo: number, leadUnits: string[], responsibleUnits: string[], at: string) =>
  event(
    `planTask-${taskNo}`,
    'PlanTaskRegistered',
    { taskNo, group: 'g', title: 't', summary: 's', timeNodes: [], leadUnits, responsibleUnits, note: null, registeredAt: at },
    at,
  );
const report = (unitId: string, period: string, dueAt: string, at: string, late: boolean) =>
  event(`monthlyReport-${unitId}-${period}`, 'MonthlyReportSubmitted', { unitId, period, items: [], dueAt, submittedAt: at, late }, at);
const scheduled = (id: string, at: string) =>
  event(
    `inspection-${id}`,
    'InspectionScheduled',
    { inspectionId: id, kindergartenId: 'kg-a', kind: 'annual', year: 2025, scheduledOn: '2025-02-01', scheduledAt: at },
    at,
  );
const concluded = (id: string, outcome: 'passed' | 'failed', at: string) =>
  event(`inspection-${id}`, 'InspectionConcluded', { inspectionId: id, outcome, summary: '结论', concludedAt: at }, at);

// the record on 2 January: units a and b report (their tasks), c has no task
const REFERENCE = [
  unit('unit-a', '2025-01-02T09:00:00.000+08:00'),
  unit('unit-b', '2025-01-02T09:00:00.000+08:00'),
  unit('unit-c', '2025-01-02T09:00:00.000+08:00'),
  task(1, ['unit-a'], ['unit-b'], '2025-01-02T09:00:00.000+08:00'),
];
const WITHIN_Q1 = [
  scheduled('i1', '2025-01-10T09:00:00.000+08:00'),
  concluded('i1', 'passed', '2025-02-10T09:00:00.000+08:00'),
  scheduled('i2', '2025-03-10T09:00:00.000+08:00'),
  report('unit-a', '2025-01', '2025-02-05T23:59:59.999+08:00', '2025-02-03T10:00:00.000+08:00', false),
  report('unit-b', '2025-02', '2025-03-05T23:59:59.999+08:00', '2025-03-07T10:00:00.000+08:00', true),
];
// decided after the quarter's end: the bulletin must not move
const AFTER_Q1 = [
  concluded('i2', 'failed', '2025-04-02T09:00:00.000+08:00'),
  report('unit-a', '2025-02', '2025-03-05T23:59:59.999+08:00', '2025-04-03T10:00:00.000+08:00', true),
  scheduled('i3', '2025-04-03T09:00:00.000+08:00'),
];

describe('the quarterly bulletin', () => {
  const bulletin = quarterlyBulletin(Q1, [...REFERENCE, ...WITHIN_Q1]);

  it('counts inspections concluded in the quarter by outcome, and those not concluded at its end', () => {
    expect(bulletin.inspections).toMatchObject({ passed: 1, failed: 0, pending: 1 });
    expect(bulletin.inspections.byKind.annual).toEqual({ passed: 1, failed: 0, pending: 1 });
  });

  it('does not count an inspection cancelled in the quarter, not even as pending', () => {
    const cancelled = event(
      'inspection-i9',
      'InspectionCancelled',
      { inspectionId: 'i9', reason: '重复安排', cancelledAt: '2025-03-12T09:00:00.000+08:00' },
      '2025-03-12T09:00:00.000+08:00',
    );
    const withCancelled = quarterlyBulletin(Q1, [...REFERENCE, ...WITHIN_Q1, scheduled('i9', '2025-03-11T09:00:00.000+08:00'), cancelled]);
    expect(withCancelled.inspections).toMatchObject({ passed: 1, failed: 0, pending: 1 });
  });

  it('counts monthly reports due in the quarter, by unit with a task, from registration on', () => {
    // December 2024 ended before the units were registered: only January and February are expected
    expect(bulletin.monthlyReports.periods).toEqual(['2024-12', '2025-01', '2025-02']);
    expect(bulletin.monthlyReports).toMatchObject({ onTime: 1, late: 1, missing: 2 });
    expect(bulletin.monthlyReports.units.map(({ unitId, onTime, late, missing }) => ({ unitId, onTime, late, missing }))).toEqual([
      { unitId: 'unit-a', onTime: 1, late: 0, missing: 1 },
      { unitId: 'unit-b', onTime: 0, late: 1, missing: 1 },
    ]);
  });

  it('is the same whatever was recorded after the quarter’s end, and wherever those events sit in the log', () => {
    expect(quarterlyBulletin(Q1, [...REFERENCE, ...WITHIN_Q1, ...AFTER_Q1])).toEqual(bulletin);
    expect(quarterlyBulletin(Q1, [...REFERENCE, ...AFTER_Q1, ...WITHIN_Q1])).toEqual(bulletin);
  });

  it('gives the same figures per township, for the kindergartens registered there at the quarter’s end', () => {
    const registered = (id: string, township: string, at: string) =>
      event(`kindergarten-${id}`, 'KindergartenRegistered', { kindergartenId: id, name: id, township, ownership: 'public', registeredAt: at }, at);
    const moved = event(
      'kindergarten-kg-b',
      'KindergartenUpdated',
      { kindergartenId: 'kg-b', name: 'kg-b', township: 'chengguan', ownership: 'public', updatedAt: '2025-04-01T09:00:00.000+08:00' },
      '2025-04-01T09:00:00.000+08:00',
    );
    const elsewhere = event(
      'inspection-i5',
      'InspectionScheduled',
      {
        inspectionId: 'i5',
        kindergartenId: 'kg-b',
        kind: 'safety',
        year: 2025,
        scheduledOn: '2025-03-20',
        scheduledAt: '2025-03-01T09:00:00.000+08:00',
      },
      '2025-03-01T09:00:00.000+08:00',
    );
    const withTownships = quarterlyBulletin(Q1, [
      registered('kg-a', 'chengguan', '2025-01-02T09:00:00.000+08:00'),
      registered('kg-b', 'hongqi', '2025-01-02T09:00:00.000+08:00'),
      ...REFERENCE,
      ...WITHIN_Q1,
      elsewhere,
      moved,
      ...AFTER_Q1,
    ]);
    const empty = { issued: 0, published: 0 };
    const noCases = { open: 0, overdue: 0, closed: 0, failed: 0 };
    expect(withTownships.townships).toEqual([
      { township: 'chengguan', kindergartens: 1, inspections: { passed: 1, failed: 0, pending: 1 }, notices: empty, cases: noCases, suspensions: 0 },
      { township: 'hongqi', kindergartens: 1, inspections: { passed: 0, failed: 0, pending: 1 }, notices: empty, cases: noCases, suspensions: 0 },
    ]);
    expect(withTownships.inspections).toMatchObject({ passed: 1, failed: 0, pending: 2 });
  });

  it('counts the later events in the next quarter', () => {
    const q2 = quarterlyBulletin({ year: 2025, quarter: 2 }, [...REFERENCE, ...WITHIN_Q1, ...AFTER_Q1]);
    expect(q2.inspections).toMatchObject({ passed: 0, failed: 1, pending: 1 });
    expect(q2.monthlyReports.periods).toEqual(['2025-03', '2025-04', '2025-05']);
  });
});
