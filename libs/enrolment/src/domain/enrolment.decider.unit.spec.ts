import { describe, expect, it } from '@jest/globals';
import type { AttachmentState } from '@app/attachments/domain';
import { ConflictError, fold, RuleViolationError } from '@app/event-sourcing';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import type { InspectionState } from '@app/inspections/domain';
import type { RectificationCase } from '@app/rectifications/domain';
import type { EnrolmentCommand } from './enrolment.commands.js';
import { enrolmentDecider, enrolmentStreamId, latestProposal, type EnrolmentContext } from './enrolment.decider.js';
import type {
  EnrolmentEvent,
  EnrolmentReinstated,
  EnrolmentSuspended,
  StatementSubmitted,
  StatementWaived,
  SuspensionProposed,
  SuspensionWithdrawn,
} from './enrolment.events.js';
import { enrolmentNotifications } from './enrolment-notifications.js';
import { enrolmentView } from './enrolment-view.js';

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

// Mon–Fri are working days here; the real calendar's holidays are its own spec's business
const weekdays = {
  deadline(issuedOn: string, workingDays: number) {
    const day = new Date(`${issuedOn}T00:00:00Z`);
    for (let counted = 0; counted < workingDays;) {
      day.setUTCDate(day.getUTCDate() + 1);
      if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) counted++;
    }
    const dueDate = day.toISOString().slice(0, 10);
    return { dueDate, dueAt: `${dueDate}T23:59:59.999+08:00` };
  },
};

const PROPOSED_AT = '2025-02-28T10:00:00.000+08:00'; // a Friday
const STATEMENT_DUE = '2025-03-05T23:59:59.999+08:00'; // three working days later: Mon, Tue, Wed
const REMINDER_AT = '2025-03-04T23:59:59.999+08:00';

const DIRECTOR = { sub: 'li', role: 'kindergarten', kindergartenId: KG };
const SHA = 'a'.repeat(64);
const uploaded = (uploadedBy: { sub: string; role: string; kindergartenId?: string }): AttachmentState => ({
  status: 'uploaded',
  id: 'att-1',
  name: '整改照片.jpg',
  contentType: 'image/jpeg',
  sizeBytes: 1024,
  sha256: SHA,
  thumbnail: true,
  uploadedBy,
  uploadedAt: '2025-03-01T09:00:00.000+08:00',
});
const STATEMENT_ATTACHMENT = { attachmentId: 'att-1', name: '整改照片.jpg', contentType: 'image/jpeg', sha256: SHA, sizeBytes: 1024 };

const context: EnrolmentContext = {
  now: at(SUSPENDED_AT),
  actor: { sub: 'wang', role: 'supervisor' },
  attachments: { 'att-1': uploaded(DIRECTOR) },
  rectification: rectification('failed'),
  inspection: followUpInspection('passed'),
  calendar: weekdays,
  statementWorkingDays: 3,
};
const given = DeciderSpecification.for(enrolmentDecider, context);

const propose = (rectificationId = CASE): EnrolmentCommand => ({
  type: 'ProposeSuspension',
  data: { kindergartenId: KG, rectificationId, facts: '复查仍不达标', basis: '清政发〔2023〕52号', proposedFrom: '2025-03-10' },
});
const suspend = (effectiveFrom = '2025-03-03'): EnrolmentCommand => ({
  type: 'DecideSuspension',
  data: { kindergartenId: KG, decision: 'suspend', reason: '整改后仍不达标', effectiveFrom },
});
const suspendFromToday = (): EnrolmentCommand => ({
  type: 'DecideSuspension',
  data: { kindergartenId: KG, decision: 'suspend', reason: '整改后仍不达标' },
});
const withdraw = (): EnrolmentCommand => ({ type: 'DecideSuspension', data: { kindergartenId: KG, decision: 'withdraw', reason: '陈述理由成立' } });
const state = (text = '已完成整改'): EnrolmentCommand => ({ type: 'SubmitStatement', data: { kindergartenId: KG, text, attachmentIds: ['att-1'] } });
const waive = (): EnrolmentCommand => ({ type: 'WaiveStatement', data: { kindergartenId: KG } });

const proposed = (
  proposalNo = 1,
  proposedAt = PROPOSED_AT,
  statementDueAt = STATEMENT_DUE,
  reminderAt = REMINDER_AT,
  rectificationId = CASE,
): SuspensionProposed => ({
  type: 'SuspensionProposed',
  data: {
    kindergartenId: KG,
    proposalNo,
    rectificationId,
    facts: '复查仍不达标',
    basis: '清政发〔2023〕52号',
    proposedFrom: '2025-03-10',
    proposedAt,
    statementDueAt,
    reminderAt,
  },
});
const stated = (proposalNo = 1, submittedAt = '2025-03-03T09:00:00.000+08:00'): StatementSubmitted => ({
  type: 'StatementSubmitted',
  data: { kindergartenId: KG, proposalNo, text: '已完成整改', attachmentIds: ['att-1'], attachments: [STATEMENT_ATTACHMENT], submittedAt },
});
const waived = (proposalNo = 1, waivedAt = '2025-03-03T09:00:00.000+08:00'): StatementWaived => ({
  type: 'StatementWaived',
  data: { kindergartenId: KG, proposalNo, waivedAt },
});
const withdrawn = (proposalNo = 1, withdrawnAt = SUSPENDED_AT): SuspensionWithdrawn => ({
  type: 'SuspensionWithdrawn',
  data: { kindergartenId: KG, proposalNo, rectificationId: CASE, reason: '陈述理由成立', withdrawnAt },
});
const reinstate = (inspectionId = 'fu-1'): EnrolmentCommand => ({
  type: 'ReinstateEnrolment',
  data: { kindergartenId: KG, inspectionId, reason: '复查合格' },
});

const suspended = (
  suspendedAt = SUSPENDED_AT,
  effectiveFrom = '2025-03-03',
  rectificationId = CASE,
  proposalNo: number | undefined = 1,
): EnrolmentSuspended => ({
  type: 'EnrolmentSuspended',
  data: {
    kindergartenId: KG,
    rectificationId,
    effectiveFrom,
    reason: '整改后仍不达标',
    suspendedAt,
    ...(proposalNo === undefined ? {} : { proposalNo }),
  },
});
const reinstated = (reinstatedAt = REINSTATED_AT, inspectionId = 'fu-1'): EnrolmentReinstated => ({
  type: 'EnrolmentReinstated',
  data: { kindergartenId: KG, inspectionId, reason: '复查合格', reinstatedAt },
});

describe('Enrolment', () => {
  it('lives in the stream enrolment-{kindergartenId}', () => {
    expect(enrolmentStreamId(KG)).toBe('enrolment-kg-sunshine');
  });

  const proposing = { now: at(PROPOSED_AT) };
  const afterPeriod = { now: at('2025-03-06T00:00:00.000+08:00') };
  const onTheDeadline = { now: at(STATEMENT_DUE) };
  const asSuspended = (): EnrolmentEvent[] => [proposed(), waived(), suspended()];

  describe('when open', () => {
    it('starts open', () => {
      expect(fold(enrolmentDecider, [])).toEqual({ status: 'open', lastReinstatedAt: null });
    });

    it('is told of a proposed suspension, with the statement period ending at the end of the 3rd working day after today', () => {
      given([]).when(propose(), proposing).then([proposed()]);
    });

    it('counts the statement period in working days of the calendar given (STATEMENT_WORKING_DAYS)', () => {
      given([])
        .when(propose(), { ...proposing, statementWorkingDays: 1 })
        .then([proposed(1, PROPOSED_AT, '2025-03-03T23:59:59.999+08:00', '2025-02-28T23:59:59.999+08:00')]);
    });

    it('refuses a proposal where the calendar cannot count, and writes nothing', () => {
      const unavailable = {
        deadline: () => {
          throw new RuleViolationError('calendar-unavailable', 'no data');
        },
      };
      given([])
        .when(propose(), { ...proposing, calendar: unavailable })
        .thenThrows(RuleViolationError, 'calendar-unavailable');
    });

    // api.md Conventions: a reference to something that does not exist inside a body is 422 unknown-…
    it('refuses a proposal citing a case that does not exist', () => {
      given([]).when(propose(), { rectification: undefined }).thenThrows(RuleViolationError, 'unknown-rectification');
      given([])
        .when(propose(), { rectification: { status: 'none' } })
        .thenThrows(RuleViolationError, 'unknown-rectification');
    });

    it('refuses a proposal citing an open or closed case', () => {
      for (const status of ['issued', 'acknowledged', 'submitted', 'returned', 'closed'] as const) {
        given([])
          .when(propose(), { rectification: rectification(status) })
          .thenThrows(RuleViolationError, 'suspension-requires-failed-rectification');
      }
    });

    it("refuses a proposal citing another kindergarten's failed case", () => {
      given([])
        .when(propose(), { rectification: rectification('failed', { kindergartenId: 'kg-other' }) })
        .thenThrows(RuleViolationError, 'suspension-requires-failed-rectification');
    });

    it('refuses a statement, a waiver and a decision: there is no proposal', () => {
      for (const command of [state(), waive(), suspend(), withdraw()]) given([]).when(command).thenThrows(ConflictError, 'no-proposal');
    });

    it('refuses a reinstatement', () => {
      given([]).when(reinstate()).thenThrows(ConflictError, 'not-suspended');
    });
  });

  describe('when a suspension is proposed', () => {
    it('shows the proposal, pending', () => {
      expect(enrolmentView(fold(enrolmentDecider, [proposed()]))).toEqual({
        status: 'open',
        proposal: {
          rectificationId: CASE,
          facts: '复查仍不达标',
          basis: '清政发〔2023〕52号',
          proposedFrom: '2025-03-10',
          proposedAt: PROPOSED_AT,
          statementDueAt: STATEMENT_DUE,
        },
      });
    });

    it('refuses a second proposal while one is pending, after checking the case', () => {
      given([proposed()]).when(propose()).thenThrows(ConflictError, 'suspension-proposed');
      given([proposed()])
        .when(propose(), { rectification: rectification('closed') })
        .thenThrows(RuleViolationError, 'suspension-requires-failed-rectification');
    });

    it('takes the kindergarten’s statement within the period, recording the hash of each attachment it cites', () => {
      given([proposed()])
        .when(state(), { now: at('2025-03-03T09:00:00.000+08:00'), actor: DIRECTOR })
        .then([stated()]);
    });

    it('refuses a statement citing an attachment never uploaded, removed, or uploaded by another kindergarten, and writes nothing', () => {
      const moment = { now: at('2025-03-03T09:00:00.000+08:00'), actor: DIRECTOR };
      const removed = { ...uploaded(DIRECTOR), status: 'removed' } as AttachmentState;
      for (const attachment of [
        undefined,
        { status: 'none' } as const,
        removed,
        uploaded({ sub: 'zhao', role: 'kindergarten', kindergartenId: 'kg-other' }),
      ]) {
        given([proposed()])
          .when(state(), { ...moment, attachments: attachment ? { 'att-1': attachment } : {} })
          .thenThrows(RuleViolationError, 'unknown-attachment');
      }
    });

    it('takes a waiver within the period', () => {
      given([proposed()])
        .when(waive(), { now: at('2025-03-03T09:00:00.000+08:00') })
        .then([waived()]);
    });

    it('refuses a statement or a waiver at or after the end of the period', () => {
      for (const moment of [onTheDeadline, afterPeriod]) {
        given([proposed()]).when(state(), moment).thenThrows(RuleViolationError, 'statement-period-over');
        given([proposed()]).when(waive(), moment).thenThrows(RuleViolationError, 'statement-period-over');
      }
    });

    it('takes one statement per proposal: a second statement, or a waiver after one, is refused', () => {
      const moment = { now: at('2025-03-04T09:00:00.000+08:00') };
      given([proposed(), stated()]).when(state('补充'), moment).thenThrows(ConflictError, 'statement-exists');
      given([proposed(), stated()]).when(waive(), moment).thenThrows(ConflictError, 'statement-exists');
      given([proposed(), waived()]).when(state(), moment).thenThrows(ConflictError, 'statement-exists');
    });

    it('refuses a decision before the end of the period while the kindergarten has not spoken', () => {
      given([proposed()])
        .when(suspend('2025-03-05'), { now: at('2025-03-05T10:00:00.000+08:00') })
        .thenThrows(ConflictError, 'statement-period-open');
      given([proposed()])
        .when(withdraw(), { now: at('2025-03-05T10:00:00.000+08:00') })
        .thenThrows(ConflictError, 'statement-period-open');
    });

    it('decides before the end of the period once the kindergarten has stated its case or waived it', () => {
      const early = { now: at('2025-03-03T10:00:00.000+08:00') };
      given([proposed(), stated()])
        .when(suspend('2025-03-03'), early)
        .then([suspended(SUSPENDED_AT, '2025-03-03')]);
      given([proposed(), waived()])
        .when(withdraw(), early)
        .then([withdrawn(1, SUSPENDED_AT)]);
    });

    it('suspends from today by default once the period is over, the reason answering the silence', () => {
      given([proposed()])
        .when(suspendFromToday(), afterPeriod)
        .then([suspended('2025-03-06T00:00:00.000+08:00', '2025-03-06')]);
    });

    it('checks the period before the effective date', () => {
      given([proposed()])
        .when(suspend('2025-03-01'), { now: at('2025-03-04T10:00:00.000+08:00') })
        .thenThrows(ConflictError, 'statement-period-open');
    });

    it('refuses a suspension effective before today, in Shanghai', () => {
      given([proposed(), stated()]).when(suspend('2025-03-02')).thenThrows(RuleViolationError, 'effective-from-in-past');
      // 2025-03-05T16:30Z is 00:30 on 2025-03-06 in Shanghai
      given([proposed()])
        .when(suspend('2025-03-05'), { now: new Date('2025-03-05T16:30:00Z') })
        .thenThrows(RuleViolationError, 'effective-from-in-past');
    });

    it('is withdrawn whatever the effective date says', () => {
      given([proposed()])
        .when(withdraw(), afterPeriod)
        .then([withdrawn(1, '2025-03-06T00:00:00.000+08:00')]);
    });

    it('refuses a reinstatement: nothing is suspended yet', () => {
      given([proposed()]).when(reinstate()).thenThrows(ConflictError, 'not-suspended');
    });
  });

  describe('when the proposal is withdrawn', () => {
    const history = (): EnrolmentEvent[] => [proposed(), withdrawn()];

    it('is open, with no proposal', () => {
      expect(enrolmentView(fold(enrolmentDecider, history()))).toEqual({ status: 'open' });
    });

    it('takes a new proposal, numbered next', () => {
      const later = '2025-03-10T10:00:00.000+08:00';
      given(history())
        .when(propose(), { now: at(later) })
        .then([proposed(2, later, '2025-03-13T23:59:59.999+08:00', '2025-03-12T23:59:59.999+08:00')]);
    });

    it('refuses a statement or a decision on the withdrawn proposal', () => {
      given(history()).when(state()).thenThrows(ConflictError, 'no-proposal');
      given(history()).when(suspend()).thenThrows(ConflictError, 'no-proposal');
    });

    it('keeps the decision with the proposal it answered (for the 决定书), until a later proposal is the latest', () => {
      const withdrawnState = fold(enrolmentDecider, history());
      expect(withdrawnState.lastDecision).toEqual({
        proposalNo: 1,
        decision: 'withdraw',
        reason: '陈述理由成立',
        decidedAt: SUSPENDED_AT,
        proposal: expect.objectContaining({ proposalNo: 1, facts: '复查仍不达标' }),
      });
      expect(latestProposal(withdrawnState)?.proposalNo).toBe(1);
      const again = fold(enrolmentDecider, [...history(), proposed(2, '2025-03-10T10:00:00.000+08:00')]);
      expect(latestProposal(again)?.proposalNo).toBe(2);
      expect(again.lastDecision?.proposal?.proposalNo).toBe(1);
    });
  });

  describe('when suspended', () => {
    it('keeps the decision, its effective date and the proposal it decided with the statement and its attachments, after a reinstatement too', () => {
      const decided = {
        proposalNo: 1,
        decision: 'suspend',
        reason: '整改后仍不达标',
        decidedAt: SUSPENDED_AT,
        effectiveFrom: '2025-03-03',
        proposal: expect.objectContaining({ statement: expect.objectContaining({ attachments: [STATEMENT_ATTACHMENT] }) }),
      };
      expect(fold(enrolmentDecider, [proposed(), stated(), suspended()]).lastDecision).toEqual(decided);
      const reinstatedState = fold(enrolmentDecider, [proposed(), stated(), suspended(), reinstated()]);
      expect(reinstatedState.lastDecision).toEqual(decided);
      expect(latestProposal(reinstatedState)?.statement?.text).toBe('已完成整改');
    });

    it('shows the suspension and the proposal it decided, with the statement', () => {
      expect(enrolmentView(fold(enrolmentDecider, [proposed(), stated(), suspended()]))).toEqual({
        status: 'suspended',
        proposal: {
          rectificationId: CASE,
          facts: '复查仍不达标',
          basis: '清政发〔2023〕52号',
          proposedFrom: '2025-03-10',
          proposedAt: PROPOSED_AT,
          statementDueAt: STATEMENT_DUE,
          statement: { text: '已完成整改', attachmentIds: ['att-1'], submittedAt: '2025-03-03T09:00:00.000+08:00' },
        },
        suspension: { rectificationId: CASE, effectiveFrom: '2025-03-03', reason: '整改后仍不达标', decidedAt: SUSPENDED_AT },
      });
    });

    it('refuses a new proposal, and any decision', () => {
      given(asSuspended()).when(propose()).thenThrows(ConflictError, 'already-suspended');
      given(asSuspended()).when(suspend('2025-03-05')).thenThrows(ConflictError, 'no-proposal');
      given(asSuspended()).when(state()).thenThrows(ConflictError, 'no-proposal');
    });

    it('is reinstated by a follow-up of this kindergarten passed after the suspension', () => {
      given(asSuspended())
        .when(reinstate(), { now: at(REINSTATED_AT) })
        .then([reinstated()]);
    });

    it('is reinstated even before the suspension took effect', () => {
      given([proposed(), waived(), suspended(SUSPENDED_AT, '2025-05-01')])
        .when(reinstate(), { now: at(REINSTATED_AT) })
        .then([reinstated()]);
    });

    it('is not reinstated by a failed follow-up, another kind, another kindergarten’s, or an earlier one', () => {
      given(asSuspended())
        .when(reinstate(), { inspection: followUpInspection('failed') })
        .thenThrows(RuleViolationError, 'reinstatement-requires-passed-follow-up');
      for (const kind of ['annual', 'safety', 'quality'] as const) {
        given(asSuspended())
          .when(reinstate(), { inspection: followUpInspection('passed', { kind }) })
          .thenThrows(RuleViolationError, 'reinstatement-requires-passed-follow-up');
      }
      given(asSuspended())
        .when(reinstate(), { inspection: followUpInspection('passed', { kindergartenId: 'kg-other' }) })
        .thenThrows(RuleViolationError, 'reinstatement-requires-passed-follow-up');
      given(asSuspended())
        .when(reinstate(), { now: at(REINSTATED_AT), inspection: followUpInspection('passed', { concludedAt: SUSPENDED_AT }) })
        .thenThrows(RuleViolationError, 'reinstatement-requires-passed-follow-up');
    });

    it('is not reinstated by a follow-up not yet concluded, or one that does not exist', () => {
      const { outcome: _outcome, summary: _summary, concludedAt: _concludedAt, ...open } = followUpInspection('passed');
      given(asSuspended())
        .when(reinstate(), { inspection: { ...open, status: 'scheduled' } })
        .thenThrows(RuleViolationError, 'reinstatement-requires-passed-follow-up');
      given(asSuspended())
        .when(reinstate(), { inspection: { status: 'none' } })
        .thenThrows(RuleViolationError, 'unknown-inspection');
      given(asSuspended()).when(reinstate(), { inspection: undefined }).thenThrows(RuleViolationError, 'unknown-inspection');
    });
  });

  describe('a v1 suspension (decided without a proposal) in an existing stream', () => {
    const v1 = (): EnrolmentEvent[] => [suspended(SUSPENDED_AT, '2025-03-03', CASE, undefined)];

    it('still reads as suspended, with no proposal', () => {
      expect(enrolmentView(fold(enrolmentDecider, v1()))).toEqual({
        status: 'suspended',
        suspension: { rectificationId: CASE, effectiveFrom: '2025-03-03', reason: '整改后仍不达标', decidedAt: SUSPENDED_AT },
      });
    });

    it('is reinstated as before, and then takes a first proposal', () => {
      given(v1())
        .when(reinstate(), { now: at(REINSTATED_AT) })
        .then([reinstated()]);
      given([...v1(), reinstated()])
        .when(propose(), { now: at('2025-05-06T10:00:00.000+08:00') })
        .then([proposed(1, '2025-05-06T10:00:00.000+08:00', '2025-05-09T23:59:59.999+08:00', '2025-05-08T23:59:59.999+08:00')]);
    });
  });

  describe('notifications', () => {
    const pending = (events: EnrolmentEvent[], now = at(PROPOSED_AT)) =>
      enrolmentNotifications(fold(enrolmentDecider, events), KG, now).map(({ key, kind, dueAt, recipients }) => ({ key, kind, dueAt, recipients }));
    const kindergarten = `kindergarten:${KG}`;

    it('tells the kindergarten of the proposal at once, reminds it one working day before the deadline, and tells the supervisors when the period ends', () => {
      expect(pending([proposed()])).toEqual([
        { key: `enrolment-${KG}.p1.proposed`, kind: 'suspension-proposed', dueAt: PROPOSED_AT, recipients: [kindergarten] },
        { key: `enrolment-${KG}.p1.statement-reminder`, kind: 'statement-reminder', dueAt: REMINDER_AT, recipients: [kindergarten] },
        { key: `enrolment-${KG}.p1.period-ended`, kind: 'statement-period-ended', dueAt: STATEMENT_DUE, recipients: ['supervisors'] },
      ]);
    });

    it('tells the supervisors of a statement instead of the reminder and the end of the period', () => {
      expect(pending([proposed(), stated()]).map((n) => n.kind)).toEqual(['suspension-proposed', 'statement-submitted']);
      expect(pending([proposed(), waived()]).map((n) => n.kind)).toEqual(['suspension-proposed', 'statement-submitted']);
    });

    it('tells the kindergarten of the decision, and of a reinstatement after it', () => {
      expect(pending([proposed(), waived(), suspended()]).map((n) => n.kind)).toEqual(['statement-submitted', 'suspension-decided']);
      expect(pending([proposed(), withdrawn()]).map((n) => n.kind)).toEqual(['suspension-decided']);
      // once reinstated, a decision never delivered is moot
      expect(pending([proposed(), waived(), suspended(), reinstated()]).map((n) => n.kind)).toEqual(['enrolment-reinstated']);
    });

    it('says nothing new of a v1 suspension and its reinstatement', () => {
      expect(pending([suspended(SUSPENDED_AT, '2025-03-03', CASE, undefined), reinstated()])).toEqual([]);
    });

    it('records each notification once, when due, through Notify', () => {
      const notify = (key: string): EnrolmentCommand => ({ type: 'Notify', data: { kindergartenId: KG, key } });
      const key = `enrolment-${KG}.p1.proposed`;
      const [sent] = enrolmentDecider.decide(notify(key), fold(enrolmentDecider, [proposed()]), {
        ...context,
        now: at(PROPOSED_AT),
        kindergartenName: '阳光幼儿园',
      });
      expect(sent).toMatchObject({ type: 'ReminderSent', data: { key, kind: 'suspension-proposed', recipient: kindergarten, channel: 'inbox' } });
      expect((sent as { data: { subject: string } }).data.subject).toContain('阳光幼儿园');
      given([proposed(), sent as EnrolmentEvent])
        .when(notify(key))
        .thenNothingHappened();
      // not due yet: the reminder waits for its moment
      given([proposed()])
        .when(notify(`enrolment-${KG}.p1.statement-reminder`), { now: at(PROPOSED_AT) })
        .thenNothingHappened();
    });
  });

  describe('evolve', () => {
    it('is total: an unknown event leaves the state unchanged', () => {
      for (const events of [[], [proposed()], asSuspended(), [...asSuspended(), reinstated()]]) {
        const folded = fold(enrolmentDecider, events);
        const unknown = { type: 'KindergartenRegistered', data: { kindergartenId: KG } } as unknown as EnrolmentEvent;
        expect(enrolmentDecider.evolve(folded, unknown)).toBe(folded);
      }
    });
  });
});
