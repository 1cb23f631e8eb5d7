import { describe, expect, it } from '@jest/globals';
import { ConflictError, fold, NotFoundError, RuleViolationError } from '@app/event-sourcing';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import type { InspectionCommand } from './inspection.commands.js';
import { annualInspectionId, inspectionDecider, inspectionStreamId, type InspectionContext } from './inspection.decider.js';
import type {
  FindingAmended,
  FindingWithdrawn,
  InspectionCancelled,
  InspectionRescheduled,
  FindingRecorded,
  InspectionConcluded,
  InspectionEvent,
  InspectionKind,
  InspectionScheduled,
  Outcome,
  Severity,
} from './inspection.events.js';

// Monday 2025-03-03, 10:00 in Shanghai
const now = new Date('2025-03-03T02:00:00Z');
const AT = '2025-03-03T10:00:00.000+08:00';
const context: InspectionContext = { now, actor: { sub: 'wang', role: 'supervisor' }, kindergartenRegistered: true };
const given = DeciderSpecification.for(inspectionDecider, context);

const KG = 'kg-sunshine';
const ID = 'insp-1';

const schedule = (kind: InspectionKind = 'safety', inspectionId = ID): InspectionCommand => ({
  type: 'ScheduleInspection',
  data: { inspectionId, kindergartenId: KG, kind, year: 2025, scheduledOn: '2025-03-03' },
});
const recordFinding = (code: string, severity: Severity = 'major'): InspectionCommand => ({
  type: 'RecordFinding',
  data: { code, description: `问题 ${code}`, severity },
});
const conclude = (outcome: Outcome, summary = '检查结论'): InspectionCommand => ({ type: 'ConcludeInspection', data: { outcome, summary } });

const scheduled = (kind: InspectionKind = 'safety', inspectionId = ID): InspectionScheduled => ({
  type: 'InspectionScheduled',
  data: { inspectionId, kindergartenId: KG, kind, year: 2025, scheduledOn: '2025-03-03', scheduledAt: AT },
});
const findingRecorded = (code: string, severity: Severity = 'major', recordedAt = AT): FindingRecorded => ({
  type: 'FindingRecorded',
  data: { inspectionId: ID, code, description: `问题 ${code}`, severity, recordedAt },
});
const concluded = (outcome: Outcome, concludedAt = AT, summary = '检查结论'): InspectionConcluded => ({
  type: 'InspectionConcluded',
  data: { inspectionId: ID, outcome, summary, concludedAt },
});

describe('Inspection', () => {
  it('lives in the stream inspection-{id}', () => {
    expect(inspectionStreamId(ID)).toBe('inspection-insp-1');
  });

  describe('annualInspectionId', () => {
    it('is derived from the kindergarten and the year alone', () => {
      expect(annualInspectionId(KG, 2025)).toBe(annualInspectionId(KG, 2025));
      expect(annualInspectionId(KG, 2025)).toBe('annual-2025-kg-sunshine');
      expect(annualInspectionId(KG, 2026)).not.toBe(annualInspectionId(KG, 2025));
      expect(annualInspectionId('kg-other', 2025)).not.toBe(annualInspectionId(KG, 2025));
    });
  });

  describe('when not scheduled', () => {
    it('schedules an inspection of a registered kindergarten', () => {
      given([])
        .when(schedule('safety'))
        .then([scheduled('safety')]);
    });

    it('refuses one for a kindergarten that is not registered', () => {
      given([]).when(schedule('quality'), { kindergartenRegistered: false }).thenThrows(RuleViolationError, 'unknown-kindergarten');
    });

    it('refuses one for a closed kindergarten, writing nothing', () => {
      given([]).when(schedule('quality'), { kindergartenClosed: true }).thenThrows(ConflictError, 'kindergarten-closed');
    });

    it('refuses a finding or a conclusion: the inspection does not exist', () => {
      given([]).when(recordFinding('F1')).thenThrows(NotFoundError, 'not-found');
      given([]).when(conclude('passed')).thenThrows(NotFoundError, 'not-found');
    });
  });

  describe('when scheduled', () => {
    it('refuses a second annual inspection of the same kindergarten and year', () => {
      const id = annualInspectionId(KG, 2025);
      given([scheduled('annual', id)])
        .when(schedule('annual', id))
        .thenThrows(ConflictError, 'annual-inspection-exists');
    });

    it('checks the kindergarten before the annual inspection already there', () => {
      const id = annualInspectionId(KG, 2025);
      given([scheduled('annual', id)])
        .when(schedule('annual', id), { kindergartenRegistered: false })
        .thenThrows(RuleViolationError, 'unknown-kindergarten');
    });

    it('refuses to schedule the same inspection twice', () => {
      given([scheduled('safety')])
        .when(schedule('safety'))
        .thenThrows(ConflictError, 'inspection-exists');
    });

    it('records a finding', () => {
      given([scheduled()])
        .when(recordFinding('F1', 'critical'), { now: new Date('2025-03-10T03:15:00Z') })
        .then([findingRecorded('F1', 'critical', '2025-03-10T11:15:00.000+08:00')]);
    });

    it('refuses a finding whose code is already recorded', () => {
      given([scheduled(), findingRecorded('F1')])
        .when(recordFinding('F1', 'minor'))
        .thenThrows(ConflictError, 'finding-exists');
    });

    it('records findings with other codes', () => {
      given([scheduled(), findingRecorded('F1')])
        .when(recordFinding('F2'))
        .then([findingRecorded('F2')]);
    });

    it('concludes passed without findings', () => {
      given([scheduled()])
        .when(conclude('passed', '合格'))
        .then([concluded('passed', AT, '合格')]);
    });

    it('concludes failed with findings', () => {
      given([scheduled(), findingRecorded('F1')])
        .when(conclude('failed'))
        .then([concluded('failed')]);
    });

    it('refuses to conclude failed without findings', () => {
      given([scheduled()]).when(conclude('failed')).thenThrows(RuleViolationError, 'failed-without-findings');
    });

    it('keeps its findings in the order they were recorded', () => {
      const state = fold(inspectionDecider, [scheduled(), findingRecorded('F2', 'minor'), findingRecorded('F1', 'critical')]);
      expect(state.status === 'scheduled' && state.findings).toEqual([
        { code: 'F2', description: '问题 F2', severity: 'minor' },
        { code: 'F1', description: '问题 F1', severity: 'critical' },
      ]);
    });
  });

  describe('when concluded', () => {
    const history = [scheduled(), findingRecorded('F1'), concluded('failed')];

    it('refuses a new finding', () => {
      given(history).when(recordFinding('F2')).thenThrows(ConflictError, 'inspection-concluded');
    });

    it('says concluded before finding-exists', () => {
      given(history).when(recordFinding('F1')).thenThrows(ConflictError, 'inspection-concluded');
    });

    it('refuses a second conclusion', () => {
      given(history).when(conclude('passed')).thenThrows(ConflictError, 'inspection-concluded');
    });

    it('says concluded before failed-without-findings', () => {
      given([scheduled(), concluded('passed')])
        .when(conclude('failed'))
        .thenThrows(ConflictError, 'inspection-concluded');
    });

    it('holds the outcome, summary and time of the conclusion', () => {
      const state = fold(inspectionDecider, [
        scheduled('follow-up'),
        findingRecorded('F1'),
        concluded('failed', '2025-03-12T16:00:00.000+08:00', '不合格'),
      ]);
      expect(state).toEqual({
        status: 'concluded',
        id: ID,
        kindergartenId: KG,
        kind: 'follow-up',
        year: 2025,
        scheduledOn: '2025-03-03',
        scheduledAt: AT,
        findings: [{ code: 'F1', description: '问题 F1', severity: 'major' }],
        withdrawnFindings: [],
        outcome: 'failed',
        summary: '不合格',
        concludedAt: '2025-03-12T16:00:00.000+08:00',
      });
    });
  });

  describe('corrections before the conclusion', () => {
    const LATER = '2025-03-05T10:00:00.000+08:00';
    const later = { now: new Date(LATER) };
    const reschedule = (scheduledOn: string): InspectionCommand => ({ type: 'RescheduleInspection', data: { scheduledOn, reason: '园方活动冲突' } });
    const cancel: InspectionCommand = { type: 'CancelInspection', data: { reason: '重复安排' } };
    const amend = (code: string): InspectionCommand => ({ type: 'AmendFinding', data: { code, description: '更正后的描述', severity: 'critical' } });
    const withdraw = (code: string): InspectionCommand => ({ type: 'WithdrawFinding', data: { code, reason: '核实后不属实' } });
    const rescheduled = (scheduledOn: string, previousScheduledOn = '2025-03-03'): InspectionRescheduled => ({
      type: 'InspectionRescheduled',
      data: { inspectionId: ID, previousScheduledOn, scheduledOn, reason: '园方活动冲突', rescheduledAt: LATER },
    });
    const cancelled: InspectionCancelled = { type: 'InspectionCancelled', data: { inspectionId: ID, reason: '重复安排', cancelledAt: LATER } };
    const amended = (code: string): FindingAmended => ({
      type: 'FindingAmended',
      data: { inspectionId: ID, code, description: '更正后的描述', severity: 'critical', amendedAt: LATER },
    });
    const withdrawn = (code: string): FindingWithdrawn => ({
      type: 'FindingWithdrawn',
      data: { inspectionId: ID, code, reason: '核实后不属实', withdrawnAt: LATER },
    });
    const concludedHistory = [scheduled(), findingRecorded('F1'), concluded('failed')];

    it('schedules only within the inspection’s year', () => {
      given([])
        .when({ type: 'ScheduleInspection', data: { inspectionId: ID, kindergartenId: KG, kind: 'safety', year: 2025, scheduledOn: '2026-01-02' } })
        .thenThrows(RuleViolationError, 'scheduled-outside-year');
      given([scheduled()]).when(reschedule('2024-12-31'), later).thenThrows(RuleViolationError, 'scheduled-outside-year');
    });

    it('reschedules, and then may not be concluded before the new day', () => {
      given([scheduled()]).when(reschedule('2025-03-12'), later).then([rescheduled('2025-03-12')]);
      const history = [scheduled(), findingRecorded('F1'), rescheduled('2025-03-12')];
      given(history).when(conclude('failed'), later).thenThrows(RuleViolationError, 'conclusion-before-scheduled');
      given(history)
        .when(conclude('failed'), { now: new Date('2025-03-12T01:00:00Z') })
        .then([concluded('failed', '2025-03-12T09:00:00.000+08:00')]);
    });

    it('refuses a conclusion before the scheduled day (Asia/Shanghai)', () => {
      // 2025-03-02T16:30Z is already 3 March in Shanghai: the scheduled day itself
      given([scheduled()])
        .when(conclude('passed'), { now: new Date('2025-03-02T15:59:59Z') })
        .thenThrows(RuleViolationError, 'conclusion-before-scheduled');
      given([scheduled()])
        .when(conclude('passed'), { now: new Date('2025-03-02T16:30:00Z') })
        .then([concluded('passed', '2025-03-03T00:30:00.000+08:00')]);
    });

    it('cancels: final, and still holding an annual inspection’s year', () => {
      given([scheduled()]).when(cancel, later).then([cancelled]);
      const history = [scheduled(), cancelled];
      expect(fold(inspectionDecider, history)).toMatchObject({ status: 'cancelled', cancellation: { reason: '重复安排', cancelledAt: LATER } });
      for (const command of [cancel, reschedule('2025-03-12'), recordFinding('F2'), conclude('passed')]) {
        given(history).when(command, later).thenThrows(ConflictError, 'invalid-transition');
      }
      const annual = annualInspectionId(KG, 2025);
      given([scheduled('annual', annual), { ...cancelled, data: { ...cancelled.data, inspectionId: annual } }])
        .when(schedule('annual', annual))
        .thenThrows(ConflictError, 'annual-inspection-exists');
    });

    it('amends a finding', () => {
      given([scheduled(), findingRecorded('F1')]).when(amend('F1'), later).then([amended('F1')]);
      expect(fold(inspectionDecider, [scheduled(), findingRecorded('F1'), amended('F1')])).toMatchObject({
        findings: [{ code: 'F1', description: '更正后的描述', severity: 'critical' }],
      });
    });

    it('withdraws a finding: it leaves findings, and its code cannot be recorded again or fail the inspection', () => {
      given([scheduled(), findingRecorded('F1')]).when(withdraw('F1'), later).then([withdrawn('F1')]);
      const history = [scheduled(), findingRecorded('F1'), withdrawn('F1')];
      expect(fold(inspectionDecider, history)).toMatchObject({
        findings: [],
        withdrawnFindings: [{ code: 'F1', description: '问题 F1', severity: 'major', reason: '核实后不属实', withdrawnAt: LATER }],
      });
      given(history).when(recordFinding('F1'), later).thenThrows(ConflictError, 'finding-exists');
      given(history).when(conclude('failed'), later).thenThrows(RuleViolationError, 'failed-without-findings');
      for (const command of [amend('F1'), withdraw('F1')]) given(history).when(command, later).thenThrows(NotFoundError, 'not-found');
    });

    it('refuses a code the inspection does not hold: 404, even once concluded', () => {
      given([scheduled()]).when(amend('F9'), later).thenThrows(NotFoundError, 'not-found');
      given(concludedHistory).when(withdraw('F9'), later).thenThrows(NotFoundError, 'not-found');
    });

    it('refuses every correction once concluded', () => {
      for (const command of [reschedule('2025-03-12'), cancel, amend('F1'), withdraw('F1')]) {
        given(concludedHistory).when(command, later).thenThrows(ConflictError, 'inspection-concluded');
      }
    });

    it('knows no inspection to correct', () => {
      for (const command of [reschedule('2025-03-12'), cancel, amend('F1'), withdraw('F1')]) {
        given([]).when(command, later).thenThrows(NotFoundError, 'not-found');
      }
    });
  });

  describe('evolve', () => {
    it('is total: an unknown event leaves the state unchanged', () => {
      const state = fold(inspectionDecider, [scheduled(), findingRecorded('F1')]);
      const unknown = { type: 'SomethingElseHappened', data: {} } as unknown as InspectionEvent;
      expect(inspectionDecider.evolve(state, unknown)).toBe(state);
    });

    it('ignores findings and conclusions that do not fit the state', () => {
      expect(fold(inspectionDecider, [findingRecorded('F1'), concluded('passed')])).toEqual({ status: 'none' });
      const closed = fold(inspectionDecider, [scheduled(), concluded('passed')]);
      expect(inspectionDecider.evolve(closed, findingRecorded('F9'))).toBe(closed);
    });
  });
});
