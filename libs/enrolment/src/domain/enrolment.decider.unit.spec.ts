import { describe, expect, it } from '@jest/globals';
import { ConflictError, fold, RuleViolationError } from '@app/event-sourcing';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import type { InspectionState } from '@app/inspections/domain';
import type { RectificationCase } from '@app/rectifications/domain';
import type { EnrolmentCommand } from './enrolment.commands.js';
import { enrolmentDecider, enrolmentStreamId, type EnrolmentContext } from './enrolment.decider.js';
import type { EnrolmentEvent, EnrolmentReinstated, EnrolmentSuspended } from './enrolment.events.js';

type ConcludedInspection = Extract<InspectionState, { status: 'concluded' }>;

const KG = 'kg-sunshine';
const CASE = 'rc-insp-1';

// Monday 2025-03-03, 10:00 in Shanghai
const SUSPENDED_AT = '2025-03-03T10:00:00.000+08:00';
const REINSTATED_AT = '2025-04-11T10:00:00.000+08:00';
const at = (written: string): Date => new Date(written);

const rectification = (status: RectificationCase['status'], overrides: Partial<RectificationCase> = {}): RectificationCase => ({
  status,
  id: CASE,
  kindergartenId: KG,
  inspectionId: 'insp-1',
  findings: [{ code: 'F1', description: '消防通道堵塞', severity: 'critical' }],
  deadline: { workingDays: 5 },
  dueAt: '2025-02-14T23:59:59.999+08:00',
  overdue: false,
  publish: true,
  issuedAt: '2025-02-07T10:00:00.000+08:00',
  acknowledgedAt: '2025-02-08T10:00:00.000+08:00',
  reports: [],
  extension: null,
  followUp: status === 'failed' ? { inspectionId: 'fu-0', outcome: 'failed', recordedAt: '2025-02-28T16:00:00.000+08:00' } : null,
  closedAt: status === 'failed' || status === 'closed' ? '2025-02-28T16:00:00.000+08:00' : null,
  deadlineSetAt: '2025-02-07T10:00:00.000+08:00',
  documentNo: '清教督改〔2025〕1号',
  publishedAt: null,
  deadlineReset: null,
  withdrawal: null,
  sent: [],
  ...overrides,
});

const followUpInspection = (outcome: 'passed' | 'failed', overrides: Partial<ConcludedInspection> = {}): ConcludedInspection => ({
  status: 'concluded',
  id: 'fu-1',
  kindergartenId: KG,
  kind: 'follow-up',
  year: 2025,
  scheduledOn: '2025-04-10',
  scheduledAt: '2025-04-01T09:00:00.000+08:00',
  findings: outcome === 'failed' ? [{ code: 'F1', description: '消防通道堵塞', severity: 'critical' }] : [],
  outcome,
  summary: '复查',
  concludedAt: '2025-04-10T15:00:00.000+08:00',
  ...overrides,
});

const context: EnrolmentContext = {
  now: at(SUSPENDED_AT),
  actor: { sub: 'wang', role: 'supervisor' },
  rectification: rectification('failed'),
  inspection: followUpInspection('passed'),
};
const given = DeciderSpecification.for(enrolmentDecider, context);

const suspend = (effectiveFrom = '2025-03-03', rectificationId = CASE): EnrolmentCommand => ({
  type: 'SuspendEnrolment',
  data: { kindergartenId: KG, rectificationId, effectiveFrom, reason: '整改后仍不达标' },
});
const reinstate = (inspectionId = 'fu-1'): EnrolmentCommand => ({
  type: 'ReinstateEnrolment',
  data: { kindergartenId: KG, inspectionId, reason: '复查合格' },
});

const suspended = (suspendedAt = SUSPENDED_AT, effectiveFrom = '2025-03-03', rectificationId = CASE): EnrolmentSuspended => ({
  type: 'EnrolmentSuspended',
  data: { kindergartenId: KG, rectificationId, effectiveFrom, reason: '整改后仍不达标', suspendedAt },
});
const reinstated = (reinstatedAt = REINSTATED_AT, inspectionId = 'fu-1'): EnrolmentReinstated => ({
  type: 'EnrolmentReinstated',
  data: { kindergartenId: KG, inspectionId, reason: '复查合格', reinstatedAt },
});

describe('Enrolment', () => {
  it('lives in the stream enrolment-{kindergartenId}', () => {
    expect(enrolmentStreamId(KG)).toBe('enrolment-kg-sunshine');
  });

  describe('when open', () => {
    it('starts open', () => {
      expect(fold(enrolmentDecider, [])).toEqual({ status: 'open', lastReinstatedAt: null });
    });

    it('is suspended from today, citing a failed case of this kindergarten', () => {
      given([]).when(suspend('2025-03-03')).then([suspended()]);
    });

    it('is suspended from a later date, and is suspended as soon as that is recorded', () => {
      given([])
        .when(suspend('2025-04-01'))
        .then([suspended(SUSPENDED_AT, '2025-04-01')]);
      expect(fold(enrolmentDecider, [suspended(SUSPENDED_AT, '2025-04-01')])).toEqual({
        status: 'suspended',
        rectificationId: CASE,
        effectiveFrom: '2025-04-01',
        reason: '整改后仍不达标',
        suspendedAt: SUSPENDED_AT,
      });
    });

    it('refuses a suspension effective yesterday', () => {
      given([]).when(suspend('2025-03-02')).thenThrows(RuleViolationError, 'effective-from-in-past');
    });

    it('reads "today" in Shanghai just after midnight there, while UTC is still on the day before', () => {
      // 2025-03-02T16:30Z is 00:30 on 2025-03-03 in Shanghai
      const earlyMonday = new Date('2025-03-02T16:30:00Z');
      given([]).when(suspend('2025-03-02'), { now: earlyMonday }).thenThrows(RuleViolationError, 'effective-from-in-past');
      given([])
        .when(suspend('2025-03-03'), { now: earlyMonday })
        .then([suspended('2025-03-03T00:30:00.000+08:00', '2025-03-03')]);
    });

    it('reads "today" in Shanghai until its last millisecond', () => {
      given([])
        .when(suspend('2025-03-03'), { now: new Date('2025-03-03T15:59:59.999Z') })
        .then([suspended('2025-03-03T23:59:59.999+08:00', '2025-03-03')]);
      given([])
        .when(suspend('2025-03-03'), { now: new Date('2025-03-03T16:00:00Z') })
        .thenThrows(RuleViolationError, 'effective-from-in-past');
    });

    it('checks the date before the case', () => {
      given([])
        .when(suspend('2025-03-02'), { rectification: rectification('acknowledged') })
        .thenThrows(RuleViolationError, 'effective-from-in-past');
    });

    // api.md Conventions: a reference to something that does not exist inside a body is 422 unknown-…
    it('refuses a suspension citing a case that does not exist', () => {
      given([]).when(suspend(), { rectification: undefined }).thenThrows(RuleViolationError, 'unknown-rectification');
      given([])
        .when(suspend(), { rectification: { status: 'none' } })
        .thenThrows(RuleViolationError, 'unknown-rectification');
    });

    it('refuses a suspension citing an open case', () => {
      for (const status of ['issued', 'acknowledged', 'submitted', 'returned'] as const) {
        given([])
          .when(suspend(), { rectification: rectification(status) })
          .thenThrows(RuleViolationError, 'suspension-requires-failed-rectification');
      }
    });

    it('refuses a suspension citing a closed case', () => {
      given([])
        .when(suspend(), { rectification: rectification('closed') })
        .thenThrows(RuleViolationError, 'suspension-requires-failed-rectification');
    });

    it("refuses a suspension citing another kindergarten's failed case", () => {
      given([])
        .when(suspend(), { rectification: rectification('failed', { kindergartenId: 'kg-other' }) })
        .thenThrows(RuleViolationError, 'suspension-requires-failed-rectification');
    });

    it('refuses a reinstatement', () => {
      given([]).when(reinstate()).thenThrows(ConflictError, 'not-suspended');
    });
  });

  describe('when suspended', () => {
    it('refuses a second suspension', () => {
      given([suspended()]).when(suspend('2025-03-05')).thenThrows(ConflictError, 'already-suspended');
    });

    it('checks the date before the suspension in force, and that before the case', () => {
      given([suspended()]).when(suspend('2025-03-02')).thenThrows(RuleViolationError, 'effective-from-in-past');
      given([suspended()]).when(suspend('2025-03-05'), { rectification: undefined }).thenThrows(ConflictError, 'already-suspended');
    });

    it('is reinstated by a follow-up of this kindergarten passed after the suspension', () => {
      given([suspended()])
        .when(reinstate(), { now: at(REINSTATED_AT) })
        .then([reinstated()]);
    });

    it('is reinstated even before the suspension took effect', () => {
      given([suspended(SUSPENDED_AT, '2025-05-01')])
        .when(reinstate(), { now: at(REINSTATED_AT) })
        .then([reinstated()]);
    });

    it('is not reinstated by a failed follow-up', () => {
      given([suspended()])
        .when(reinstate(), { inspection: followUpInspection('failed') })
        .thenThrows(RuleViolationError, 'reinstatement-requires-passed-follow-up');
    });

    it('is not reinstated by an inspection of another kind', () => {
      for (const kind of ['annual', 'safety', 'quality'] as const) {
        given([suspended()])
          .when(reinstate(), { inspection: followUpInspection('passed', { kind }) })
          .thenThrows(RuleViolationError, 'reinstatement-requires-passed-follow-up');
      }
    });

    it("is not reinstated by another kindergarten's follow-up", () => {
      given([suspended()])
        .when(reinstate(), { inspection: followUpInspection('passed', { kindergartenId: 'kg-other' }) })
        .thenThrows(RuleViolationError, 'reinstatement-requires-passed-follow-up');
    });

    it('is not reinstated by a follow-up concluded before the suspension was recorded', () => {
      given([suspended()])
        .when(reinstate(), { now: at(REINSTATED_AT), inspection: followUpInspection('passed', { concludedAt: '2025-03-03T09:59:59.999+08:00' }) })
        .thenThrows(RuleViolationError, 'reinstatement-requires-passed-follow-up');
      given([suspended()])
        .when(reinstate(), { now: at(REINSTATED_AT), inspection: followUpInspection('passed', { concludedAt: SUSPENDED_AT }) })
        .thenThrows(RuleViolationError, 'reinstatement-requires-passed-follow-up');
    });

    it('is not reinstated by a follow-up not yet concluded, or one that does not exist', () => {
      const { outcome: _outcome, summary: _summary, concludedAt: _concludedAt, ...open } = followUpInspection('passed');
      given([suspended()])
        .when(reinstate(), { inspection: { ...open, status: 'scheduled' } })
        .thenThrows(RuleViolationError, 'reinstatement-requires-passed-follow-up');
      given([suspended()])
        .when(reinstate(), { inspection: { status: 'none' } })
        .thenThrows(RuleViolationError, 'unknown-inspection');
      given([suspended()]).when(reinstate(), { inspection: undefined }).thenThrows(RuleViolationError, 'unknown-inspection');
    });
  });

  describe('when reinstated', () => {
    const history = (): EnrolmentEvent[] => [suspended(), reinstated()];

    it('is open again', () => {
      expect(fold(enrolmentDecider, history())).toEqual({ status: 'open', lastReinstatedAt: REINSTATED_AT });
    });

    it('refuses a second reinstatement', () => {
      given(history()).when(reinstate()).thenThrows(ConflictError, 'not-suspended');
    });

    it('is suspended again, citing a new failed case', () => {
      const resuspendedAt = '2025-09-01T10:00:00.000+08:00';
      given(history())
        .when(suspend('2025-09-02', 'rc-insp-2'), { now: at(resuspendedAt), rectification: rectification('failed', { id: 'rc-insp-2' }) })
        .then([suspended(resuspendedAt, '2025-09-02', 'rc-insp-2')]);
    });

    it('is reinstated again only by a follow-up passed after the new suspension', () => {
      const resuspended = [...history(), suspended('2025-09-01T10:00:00.000+08:00', '2025-09-02', 'rc-insp-2')];
      given(resuspended)
        .when(reinstate(), { now: at('2025-10-01T10:00:00.000+08:00') })
        .thenThrows(RuleViolationError, 'reinstatement-requires-passed-follow-up');
      given(resuspended)
        .when(reinstate('fu-2'), {
          now: at('2025-10-01T10:00:00.000+08:00'),
          inspection: followUpInspection('passed', { id: 'fu-2', concludedAt: '2025-09-30T15:00:00.000+08:00' }),
        })
        .then([reinstated('2025-10-01T10:00:00.000+08:00', 'fu-2')]);
    });
  });

  describe('evolve', () => {
    it('is total: an unknown event leaves the state unchanged', () => {
      for (const events of [[], [suspended()], [suspended(), reinstated()]]) {
        const state = fold(enrolmentDecider, events);
        const unknown = { type: 'KindergartenRegistered', data: { kindergartenId: KG } } as unknown as EnrolmentEvent;
        expect(enrolmentDecider.evolve(state, unknown)).toBe(state);
      }
    });
  });
});
