import { describe, expect, it } from '@jest/globals';
import { createCalendar } from '@app/calendar/official';
import { ConflictError, fold, NotFoundError, RuleViolationError } from '@app/event-sourcing';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import type { Finding, InspectionState } from '@app/inspections/domain';
import type { RectificationCommand } from './rectification.commands.js';
import {
  rectificationDecider,
  rectificationIdFor,
  rectificationStreamId,
  type RectificationContext,
  type RectificationState,
} from './rectification.decider.js';
import type {
  DeadlineMissed,
  DeadlineReset,
  NoticePublished,
  NoticeWithdrawn,
  DeadlineSpec,
  ExtensionDenied,
  ExtensionGranted,
  ExtensionRequested,
  FollowUpFailed,
  FollowUpPassed,
  NoticeAcknowledged,
  RectificationAccepted,
  RectificationEvent,
  RectificationNoticeIssued,
  RectificationReportReturned,
  RectificationReportSubmitted,
} from './rectification.events.js';

type ConcludedInspection = Extract<InspectionState, { status: 'concluded' }>;

const KG = 'kg-sunshine';
const INSPECTION = 'insp-1';
const RC = rectificationIdFor(INSPECTION);

// Monday 2025-03-03, 10:00 in Shanghai; 5 working days later is Monday 2025-03-10
const ISSUED_AT = '2025-03-03T10:00:00.000+08:00';
const DUE = '2025-03-10T23:59:59.999+08:00';
const ACKNOWLEDGED_AT = '2025-03-04T09:00:00.000+08:00';
const SUBMITTED_AT = '2025-03-07T15:00:00.000+08:00';
const REVIEWED_AT = '2025-03-08T10:00:00.000+08:00';
const EXTENDED_DUE = '2025-03-21T23:59:59.999+08:00';

/** Times are written as the engine writes them; `now` is the same instant. */
const at = (written: string): Date => new Date(written);
const justAfter = (written: string): Date => new Date(Date.parse(written) + 1);
const justBefore = (written: string): Date => new Date(Date.parse(written) - 1);

const F1: Finding = { code: 'F1', description: '消防通道堵塞', severity: 'critical' };
const F2: Finding = { code: 'F2', description: '晨检记录缺失', severity: 'major' };
const F3: Finding = { code: 'F3', description: '食品留样不足', severity: 'minor' };

const inspection = (overrides: Partial<ConcludedInspection> = {}): ConcludedInspection => ({
  status: 'concluded',
  id: INSPECTION,
  kindergartenId: KG,
  kind: 'annual',
  year: 2025,
  scheduledOn: '2025-02-26',
  scheduledAt: '2025-02-20T09:00:00.000+08:00',
  findings: [F1, F2, F3],
  outcome: 'failed',
  summary: '年检不合格',
  concludedAt: '2025-02-28T16:00:00.000+08:00',
  ...overrides,
});
const followUpInspection = (outcome: 'passed' | 'failed', overrides: Partial<ConcludedInspection> = {}): ConcludedInspection =>
  inspection({ id: 'fu-1', kind: 'follow-up', findings: [], outcome, summary: '复查', concludedAt: '2025-03-20T15:00:00.000+08:00', ...overrides });

const calendar = createCalendar();
const DOCUMENT_NO = '清教督改〔2025〕1号';
const context: RectificationContext = {
  now: at(ISSUED_AT),
  actor: { sub: 'wang', role: 'supervisor' },
  calendar,
  kindergartenRegistered: true,
  inspection: inspection(),
  documentNo: DOCUMENT_NO,
};
const given = DeciderSpecification.for(rectificationDecider, context);

// commands
const issue = (deadline: DeadlineSpec = { workingDays: 5 }, findingCodes = ['F1', 'F2']): RectificationCommand => ({
  type: 'IssueNotice',
  data: { rectificationId: RC, kindergartenId: KG, inspectionId: INSPECTION, findingCodes, deadline, publish: true },
});
const acknowledge: RectificationCommand = { type: 'AcknowledgeNotice', data: {} };
const requestExtension = (requestedDueAt = EXTENDED_DUE): RectificationCommand => ({
  type: 'RequestExtension',
  data: { requestedDueAt, reason: '需更换消防设施' },
});
const decideExtension = (approve: boolean): RectificationCommand => ({
  type: 'DecideExtension',
  data: { approve, reason: approve ? '同意' : '不同意' },
});
const report = (codes: string[]) => ({
  summary: '已整改',
  actions: codes.map((findingCode) => ({ findingCode, action: `整改 ${findingCode}` })),
  evidence: [{ name: 'photo.jpg', sha256: 'a'.repeat(64), sizeBytes: 2048 }],
});
const submitReport = (codes = ['F1', 'F2']): RectificationCommand => ({ type: 'SubmitReport', data: report(codes) });
const review = (decision: 'accept' | 'return'): RectificationCommand => ({
  type: 'ReviewReport',
  data: { decision, comment: decision === 'accept' ? '通过' : '请补充' },
});
const recordFollowUp = (inspectionId = 'fu-1'): RectificationCommand => ({ type: 'RecordFollowUp', data: { inspectionId } });
const markDeadlineMissed: RectificationCommand = { type: 'MarkDeadlineMissed', data: {} };

// events
const issued = (overrides: Partial<RectificationNoticeIssued['data']> = {}): RectificationNoticeIssued => ({
  type: 'RectificationNoticeIssued',
  data: {
    rectificationId: RC,
    kindergartenId: KG,
    inspectionId: INSPECTION,
    findings: [F1, F2],
    deadline: { workingDays: 5 },
    dueAt: DUE,
    publish: true,
    issuedAt: ISSUED_AT,
    documentNo: DOCUMENT_NO,
    ...overrides,
  },
});
const acknowledged = (acknowledgedAt = ACKNOWLEDGED_AT): NoticeAcknowledged => ({
  type: 'NoticeAcknowledged',
  data: { rectificationId: RC, acknowledgedAt },
});
const extensionRequested = (requestedAt: string, requestedDueAt = EXTENDED_DUE): ExtensionRequested => ({
  type: 'ExtensionRequested',
  data: { rectificationId: RC, requestedDueAt, reason: '需更换消防设施', requestedAt },
});
const extensionGranted = (decidedAt: string, previousDueAt = DUE, dueAt = EXTENDED_DUE): ExtensionGranted => ({
  type: 'ExtensionGranted',
  data: { rectificationId: RC, previousDueAt, dueAt, reason: '同意', decidedAt },
});
const extensionDenied = (decidedAt: string): ExtensionDenied => ({
  type: 'ExtensionDenied',
  data: { rectificationId: RC, reason: '不同意', decidedAt },
});
const reportSubmitted = (reportNo = 1, submittedAt = SUBMITTED_AT, late = false, codes = ['F1', 'F2']): RectificationReportSubmitted => ({
  type: 'RectificationReportSubmitted',
  data: { rectificationId: RC, reportNo, ...report(codes), submittedAt, late },
});
const reportReturned = (reportNo = 1, reviewedAt = REVIEWED_AT): RectificationReportReturned => ({
  type: 'RectificationReportReturned',
  data: { rectificationId: RC, reportNo, comment: '请补充', reviewedAt },
});
const accepted = (reportNo = 1, reviewedAt = REVIEWED_AT): RectificationAccepted => ({
  type: 'RectificationAccepted',
  data: { rectificationId: RC, reportNo, comment: '通过', reviewedAt },
});
const followUp = (
  outcome: 'passed' | 'failed',
  recordedAt: string,
  inspectionConcludedAt = '2025-03-20T15:00:00.000+08:00',
): FollowUpPassed | FollowUpFailed => ({
  type: outcome === 'passed' ? 'FollowUpPassed' : 'FollowUpFailed',
  data: { rectificationId: RC, inspectionId: 'fu-1', inspectionConcludedAt, recordedAt },
});
const deadlineMissed = (recordedAt = '2025-03-11T00:00:00.000+08:00', dueAt = DUE): DeadlineMissed => ({
  type: 'DeadlineMissed',
  data: { rectificationId: RC, dueAt, recordedAt },
});

const deadlineReset = (resetAt: string, dueAt: string, deadline: DeadlineSpec, previousDueAt = DUE, reason = '重新限期'): DeadlineReset => ({
  type: 'DeadlineReset',
  data: { rectificationId: RC, previousDueAt, deadline, dueAt, reason, resetAt },
});
const published = (publishedAt: string): NoticePublished => ({ type: 'NoticePublished', data: { rectificationId: RC, publishedAt } });
const withdrawn = (withdrawnAt: string, reason = '检查结论有误'): NoticeWithdrawn => ({
  type: 'NoticeWithdrawn',
  data: { rectificationId: RC, reason, withdrawnAt },
});
const resetDeadline = (deadline: DeadlineSpec, reason = '重新限期'): RectificationCommand => ({ type: 'ResetDeadline', data: { deadline, reason } });
const publishNotice: RectificationCommand = { type: 'PublishNotice', data: {} };
const withdrawNotice = (reason = '检查结论有误'): RectificationCommand => ({ type: 'WithdrawNotice', data: { reason } });
const returnWith = (deadline: DeadlineSpec): RectificationCommand => ({ type: 'ReviewReport', data: { decision: 'return', comment: '请补充', deadline } });

// histories
const issuedCase = (): RectificationEvent[] => [issued()];
const acknowledgedCase = (): RectificationEvent[] => [issued(), acknowledged()];
const submittedCase = (): RectificationEvent[] => [...acknowledgedCase(), reportSubmitted()];
const returnedCase = (): RectificationEvent[] => [...submittedCase(), reportReturned()];
const closedCase = (): RectificationEvent[] => [...submittedCase(), accepted()];
const failedCase = (): RectificationEvent[] => [...submittedCase(), followUp('failed', '2025-03-20T16:00:00.000+08:00')];
const overdueCase = (): RectificationEvent[] => [...acknowledgedCase(), deadlineMissed()];
const withdrawnCase = (): RectificationEvent[] => [...acknowledgedCase(), withdrawn('2025-03-05T10:00:00.000+08:00')];

const stateOf = (events: readonly RectificationEvent[]): Exclude<RectificationState, { status: 'none' }> => {
  const state = fold(rectificationDecider, events);
  if (state.status === 'none') throw new Error('no case');
  return state;
};

describe('RectificationCase', () => {
  it('has one case per inspection, in the stream rectification-{id}', () => {
    expect(rectificationIdFor(INSPECTION)).toBe(rectificationIdFor(INSPECTION));
    expect(rectificationStreamId(RC)).toBe(`rectification-${RC}`);
  });

  describe('when not issued', () => {
    it('issues a notice due at the end of the 5th working day after the day of issue', () => {
      given([]).when(issue()).then([issued()]);
    });

    it('cites the findings named, in the order named', () => {
      given([])
        .when(issue({ workingDays: 5 }, ['F3', 'F1']))
        .then([issued({ findings: [F3, F1] })]);
    });

    it('refuses a kindergarten that is not registered', () => {
      given([]).when(issue(), { kindergartenRegistered: false }).thenThrows(RuleViolationError, 'unknown-kindergarten');
      given([]).when(issue(), { kindergartenRegistered: false, inspection: undefined }).thenThrows(RuleViolationError, 'unknown-kindergarten');
    });

    it('refuses an inspection that does not exist', () => {
      given([]).when(issue(), { inspection: undefined }).thenThrows(RuleViolationError, 'unknown-inspection');
      given([])
        .when(issue(), { inspection: { status: 'none' } })
        .thenThrows(RuleViolationError, 'unknown-inspection');
    });

    it("refuses another kindergarten's failed inspection", () => {
      given([])
        .when(issue(), { inspection: inspection({ kindergartenId: 'kg-other' }) })
        .thenThrows(RuleViolationError, 'inspection-not-failed');
    });

    it('refuses a passed inspection', () => {
      given([])
        .when(issue(), { inspection: inspection({ outcome: 'passed' }) })
        .thenThrows(RuleViolationError, 'inspection-not-failed');
    });

    it('refuses an inspection not yet concluded', () => {
      const { outcome: _outcome, summary: _summary, concludedAt: _concludedAt, ...open } = inspection();
      given([])
        .when(issue(), { inspection: { ...open, status: 'scheduled' } })
        .thenThrows(RuleViolationError, 'inspection-not-failed');
    });

    it('refuses a finding code the inspection does not have, after checking the inspection', () => {
      given([])
        .when(issue({ workingDays: 5 }, ['F1', 'F9']))
        .thenThrows(RuleViolationError, 'unknown-finding');
      given([])
        .when(issue({ workingDays: 5 }, ['F9']), { inspection: inspection({ outcome: 'passed' }) })
        .thenThrows(RuleViolationError, 'inspection-not-failed');
    });

    it('refuses a deadline that is not in the future', () => {
      given([])
        .when(issue({ dueAt: ISSUED_AT }))
        .thenThrows(RuleViolationError, 'deadline-in-past');
      given([])
        .when(issue({ dueAt: '2025-03-03T01:59:59.999Z' }))
        .thenThrows(RuleViolationError, 'deadline-in-past');
    });

    it('takes an explicit deadline and writes it at +08:00', () => {
      given([])
        .when(issue({ dueAt: '2025-03-14T09:00:00Z' }))
        .then([issued({ deadline: { dueAt: '2025-03-14T17:00:00.000+08:00' }, dueAt: '2025-03-14T17:00:00.000+08:00' })]);
      given([])
        .when(issue({ dueAt: '2025-03-14T18:00:00+09:00' }))
        .then([issued({ deadline: { dueAt: '2025-03-14T17:00:00.000+08:00' }, dueAt: '2025-03-14T17:00:00.000+08:00' })]);
    });

    it('counts working days on the official calendar: make-up Sunday counted, Spring Festival skipped', () => {
      // Friday 2025-01-24: Sunday 26 (make-up), Monday 27, then the holiday 28 Jan–4 Feb, then Wednesday 5 Feb
      given([])
        .when(issue({ workingDays: 3 }), { now: at('2025-01-24T10:00:00.000+08:00') })
        .then([issued({ deadline: { workingDays: 3 }, dueAt: '2025-02-05T23:59:59.999+08:00', issuedAt: '2025-01-24T10:00:00.000+08:00' })]);
    });

    it('counts from the day of issue in Shanghai, not in UTC', () => {
      // Thursday 16:30 UTC is already Friday 00:30 in Shanghai
      given([])
        .when(issue({ workingDays: 3 }), { now: new Date('2025-01-23T16:30:00Z') })
        .then([issued({ deadline: { workingDays: 3 }, dueAt: '2025-02-05T23:59:59.999+08:00', issuedAt: '2025-01-24T00:30:00.000+08:00' })]);
    });

    it('refuses a deadline whose working days reach a year without an official calendar', () => {
      const christmas2026 = at('2026-12-25T10:00:00.000+08:00');
      given([])
        .when(issue({ workingDays: 4 }), { now: christmas2026 })
        .then([issued({ deadline: { workingDays: 4 }, dueAt: '2026-12-31T23:59:59.999+08:00', issuedAt: '2026-12-25T10:00:00.000+08:00' })]);
      given([])
        .when(issue({ workingDays: 5 }), { now: christmas2026 })
        .thenThrows(RuleViolationError, 'calendar-unavailable');
    });

    it('knows no case to act on', () => {
      for (const command of [
        acknowledge,
        requestExtension(),
        decideExtension(true),
        submitReport(),
        review('accept'),
        recordFollowUp(),
        markDeadlineMissed,
        resetDeadline({ workingDays: 3 }),
        publishNotice,
        withdrawNotice(),
      ]) {
        given([]).when(command).thenThrows(NotFoundError, 'not-found');
      }
    });
  });

  describe('when issued', () => {
    it('refuses a second notice for the same inspection', () => {
      given(issuedCase()).when(issue()).thenThrows(ConflictError, 'rectification-exists');
    });

    it('checks the findings before the case already there, and the case before the deadline', () => {
      given(issuedCase())
        .when(issue({ workingDays: 5 }, ['F9']))
        .thenThrows(RuleViolationError, 'unknown-finding');
      given(issuedCase())
        .when(issue({ dueAt: '2025-01-01T00:00:00Z' }))
        .thenThrows(ConflictError, 'rectification-exists');
    });

    it('is acknowledged', () => {
      given(issuedCase())
        .when(acknowledge, { now: at(ACKNOWLEDGED_AT) })
        .then([acknowledged(ACKNOWLEDGED_AT)]);
    });

    it('takes an extension request, written at +08:00', () => {
      given(issuedCase())
        .when(requestExtension('2025-03-21T15:59:59.999Z'), { now: at('2025-03-04T11:00:00.000+08:00') })
        .then([extensionRequested('2025-03-04T11:00:00.000+08:00', EXTENDED_DUE)]);
    });

    it('takes no report before the acknowledgement', () => {
      given(issuedCase()).when(submitReport()).thenThrows(ConflictError, 'invalid-transition');
    });

    it('has nothing to review', () => {
      given(issuedCase()).when(review('accept')).thenThrows(ConflictError, 'invalid-transition');
    });

    it('starts open, not overdue, with the deadline and no reports', () => {
      expect(stateOf(issuedCase())).toMatchObject({ status: 'issued', dueAt: DUE, overdue: false, reports: [], extension: null, followUp: null });
    });
  });

  describe('when acknowledged', () => {
    it('refuses a second acknowledgement', () => {
      given(acknowledgedCase()).when(acknowledge).thenThrows(ConflictError, 'invalid-transition');
    });

    it('takes a report addressing every finding, on time', () => {
      given(acknowledgedCase())
        .when(submitReport(), { now: at(SUBMITTED_AT) })
        .then([reportSubmitted(1, SUBMITTED_AT, false)]);
    });

    it('takes a report with no evidence', () => {
      const command: RectificationCommand = {
        type: 'SubmitReport',
        data: {
          summary: '已整改',
          actions: [
            { findingCode: 'F1', action: 'a' },
            { findingCode: 'F2', action: 'b' },
          ],
          evidence: [],
        },
      };
      given(acknowledgedCase())
        .when(command, { now: at(SUBMITTED_AT) })
        .then([
          {
            type: 'RectificationReportSubmitted',
            data: {
              rectificationId: RC,
              reportNo: 1,
              summary: '已整改',
              actions: command.data.actions,
              evidence: [],
              submittedAt: SUBMITTED_AT,
              late: false,
            },
          } as RectificationReportSubmitted,
        ]);
    });

    it('is on time at the very moment of the deadline, late one millisecond after', () => {
      given(acknowledgedCase())
        .when(submitReport(), { now: at(DUE) })
        .then([reportSubmitted(1, DUE, false)]);
      given(acknowledgedCase())
        .when(submitReport(), { now: justAfter(DUE) })
        .then([reportSubmitted(1, '2025-03-11T00:00:00.000+08:00', true)]);
    });

    it('refuses an action for a finding not in the notice', () => {
      given(acknowledgedCase())
        .when(submitReport(['F1', 'F2', 'F3']))
        .thenThrows(RuleViolationError, 'unknown-finding');
    });

    it('says unknown-finding before finding-not-addressed', () => {
      given(acknowledgedCase())
        .when(submitReport(['F1', 'F9']))
        .thenThrows(RuleViolationError, 'unknown-finding');
    });

    describe('citing uploaded attachments', () => {
      const PHOTO = '7b1f0c4e-2a9d-4c61-9a57-0f3e8d2b6c10';
      const uploaded = (uploadedBy: { sub: string; role: string; kindergartenId?: string }, status: 'uploaded' | 'removed' = 'uploaded') => ({
        [PHOTO]: {
          status,
          id: PHOTO,
          name: '消防通道.jpg',
          contentType: 'image/jpeg',
          sizeBytes: 4096,
          sha256: 'b'.repeat(64),
          thumbnail: true,
          uploadedBy,
          uploadedAt: SUBMITTED_AT,
        },
      });
      const director = { sub: 'director-zhao', role: 'kindergarten', kindergartenId: KG };
      const citing: RectificationCommand = {
        type: 'SubmitReport',
        data: { ...report(['F1', 'F2']), evidence: [{ attachmentId: PHOTO, caption: '清理后' }] },
      };

      it('records the attachment with its hash, so the hash chain covers the bytes', () => {
        given(acknowledgedCase())
          .when(citing, { now: at(SUBMITTED_AT), actor: director, attachments: uploaded(director) })
          .then([
            {
              type: 'RectificationReportSubmitted',
              data: {
                rectificationId: RC,
                reportNo: 1,
                summary: '已整改',
                actions: report(['F1', 'F2']).actions,
                evidence: [{ attachmentId: PHOTO, caption: '清理后', name: '消防通道.jpg', contentType: 'image/jpeg', sha256: 'b'.repeat(64), sizeBytes: 4096 }],
                submittedAt: SUBMITTED_AT,
                late: false,
              },
            } as RectificationReportSubmitted,
          ]);
      });

      it('refuses an attachment never uploaded, one of another kindergarten, a supervisor’s, or one removed', () => {
        for (const attachments of [
          {},
          uploaded({ sub: 'director-li', role: 'kindergarten', kindergartenId: 'kg-other' }),
          uploaded({ sub: 'wang', role: 'supervisor' }),
          uploaded(director, 'removed'),
        ]) {
          given(acknowledgedCase()).when(citing, { actor: director, attachments }).thenThrows(RuleViolationError, 'unknown-attachment');
        }
      });

      it('checks the findings first', () => {
        given(acknowledgedCase())
          .when({ type: 'SubmitReport', data: { ...report(['F1']), evidence: [{ attachmentId: PHOTO }] } }, { actor: director, attachments: {} })
          .thenThrows(RuleViolationError, 'finding-not-addressed');
      });
    });

    it('refuses a report that leaves a finding unaddressed', () => {
      given(acknowledgedCase())
        .when(submitReport(['F1']))
        .thenThrows(RuleViolationError, 'finding-not-addressed');
    });

    it('has nothing to review', () => {
      given(acknowledgedCase()).when(review('return')).thenThrows(ConflictError, 'invalid-transition');
    });
  });

  describe('when an extension is requested', () => {
    const requestedAt = '2025-03-05T10:00:00.000+08:00';
    const decidedAt = '2025-03-06T10:00:00.000+08:00';
    const pending = (): RectificationEvent[] => [...acknowledgedCase(), extensionRequested(requestedAt)];

    it('is requested from issued, acknowledged or returned', () => {
      for (const history of [issuedCase(), acknowledgedCase(), returnedCase()]) {
        given(history)
          .when(requestExtension(), { now: at(requestedAt) })
          .then([extensionRequested(requestedAt)]);
      }
    });

    it('is not requested while a report awaits review, nor once the case is closed or failed', () => {
      for (const history of [submittedCase(), closedCase(), failedCase()]) {
        given(history).when(requestExtension()).thenThrows(ConflictError, 'invalid-transition');
      }
    });

    it('refuses a second request while one awaits a decision, even after the deadline', () => {
      given(pending()).when(requestExtension()).thenThrows(ConflictError, 'extension-pending');
      given(pending())
        .when(requestExtension(), { now: justAfter(DUE) })
        .thenThrows(ConflictError, 'extension-pending');
    });

    it('refuses a request at or after the deadline, even for a later date', () => {
      given(acknowledgedCase())
        .when(requestExtension(), { now: at(DUE) })
        .thenThrows(RuleViolationError, 'extension-after-deadline');
      given(acknowledgedCase())
        .when(requestExtension(), { now: at('2025-03-12T09:00:00.000+08:00') })
        .thenThrows(RuleViolationError, 'extension-after-deadline');
      given(acknowledgedCase())
        .when(requestExtension(DUE), { now: at(DUE) })
        .thenThrows(RuleViolationError, 'extension-after-deadline');
    });

    it('takes a request one millisecond before the deadline', () => {
      given(acknowledgedCase())
        .when(requestExtension(), { now: justBefore(DUE) })
        .then([extensionRequested('2025-03-10T23:59:59.998+08:00')]);
    });

    it('refuses a requested deadline that is not later than the current one', () => {
      given(acknowledgedCase()).when(requestExtension(DUE)).thenThrows(RuleViolationError, 'extension-not-later');
      given(acknowledgedCase()).when(requestExtension('2025-03-08T12:00:00+08:00')).thenThrows(RuleViolationError, 'extension-not-later');
      given(acknowledgedCase()).when(requestExtension('2025-03-10T15:59:59.999Z')).thenThrows(RuleViolationError, 'extension-not-later');
    });

    it('grants it: the deadline moves', () => {
      given(pending())
        .when(decideExtension(true), { now: at(decidedAt) })
        .then([extensionGranted(decidedAt)]);
      expect(stateOf([...pending(), extensionGranted(decidedAt)])).toMatchObject({
        dueAt: EXTENDED_DUE,
        extension: { requestedDueAt: EXTENDED_DUE, status: 'granted', decidedAt, decisionReason: '同意' },
      });
    });

    it('denies it: the deadline stays', () => {
      given(pending())
        .when(decideExtension(false), { now: at(decidedAt) })
        .then([extensionDenied(decidedAt)]);
      expect(stateOf([...pending(), extensionDenied(decidedAt)])).toMatchObject({ dueAt: DUE, extension: { status: 'denied', decidedAt } });
    });

    it('may be decided while a report awaits review', () => {
      given([...pending(), reportSubmitted()])
        .when(decideExtension(true), { now: at(decidedAt) })
        .then([extensionGranted(decidedAt)]);
    });

    it('takes a new request once the previous one was decided', () => {
      const later = '2025-03-28T23:59:59.999+08:00';
      given([...pending(), extensionDenied(decidedAt)])
        .when(requestExtension(later), { now: at(decidedAt) })
        .then([extensionRequested(decidedAt, later)]);
      given([...pending(), extensionGranted(decidedAt)])
        .when(requestExtension(EXTENDED_DUE), { now: at(decidedAt) })
        .thenThrows(RuleViolationError, 'extension-not-later');
    });

    it('judges a report against the deadline in force', () => {
      const afterFirstDeadline = '2025-03-12T10:00:00.000+08:00';
      given([...pending(), extensionGranted(decidedAt)])
        .when(submitReport(), { now: at(afterFirstDeadline) })
        .then([reportSubmitted(1, afterFirstDeadline, false)]);
      given([...pending(), extensionDenied(decidedAt)])
        .when(submitReport(), { now: at(afterFirstDeadline) })
        .then([reportSubmitted(1, afterFirstDeadline, true)]);
    });
  });

  describe('when no extension is pending', () => {
    it('refuses a decision', () => {
      given(acknowledgedCase()).when(decideExtension(true)).thenThrows(ConflictError, 'no-pending-extension');
      given([...acknowledgedCase(), extensionRequested(ACKNOWLEDGED_AT), extensionDenied(ACKNOWLEDGED_AT)])
        .when(decideExtension(true))
        .thenThrows(ConflictError, 'no-pending-extension');
    });

    it('refuses a decision on a closed case', () => {
      given(closedCase()).when(decideExtension(true)).thenThrows(ConflictError, 'invalid-transition');
    });
  });

  describe('when submitted', () => {
    it('is accepted: the case is closed', () => {
      given(submittedCase())
        .when(review('accept'), { now: at(REVIEWED_AT) })
        .then([accepted(1, REVIEWED_AT)]);
      expect(stateOf(closedCase())).toMatchObject({
        status: 'closed',
        closedAt: REVIEWED_AT,
        reports: [{ reportNo: 1, late: false, review: { decision: 'accept', comment: '通过', reviewedAt: REVIEWED_AT } }],
      });
    });

    it('is returned: the case is returned', () => {
      given(submittedCase())
        .when(review('return'), { now: at(REVIEWED_AT) })
        .then([reportReturned(1, REVIEWED_AT)]);
      expect(stateOf(returnedCase())).toMatchObject({ status: 'returned', reports: [{ reportNo: 1, review: { decision: 'return' } }] });
    });

    it('takes no second report and no acknowledgement', () => {
      given(submittedCase()).when(submitReport()).thenThrows(ConflictError, 'invalid-transition');
      given(submittedCase()).when(acknowledge).thenThrows(ConflictError, 'invalid-transition');
    });
  });

  describe('when returned', () => {
    it('takes the report again, numbered 2', () => {
      const resubmittedAt = '2025-03-09T10:00:00.000+08:00';
      given(returnedCase())
        .when(submitReport(), { now: at(resubmittedAt) })
        .then([reportSubmitted(2, resubmittedAt, false)]);
    });

    it('numbers and reviews the reports in turn', () => {
      const history = [...returnedCase(), reportSubmitted(2, '2025-03-09T10:00:00.000+08:00')];
      given(history)
        .when(review('accept'), { now: at('2025-03-09T15:00:00.000+08:00') })
        .then([accepted(2, '2025-03-09T15:00:00.000+08:00')]);
      expect(stateOf([...history, accepted(2, '2025-03-09T15:00:00.000+08:00')]).reports.map((report) => report.review?.decision)).toEqual([
        'return',
        'accept',
      ]);
    });

    it('still checks the findings of a resubmitted report', () => {
      given(returnedCase())
        .when(submitReport(['F2']))
        .thenThrows(RuleViolationError, 'finding-not-addressed');
    });

    it('has nothing to review', () => {
      given(returnedCase()).when(review('accept')).thenThrows(ConflictError, 'invalid-transition');
    });
  });

  describe('when a follow-up inspection is recorded', () => {
    const recordedAt = '2025-03-20T16:00:00.000+08:00';

    it('closes the case when it passed', () => {
      given(submittedCase())
        .when(recordFollowUp(), { now: at(recordedAt), inspection: followUpInspection('passed') })
        .then([followUp('passed', recordedAt)]);
      expect(stateOf([...submittedCase(), followUp('passed', recordedAt)])).toMatchObject({
        status: 'closed',
        closedAt: recordedAt,
        followUp: { inspectionId: 'fu-1', outcome: 'passed', recordedAt },
      });
    });

    it('fails the case when it failed', () => {
      given(submittedCase())
        .when(recordFollowUp(), { now: at(recordedAt), inspection: followUpInspection('failed', { findings: [F1] }) })
        .then([followUp('failed', recordedAt)]);
      expect(stateOf(failedCase())).toMatchObject({ status: 'failed', followUp: { outcome: 'failed' } });
    });

    it('is recorded once the report is submitted, or once the case is overdue, whatever its open status', () => {
      for (const history of [submittedCase(), overdueCase(), [issued(), deadlineMissed()], [...returnedCase(), deadlineMissed()]]) {
        given(history)
          .when(recordFollowUp(), { now: at(recordedAt), inspection: followUpInspection('failed') })
          .then([followUp('failed', recordedAt)]);
      }
    });

    it('is too early while the report is still owed and not overdue, and says so before looking at the inspection', () => {
      for (const history of [issuedCase(), acknowledgedCase(), returnedCase()]) {
        given(history)
          .when(recordFollowUp(), { now: justBefore(DUE), inspection: followUpInspection('failed') })
          .thenThrows(ConflictError, 'follow-up-too-early');
        given(history).when(recordFollowUp(), { inspection: { status: 'none' } }).thenThrows(ConflictError, 'follow-up-too-early');
      }
    });

    it('counts a case past its deadline as overdue even before DeadlineMissed is recorded', () => {
      given(acknowledgedCase())
        .when(recordFollowUp(), { now: at(DUE), inspection: followUpInspection('failed') })
        .then([followUp('failed', DUE)]);
      given(acknowledgedCase())
        .when(recordFollowUp(), { now: justBefore(DUE), inspection: followUpInspection('failed') })
        .thenThrows(ConflictError, 'follow-up-too-early');
    });

    it('is too early again once a new deadline clears overdue', () => {
      given([...overdueCase(), deadlineReset('2025-03-11T10:00:00.000+08:00', EXTENDED_DUE, { dueAt: EXTENDED_DUE })])
        .when(recordFollowUp(), { now: at(recordedAt), inspection: followUpInspection('failed') })
        .thenThrows(ConflictError, 'follow-up-too-early');
    });

    it('requires an inspection of the follow-up kind', () => {
      given(submittedCase())
        .when(recordFollowUp(), { inspection: followUpInspection('passed', { kind: 'safety' }) })
        .thenThrows(RuleViolationError, 'follow-up-inspection-required');
    });

    it('requires an inspection of this kindergarten', () => {
      given(submittedCase())
        .when(recordFollowUp(), { inspection: followUpInspection('passed', { kindergartenId: 'kg-other' }) })
        .thenThrows(RuleViolationError, 'follow-up-inspection-required');
    });

    it('requires a concluded inspection', () => {
      const { outcome: _outcome, summary: _summary, concludedAt: _concludedAt, ...open } = followUpInspection('passed');
      given(submittedCase())
        .when(recordFollowUp(), { inspection: { ...open, status: 'scheduled' } })
        .thenThrows(RuleViolationError, 'follow-up-inspection-required');
    });

    it('requires an inspection concluded after the notice was issued', () => {
      given(submittedCase())
        .when(recordFollowUp(), { inspection: followUpInspection('passed', { concludedAt: '2025-03-03T09:59:59.999+08:00' }) })
        .thenThrows(RuleViolationError, 'follow-up-inspection-required');
      given(submittedCase())
        .when(recordFollowUp(), { inspection: followUpInspection('passed', { concludedAt: ISSUED_AT }) })
        .thenThrows(RuleViolationError, 'follow-up-inspection-required');
    });

    // api.md Conventions: a reference to something that does not exist inside a body is 422 unknown-…
    it('requires an inspection that exists', () => {
      given(submittedCase())
        .when(recordFollowUp(), { inspection: { status: 'none' } })
        .thenThrows(RuleViolationError, 'unknown-inspection');
      given(submittedCase()).when(recordFollowUp(), { inspection: undefined }).thenThrows(RuleViolationError, 'unknown-inspection');
    });
  });

  describe('when closed or failed', () => {
    it('is final: every step is an invalid transition', () => {
      const qualifying = { inspection: followUpInspection('passed') };
      for (const history of [closedCase(), failedCase()]) {
        for (const command of [
          acknowledge,
          requestExtension(),
          decideExtension(true),
          submitReport(),
          review('accept'),
          recordFollowUp(),
          resetDeadline({ workingDays: 3 }),
          withdrawNotice(),
        ]) {
          given(history).when(command, qualifying).thenThrows(ConflictError, 'invalid-transition');
        }
      }
    });
  });

  describe('when the deadline passes', () => {
    const missedAt = '2025-03-11T00:00:00.000+08:00';

    it('records nothing before the deadline', () => {
      given(acknowledgedCase())
        .when(markDeadlineMissed, { now: justBefore(DUE) })
        .thenNothingHappened();
    });

    it('records the missed deadline at the deadline, from issued, acknowledged or returned', () => {
      for (const history of [issuedCase(), acknowledgedCase(), returnedCase()]) {
        given(history)
          .when(markDeadlineMissed, { now: at(DUE) })
          .then([deadlineMissed(DUE)]);
      }
      expect(stateOf([...acknowledgedCase(), deadlineMissed()]).overdue).toBe(true);
    });

    it('records nothing while a report awaits review', () => {
      given(submittedCase())
        .when(markDeadlineMissed, { now: at(missedAt) })
        .thenNothingHappened();
    });

    it('records nothing once the case is closed or failed', () => {
      given(closedCase())
        .when(markDeadlineMissed, { now: at(missedAt) })
        .thenNothingHappened();
      given(failedCase())
        .when(markDeadlineMissed, { now: at(missedAt) })
        .thenNothingHappened();
    });

    it('is recorded once', () => {
      given([...acknowledgedCase(), deadlineMissed()])
        .when(markDeadlineMissed, { now: at('2025-03-12T00:00:00.000+08:00') })
        .thenNothingHappened();
    });

    it('stays overdue after a denied extension', () => {
      const history = [
        ...acknowledgedCase(),
        extensionRequested('2025-03-10T12:00:00.000+08:00'),
        deadlineMissed(),
        extensionDenied('2025-03-11T09:00:00.000+08:00'),
      ];
      expect(stateOf(history)).toMatchObject({ overdue: true, dueAt: DUE });
      given(history)
        .when(markDeadlineMissed, { now: at('2025-03-11T10:00:00.000+08:00') })
        .thenNothingHappened();
    });

    it('is cleared by a granted extension, and recorded again when the new deadline passes', () => {
      const history = [
        ...acknowledgedCase(),
        extensionRequested('2025-03-10T12:00:00.000+08:00'),
        deadlineMissed(),
        extensionGranted('2025-03-11T09:00:00.000+08:00'),
      ];
      expect(stateOf(history)).toMatchObject({ overdue: false, dueAt: EXTENDED_DUE });
      given(history)
        .when(markDeadlineMissed, { now: justBefore(EXTENDED_DUE) })
        .thenNothingHappened();
      given(history)
        .when(markDeadlineMissed, { now: at(EXTENDED_DUE) })
        .then([deadlineMissed(EXTENDED_DUE, EXTENDED_DUE)]);
    });

    it('is cleared when the case is closed or failed', () => {
      const overdue = [...acknowledgedCase(), deadlineMissed()];
      expect(stateOf([...overdue, reportSubmitted(1, '2025-03-12T10:00:00.000+08:00', true)]).overdue).toBe(true);
      expect(stateOf([...overdue, reportSubmitted(1, '2025-03-12T10:00:00.000+08:00', true), accepted(1)]).overdue).toBe(false);
      expect(stateOf([...overdue, followUp('failed', '2025-03-20T16:00:00.000+08:00')]).overdue).toBe(false);
      expect(stateOf([...overdue, followUp('passed', '2025-03-20T16:00:00.000+08:00')]).overdue).toBe(false);
    });
  });

  describe('its document number', () => {
    it('is the one the register gives, written on the notice', () => {
      given([])
        .when(issue(), { documentNo: '清教督改〔2025〕7号' })
        .then([issued({ documentNo: '清教督改〔2025〕7号' })]);
      expect(stateOf([issued({ documentNo: '清教督改〔2025〕7号' })]).documentNo).toBe('清教督改〔2025〕7号');
    });

    it('is null on a notice issued before v1.1', () => {
      const { documentNo: _documentNo, ...v1 } = issued().data;
      expect(stateOf([{ type: 'RectificationNoticeIssued', data: v1 }]).documentNo).toBeNull();
    });
  });

  describe('when a new deadline is set', () => {
    const resetAt = '2025-03-11T10:00:00.000+08:00';

    it('moves the deadline of an overdue case and clears overdue', () => {
      given(overdueCase())
        .when(resetDeadline({ dueAt: '2025-03-21T15:59:59.999Z' }), { now: at(resetAt) })
        .then([deadlineReset(resetAt, EXTENDED_DUE, { dueAt: EXTENDED_DUE })]);
      expect(stateOf([...overdueCase(), deadlineReset(resetAt, EXTENDED_DUE, { dueAt: EXTENDED_DUE })])).toMatchObject({
        status: 'acknowledged',
        dueAt: EXTENDED_DUE,
        overdue: false,
        deadlineSetAt: resetAt,
        deadlineReset: { previousDueAt: DUE, dueAt: EXTENDED_DUE, reason: '重新限期', resetAt },
      });
    });

    it('counts working days from the day it is set', () => {
      // Tuesday 11 March + 3 working days: 12, 13, 14 March
      given(overdueCase())
        .when(resetDeadline({ workingDays: 3 }), { now: at(resetAt) })
        .then([deadlineReset(resetAt, '2025-03-14T23:59:59.999+08:00', { workingDays: 3 })]);
    });

    it('is set from issued, acknowledged or returned only', () => {
      for (const history of [issuedCase(), acknowledgedCase(), returnedCase()]) {
        given(history)
          .when(resetDeadline({ workingDays: 3 }), { now: at(resetAt) })
          .then([deadlineReset(resetAt, '2025-03-14T23:59:59.999+08:00', { workingDays: 3 })]);
      }
      for (const history of [submittedCase(), closedCase(), failedCase(), withdrawnCase()]) {
        given(history).when(resetDeadline({ workingDays: 3 })).thenThrows(ConflictError, 'invalid-transition');
      }
    });

    it('refuses a deadline not in the future, or beyond the official calendar', () => {
      given(overdueCase())
        .when(resetDeadline({ dueAt: '2025-03-11T01:00:00Z' }), { now: at(resetAt) })
        .thenThrows(RuleViolationError, 'deadline-in-past');
      given(overdueCase())
        .when(resetDeadline({ workingDays: 5 }), { now: at('2026-12-25T10:00:00.000+08:00') })
        .thenThrows(RuleViolationError, 'calendar-unavailable');
    });
  });

  describe('when a report is returned', () => {
    const before = '2025-03-08T10:00:00.000+08:00';
    const after = '2025-03-11T10:00:00.000+08:00';

    it('before the deadline, needs no new one', () => {
      given(submittedCase())
        .when(review('return'), { now: at(before) })
        .then([reportReturned(1, before)]);
    });

    it('at or after the deadline, needs a new one', () => {
      given(submittedCase()).when(review('return'), { now: at(DUE) }).thenThrows(RuleViolationError, 'deadline-required');
      given(submittedCase()).when(review('return'), { now: at(after) }).thenThrows(RuleViolationError, 'deadline-required');
    });

    it('with a new deadline, records it with the return', () => {
      given(submittedCase())
        .when(returnWith({ dueAt: EXTENDED_DUE }), { now: at(after) })
        .then([reportReturned(1, after), deadlineReset(after, EXTENDED_DUE, { dueAt: EXTENDED_DUE }, DUE, '请补充')]);
    });

    it('checks the status first, and the new deadline like any other', () => {
      given(acknowledgedCase()).when(review('return'), { now: at(after) }).thenThrows(ConflictError, 'invalid-transition');
      given(submittedCase())
        .when(returnWith({ dueAt: '2025-03-01T00:00:00Z' }), { now: at(after) })
        .thenThrows(RuleViolationError, 'deadline-in-past');
    });

    it('accepts after the deadline without one', () => {
      given(submittedCase())
        .when(review('accept'), { now: at(after) })
        .then([accepted(1, after)]);
    });
  });

  describe('when published later', () => {
    const publishedAt = '2025-03-05T10:00:00.000+08:00';

    it('publishes a notice issued unpublished', () => {
      given([issued({ publish: false })])
        .when(publishNotice, { now: at(publishedAt) })
        .then([published(publishedAt)]);
      expect(stateOf([issued({ publish: false }), published(publishedAt)])).toMatchObject({ publish: true, publishedAt });
    });

    it('refuses a notice already published', () => {
      given(issuedCase()).when(publishNotice).thenThrows(ConflictError, 'already-published');
      given([issued({ publish: false }), published(publishedAt)])
        .when(publishNotice)
        .thenThrows(ConflictError, 'already-published');
    });

    it('refuses a withdrawn notice', () => {
      given([issued({ publish: false }), withdrawn(publishedAt)])
        .when(publishNotice)
        .thenThrows(ConflictError, 'invalid-transition');
    });
  });

  describe('when withdrawn', () => {
    const withdrawnAt = '2025-03-05T10:00:00.000+08:00';

    it('is withdrawn from any open status', () => {
      for (const history of [issuedCase(), acknowledgedCase(), submittedCase(), returnedCase(), overdueCase()]) {
        given(history)
          .when(withdrawNotice(), { now: at(withdrawnAt) })
          .then([withdrawn(withdrawnAt)]);
      }
      expect(stateOf([...overdueCase(), withdrawn(withdrawnAt)])).toMatchObject({
        status: 'withdrawn',
        overdue: false,
        withdrawal: { reason: '检查结论有误', withdrawnAt },
      });
    });

    it('is final: nothing more happens to it', () => {
      const qualifying = { inspection: followUpInspection('passed') };
      for (const command of [
        acknowledge,
        requestExtension(),
        decideExtension(true),
        submitReport(),
        review('accept'),
        recordFollowUp(),
        resetDeadline({ workingDays: 3 }),
        withdrawNotice(),
      ]) {
        given(withdrawnCase()).when(command, qualifying).thenThrows(ConflictError, 'invalid-transition');
      }
      given(withdrawnCase()).when(markDeadlineMissed, { now: at('2025-03-12T00:00:00.000+08:00') }).thenNothingHappened();
    });

    it('cannot withdraw a closed or failed case', () => {
      for (const history of [closedCase(), failedCase()]) {
        given(history).when(withdrawNotice()).thenThrows(ConflictError, 'invalid-transition');
      }
    });
  });

  describe('from issue to closure', () => {
    it('runs the happy path: issue, acknowledge, extension granted, report returned, resubmitted and accepted', () => {
      let history: RectificationEvent[] = [];
      const step = (command: RectificationCommand, now: string, expected: RectificationEvent[], extra: Partial<RectificationContext> = {}) => {
        given(history)
          .when(command, { now: at(now), ...extra })
          .then(expected);
        history = [...history, ...expected];
      };

      step(issue(), ISSUED_AT, [issued()]);
      step(acknowledge, ACKNOWLEDGED_AT, [acknowledged()]);
      step(requestExtension(), '2025-03-05T10:00:00.000+08:00', [extensionRequested('2025-03-05T10:00:00.000+08:00')]);
      step(decideExtension(true), '2025-03-06T10:00:00.000+08:00', [extensionGranted('2025-03-06T10:00:00.000+08:00')]);
      step(markDeadlineMissed, '2025-03-11T00:00:00.000+08:00', []);
      step(submitReport(), '2025-03-14T10:00:00.000+08:00', [reportSubmitted(1, '2025-03-14T10:00:00.000+08:00', false)]);
      step(review('return'), '2025-03-17T10:00:00.000+08:00', [reportReturned(1, '2025-03-17T10:00:00.000+08:00')]);
      step(submitReport(), '2025-03-19T10:00:00.000+08:00', [reportSubmitted(2, '2025-03-19T10:00:00.000+08:00', false)]);
      step(review('accept'), '2025-03-20T10:00:00.000+08:00', [accepted(2, '2025-03-20T10:00:00.000+08:00')]);
      step(markDeadlineMissed, '2025-03-22T00:00:00.000+08:00', []);

      expect(stateOf(history)).toMatchObject({
        status: 'closed',
        dueAt: EXTENDED_DUE,
        overdue: false,
        closedAt: '2025-03-20T10:00:00.000+08:00',
        reports: [
          { reportNo: 1, late: false, review: { decision: 'return' } },
          { reportNo: 2, late: false, review: { decision: 'accept' } },
        ],
      });
    });

    it('runs the failure path: deadline missed, late report returned, follow-up failed', () => {
      let history: RectificationEvent[] = [];
      const step = (command: RectificationCommand, now: string, expected: RectificationEvent[], extra: Partial<RectificationContext> = {}) => {
        given(history)
          .when(command, { now: at(now), ...extra })
          .then(expected);
        history = [...history, ...expected];
      };

      step(issue(), ISSUED_AT, [issued()]);
      step(acknowledge, ACKNOWLEDGED_AT, [acknowledged()]);
      step(markDeadlineMissed, DUE, [deadlineMissed(DUE)]);
      given(history)
        .when(requestExtension(), { now: at('2025-03-11T09:00:00.000+08:00') })
        .thenThrows(RuleViolationError, 'extension-after-deadline');
      step(submitReport(), '2025-03-12T10:00:00.000+08:00', [reportSubmitted(1, '2025-03-12T10:00:00.000+08:00', true)]);
      given(history).when(review('return'), { now: at('2025-03-13T10:00:00.000+08:00') }).thenThrows(RuleViolationError, 'deadline-required');
      // Thursday 13 March + 5 working days: 14, 17, 18, 19, 20 March
      step(returnWith({ workingDays: 5 }), '2025-03-13T10:00:00.000+08:00', [
        reportReturned(1, '2025-03-13T10:00:00.000+08:00'),
        deadlineReset('2025-03-13T10:00:00.000+08:00', '2025-03-20T23:59:59.999+08:00', { workingDays: 5 }, DUE, '请补充'),
      ]);
      given(history).when(recordFollowUp(), { inspection: followUpInspection('failed') }).thenThrows(ConflictError, 'follow-up-too-early');
      step(submitReport(), '2025-03-18T10:00:00.000+08:00', [reportSubmitted(2, '2025-03-18T10:00:00.000+08:00', false)]);
      step(recordFollowUp(), '2025-03-20T16:00:00.000+08:00', [followUp('failed', '2025-03-20T16:00:00.000+08:00')], {
        inspection: followUpInspection('failed', { findings: [F1] }),
      });
      step(markDeadlineMissed, '2025-03-21T00:00:00.000+08:00', []);
      given(history).when(submitReport()).thenThrows(ConflictError, 'invalid-transition');

      expect(stateOf(history)).toMatchObject({
        status: 'failed',
        overdue: false,
        followUp: { inspectionId: 'fu-1', outcome: 'failed' },
        reports: [
          { reportNo: 1, late: true, review: { decision: 'return' } },
          { reportNo: 2, late: false, review: null },
        ],
      });
    });
  });

  describe('evolve', () => {
    it('is total: an unknown event leaves the state unchanged', () => {
      const state = fold(rectificationDecider, acknowledgedCase());
      const unknown = { type: 'SomethingElseHappened', data: {} } as unknown as RectificationEvent;
      expect(rectificationDecider.evolve(state, unknown)).toBe(state);
    });

    it('ignores case events before the notice', () => {
      expect(fold(rectificationDecider, [acknowledged(), deadlineMissed(), accepted()])).toEqual({ status: 'none' });
    });
  });
});
