import { ConflictError, NotFoundError, RuleViolationError, unchanged, unknownCommand, type DecisionContext } from '@app/event-sourcing';
import { formatShanghai, shanghaiDate } from '@app/calendar/domain';
import type { Finding, InspectionState } from '@app/inspections/domain';
import { inboxDeliveries, withDeliveries, type Delivering, type RecordDelivery, type ReminderOffset, type ReminderSent } from '@app/notifications/domain';
import type { RectificationCommand } from './rectification.commands.js';
import { citeAttachment, type AttachmentState } from '@app/attachments/domain';
import type { CorrectiveAction, DeadlineSpec, Evidence, EvidenceItem, RectificationEvent } from './rectification.events.js';
import { rectificationNotificationContent, rectificationNotifications } from './rectification-notifications.js';

import { OWES_REPORT, isOpenStatus, type OpenStatus } from './rectification-status.js';

export * from './rectification-status.js';

export interface Report {
  readonly reportNo: number;
  readonly summary: string;
  readonly actions: readonly CorrectiveAction[];
  readonly evidence: readonly Evidence[];
  readonly submittedAt: string;
  readonly late: boolean;
  readonly review: { readonly decision: 'accept' | 'return'; readonly comment: string; readonly reviewedAt: string } | null;
}

export interface Extension {
  readonly requestedDueAt: string;
  readonly reason: string;
  readonly requestedAt: string;
  readonly status: 'pending' | 'granted' | 'denied';
  readonly decidedAt: string | null;
  readonly decisionReason: string | null;
}

interface CaseData {
  readonly id: string;
  readonly kindergartenId: string;
  readonly inspectionId: string;
  readonly findings: readonly Finding[];
  readonly deadline: DeadlineSpec;
  readonly dueAt: string;
  readonly overdue: boolean;
  readonly publish: boolean;
  readonly issuedAt: string;
  readonly acknowledgedAt: string | null;
  readonly reports: readonly Report[];
  readonly extension: Extension | null;
  readonly followUp: { readonly inspectionId: string; readonly outcome: 'passed' | 'failed'; readonly recordedAt: string } | null;
  readonly closedAt: string | null;
  /** When the deadline in force was set (the notice, a granted extension, a reset): reminders due before it are skipped. */
  readonly deadlineSetAt: string;
  /** 文号; null for a notice issued before v1.1. */
  readonly documentNo: string | null;
  /** When a notice issued unpublished was published later. */
  readonly publishedAt: string | null;
  /** The latest new deadline a supervisor set. */
  readonly deadlineReset: DeadlineResetRecord | null;
  readonly withdrawal: { readonly reason: string; readonly withdrawnAt: string } | null;
}

export interface DeadlineResetRecord {
  readonly previousDueAt: string;
  readonly dueAt: string;
  readonly reason: string;
  readonly resetAt: string;
}

/** A case as its own events make it, without what it has delivered. */
export type RectificationCaseState =
  | { readonly status: 'none' }
  | (CaseData & { readonly status: OpenStatus | 'closed' | 'failed' | 'withdrawn' });
/** A case and the notifications it has delivered. */
export type RectificationState = Delivering<RectificationCaseState>;
export type RectificationCase = Exclude<RectificationState, { status: 'none' }>;

/** What the decider needs of the working-day calendar. */
export interface WorkingDayDeadlines {
  deadline(issuedOn: string, workingDays: number): { readonly dueDate: string; readonly dueAt: string };
}

export interface RectificationContext extends DecisionContext {
  readonly calendar: WorkingDayDeadlines;
  /** IssueNotice: whether the kindergarten is registered. */
  readonly kindergartenRegistered?: boolean;
  /** IssueNotice and RecordFollowUp: the inspection the command names, as it stands now. */
  readonly inspection?: InspectionState;
  /** Notify: REMINDER_OFFSETS, and the kindergarten's name for the text. */
  readonly reminderOffsets?: readonly ReminderOffset[];
  readonly kindergartenName?: string;
  /** IssueNotice: the document number the register gives this notice if it is recorded. */
  readonly documentNo?: string;
  /** SubmitReport: every attachment the report cites, as recorded now. */
  readonly attachments?: Readonly<Record<string, AttachmentState>>;
}

export const rectificationStreamId = (rectificationId: string): string => `rectification-${rectificationId}`;

/** One case per inspection: the case's id is derived from the inspection's, so a second notice is the same stream. */
export const rectificationIdFor = (inspectionId: string): string => `rc-${inspectionId}`;

export const isOpen = (state: RectificationState): state is Delivering<CaseData & { status: OpenStatus }> => isOpenStatus(state.status);

const invalidTransition = (state: RectificationCase, action: string): ConflictError =>
  new ConflictError('invalid-transition', `Cannot ${action} a case that is ${state.status}`, { caseStatus: state.status });

const owesReportNow = (state: RectificationCase): boolean => (OWES_REPORT as readonly string[]).includes(state.status);

const deadlineReset = (
  current: RectificationCase,
  resolved: { deadline: DeadlineSpec; dueAt: string },
  reason: string,
  at: string,
): RectificationEvent => ({
  type: 'DeadlineReset',
  data: { rectificationId: current.id, previousDueAt: current.dueAt, deadline: resolved.deadline, dueAt: resolved.dueAt, reason, resetAt: at },
});

const requireCase = (state: RectificationState): RectificationCase => {
  if (state.status === 'none') throw new NotFoundError('not-found', 'No such rectification case');
  return state;
};

const instant = (text: string): number => Date.parse(text);

/** A deadline as given, resolved to the instant it ends: in the future, or N working days after today (Asia/Shanghai). */
const resolveDeadline = (deadline: DeadlineSpec, context: RectificationContext): { deadline: DeadlineSpec; dueAt: string } => {
  if ('dueAt' in deadline) {
    if (instant(deadline.dueAt) <= context.now.getTime()) throw new RuleViolationError('deadline-in-past', 'The deadline must be in the future');
    const dueAt = formatShanghai(new Date(deadline.dueAt));
    // every time the engine writes is +08:00, the echoed deadline included
    return { deadline: { dueAt }, dueAt };
  }
  return { deadline, dueAt: context.calendar.deadline(shanghaiDate(context.now), deadline.workingDays).dueAt };
};

/** An uploaded attachment the reporter may cite, with its hash; a v1 reference as given. */
const citedEvidence = (item: EvidenceItem, context: RectificationContext): Evidence =>
  'attachmentId' in item ? citeAttachment(context.actor, item, context.attachments, 'this report') : item;

export const rectificationDecider = withDeliveries<
  Exclude<RectificationCommand, RecordDelivery>,
  Exclude<RectificationEvent, ReminderSent>,
  RectificationCaseState,
  RectificationContext
>({
  initialState: () => ({ status: 'none' }),

  decide(command, state, context) {
    const now = context.now;
    const at = formatShanghai(now);
    switch (command.type) {
      case 'IssueNotice': {
        const { rectificationId, kindergartenId, inspectionId, findingCodes, deadline, publish } = command.data;
        if (!context.kindergartenRegistered) throw new RuleViolationError('unknown-kindergarten', `No kindergarten ${kindergartenId}`);
        const inspection = context.inspection;
        if (!inspection || inspection.status === 'none') throw new RuleViolationError('unknown-inspection', `No inspection ${inspectionId}`);
        if (inspection.kindergartenId !== kindergartenId || inspection.status !== 'concluded' || inspection.outcome !== 'failed') {
          throw new RuleViolationError(
            'inspection-not-failed',
            `Inspection ${inspectionId} is not a failed inspection of kindergarten ${kindergartenId}`,
          );
        }
        const unknown = findingCodes.filter((code) => !inspection.findings.some((finding) => finding.code === code));
        if (unknown.length > 0)
          throw new RuleViolationError('unknown-finding', `Inspection ${inspectionId} has no finding ${unknown.join(', ')}`, { codes: unknown });
        if (state.status !== 'none')
          throw new ConflictError('rectification-exists', `Inspection ${inspectionId} already has case ${state.id}`, { rectificationId: state.id });
        const resolved = resolveDeadline(deadline, context);
        if (!context.documentNo) throw new Error('IssueNotice needs the document number the register gives it');
        const findings = findingCodes.map((code) => inspection.findings.find((finding) => finding.code === code)!);
        return [
          {
            type: 'RectificationNoticeIssued',
            data: {
              rectificationId,
              kindergartenId,
              inspectionId,
              findings,
              deadline: resolved.deadline,
              dueAt: resolved.dueAt,
              publish,
              issuedAt: at,
              documentNo: context.documentNo,
            },
          },
        ];
      }

      case 'AcknowledgeNotice': {
        const current = requireCase(state);
        if (current.status !== 'issued') throw invalidTransition(current, 'acknowledge');
        return [{ type: 'NoticeAcknowledged', data: { rectificationId: current.id, acknowledgedAt: at } }];
      }

      case 'RequestExtension': {
        const current = requireCase(state);
        if (!(OWES_REPORT as readonly string[]).includes(current.status)) throw invalidTransition(current, 'extend');
        if (current.extension?.status === 'pending') throw new ConflictError('extension-pending', 'An extension request awaits a decision');
        if (now.getTime() >= instant(current.dueAt)) throw new RuleViolationError('extension-after-deadline', 'The deadline has already passed');
        if (instant(command.data.requestedDueAt) <= instant(current.dueAt)) {
          throw new RuleViolationError('extension-not-later', 'The requested deadline must be later than the current one');
        }
        return [
          {
            type: 'ExtensionRequested',
            data: {
              rectificationId: current.id,
              requestedDueAt: formatShanghai(new Date(command.data.requestedDueAt)),
              reason: command.data.reason,
              requestedAt: at,
            },
          },
        ];
      }

      case 'DecideExtension': {
        const current = requireCase(state);
        if (!isOpen(current)) throw invalidTransition(current, 'decide an extension of');
        if (current.extension?.status !== 'pending') throw new ConflictError('no-pending-extension', 'No extension request awaits a decision');
        return command.data.approve
          ? [
              {
                type: 'ExtensionGranted',
                data: {
                  rectificationId: current.id,
                  previousDueAt: current.dueAt,
                  dueAt: current.extension.requestedDueAt,
                  reason: command.data.reason,
                  decidedAt: at,
                },
              },
            ]
          : [{ type: 'ExtensionDenied', data: { rectificationId: current.id, reason: command.data.reason, decidedAt: at } }];
      }

      case 'SubmitReport': {
        const current = requireCase(state);
        if (current.status !== 'acknowledged' && current.status !== 'returned') throw invalidTransition(current, 'submit a report for');
        const codes = new Set(current.findings.map((finding) => finding.code));
        const unknown = [...new Set(command.data.actions.map((action) => action.findingCode).filter((code) => !codes.has(code)))];
        if (unknown.length > 0)
          throw new RuleViolationError('unknown-finding', `The notice has no finding ${unknown.join(', ')}`, { codes: unknown });
        const addressed = new Set(command.data.actions.map((action) => action.findingCode));
        const missing = [...codes].filter((code) => !addressed.has(code));
        if (missing.length > 0)
          throw new RuleViolationError('finding-not-addressed', `No action for finding ${missing.join(', ')}`, { codes: missing });
        const evidence = command.data.evidence.map((item) => citedEvidence(item, context));
        return [
          {
            type: 'RectificationReportSubmitted',
            data: {
              rectificationId: current.id,
              reportNo: current.reports.length + 1,
              summary: command.data.summary,
              actions: command.data.actions,
              evidence,
              submittedAt: at,
              late: now.getTime() > instant(current.dueAt),
            },
          },
        ];
      }

      case 'ReviewReport': {
        const current = requireCase(state);
        if (current.status !== 'submitted') throw invalidTransition(current, 'review');
        const data = { rectificationId: current.id, reportNo: current.reports.length, comment: command.data.comment, reviewedAt: at };
        if (command.data.decision === 'accept') return [{ type: 'RectificationAccepted', data }];
        // resubmitting by a time already past is no instruction: a return at or after the deadline sets a new one
        const { deadline } = command.data;
        if (!deadline) {
          if (now.getTime() >= instant(current.dueAt))
            throw new RuleViolationError('deadline-required', 'The deadline has passed: a return must set a new one');
          return [{ type: 'RectificationReportReturned', data }];
        }
        return [
          { type: 'RectificationReportReturned', data },
          deadlineReset(current, resolveDeadline(deadline, context), command.data.comment, at),
        ];
      }

      case 'RecordFollowUp': {
        const current = requireCase(state);
        if (!isOpen(current)) throw invalidTransition(current, 'record a follow-up for');
        // 整改后仍不达标: after the rectification was reported, or once it is overdue (even before the engine has
        // recorded DeadlineMissed), not before
        const overdue = current.overdue || (owesReportNow(current) && now.getTime() >= instant(current.dueAt));
        if (current.status !== 'submitted' && !overdue) {
          throw new ConflictError('follow-up-too-early', 'A follow-up is recorded once a report is submitted or the case is overdue', {
            caseStatus: current.status,
          });
        }
        const inspection = context.inspection;
        if (!inspection || inspection.status === 'none')
          throw new RuleViolationError('unknown-inspection', `No inspection ${command.data.inspectionId}`);
        const qualifies =
          inspection.status === 'concluded' &&
          inspection.kind === 'follow-up' &&
          inspection.kindergartenId === current.kindergartenId &&
          instant(inspection.concludedAt) > instant(current.issuedAt);
        if (!qualifies) {
          throw new RuleViolationError(
            'follow-up-inspection-required',
            `Inspection ${command.data.inspectionId} is not a concluded follow-up inspection of this kindergarten after the notice`,
          );
        }
        const data = { rectificationId: current.id, inspectionId: inspection.id, inspectionConcludedAt: inspection.concludedAt, recordedAt: at };
        return inspection.outcome === 'passed' ? [{ type: 'FollowUpPassed', data }] : [{ type: 'FollowUpFailed', data }];
      }

      case 'ResetDeadline': {
        const current = requireCase(state);
        if (!owesReportNow(current)) throw invalidTransition(current, 'set a new deadline for');
        return [deadlineReset(current, resolveDeadline(command.data.deadline, context), command.data.reason, at)];
      }

      case 'PublishNotice': {
        const current = requireCase(state);
        if (current.status === 'withdrawn') throw invalidTransition(current, 'publish');
        if (current.publish) throw new ConflictError('already-published', 'The notice is already published');
        return [{ type: 'NoticePublished', data: { rectificationId: current.id, publishedAt: at } }];
      }

      case 'WithdrawNotice': {
        const current = requireCase(state);
        if (!isOpen(current)) throw invalidTransition(current, 'withdraw');
        return [{ type: 'NoticeWithdrawn', data: { rectificationId: current.id, reason: command.data.reason, withdrawnAt: at } }];
      }

      case 'MarkDeadlineMissed': {
        const current = requireCase(state);
        const owesReport = (OWES_REPORT as readonly string[]).includes(current.status);
        if (!owesReport || current.overdue || now.getTime() < instant(current.dueAt)) return [];
        return [{ type: 'DeadlineMissed', data: { rectificationId: current.id, dueAt: current.dueAt, recordedAt: at } }];
      }

      case 'Notify': {
        if (state.status === 'none') return [];
        const notification = rectificationNotifications(state, context.reminderOffsets ?? [], now).find(
          (candidate) => candidate.key === command.data.key,
        );
        // stale (the case moved on), already delivered, or not due yet: nothing to record
        if (!notification || Date.parse(notification.dueAt) > now.getTime()) return [];
        const content = rectificationNotificationContent(notification, state, context.kindergartenName ?? state.kindergartenId);
        const missed: RectificationEvent[] =
          notification.kind === 'deadline-missed' && !state.overdue
            ? [{ type: 'DeadlineMissed', data: { rectificationId: state.id, dueAt: state.dueAt, recordedAt: at } }]
            : [];
        return [...missed, ...inboxDeliveries(state, notification, content, at)];
      }

      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    if (event.type === 'RectificationNoticeIssued') {
      const { rectificationId, kindergartenId, inspectionId, findings, deadline, dueAt, publish, issuedAt, documentNo } = event.data;
      return {
        status: 'issued',
        id: rectificationId,
        kindergartenId,
        inspectionId,
        findings,
        deadline,
        dueAt,
        overdue: false,
        publish,
        issuedAt,
        acknowledgedAt: null,
        reports: [],
        extension: null,
        followUp: null,
        closedAt: null,
        deadlineSetAt: issuedAt,
        documentNo: documentNo ?? null,
        publishedAt: null,
        deadlineReset: null,
        withdrawal: null,
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'NoticeAcknowledged':
        return { ...state, status: 'acknowledged', acknowledgedAt: event.data.acknowledgedAt };
      case 'ExtensionRequested':
        return {
          ...state,
          extension: {
            requestedDueAt: event.data.requestedDueAt,
            reason: event.data.reason,
            requestedAt: event.data.requestedAt,
            status: 'pending',
            decidedAt: null,
            decisionReason: null,
          },
        };
      case 'ExtensionGranted':
        return {
          ...state,
          dueAt: event.data.dueAt,
          deadlineSetAt: event.data.decidedAt,
          overdue: false,
          extension: state.extension && { ...state.extension, status: 'granted', decidedAt: event.data.decidedAt, decisionReason: event.data.reason },
        };
      case 'ExtensionDenied':
        return {
          ...state,
          extension: state.extension && { ...state.extension, status: 'denied', decidedAt: event.data.decidedAt, decisionReason: event.data.reason },
        };
      case 'RectificationReportSubmitted': {
        const { reportNo, summary, actions, evidence, submittedAt, late } = event.data;
        return {
          ...state,
          status: 'submitted',
          reports: [...state.reports, { reportNo, summary, actions, evidence, submittedAt, late, review: null }],
        };
      }
      case 'RectificationReportReturned':
      case 'RectificationAccepted': {
        const decision: 'accept' | 'return' = event.type === 'RectificationAccepted' ? 'accept' : 'return';
        const reports = state.reports.map((report): Report =>
          report.reportNo === event.data.reportNo
            ? { ...report, review: { decision, comment: event.data.comment, reviewedAt: event.data.reviewedAt } }
            : report,
        );
        return decision === 'accept'
          ? { ...state, status: 'closed', overdue: false, reports, closedAt: event.data.reviewedAt }
          : { ...state, status: 'returned', reports };
      }
      case 'FollowUpPassed':
        return {
          ...state,
          status: 'closed',
          overdue: false,
          followUp: { inspectionId: event.data.inspectionId, outcome: 'passed', recordedAt: event.data.recordedAt },
          closedAt: event.data.recordedAt,
        };
      case 'FollowUpFailed':
        return {
          ...state,
          status: 'failed',
          overdue: false,
          followUp: { inspectionId: event.data.inspectionId, outcome: 'failed', recordedAt: event.data.recordedAt },
          closedAt: event.data.recordedAt,
        };
      case 'DeadlineMissed':
        return { ...state, overdue: true };
      case 'DeadlineReset': {
        const { previousDueAt, dueAt, reason, resetAt } = event.data;
        return { ...state, dueAt, deadline: event.data.deadline, deadlineSetAt: resetAt, overdue: false, deadlineReset: { previousDueAt, dueAt, reason, resetAt } };
      }
      case 'NoticePublished':
        return { ...state, publish: true, publishedAt: event.data.publishedAt };
      case 'NoticeWithdrawn':
        return {
          ...state,
          status: 'withdrawn',
          overdue: false,
          withdrawal: { reason: event.data.reason, withdrawnAt: event.data.withdrawnAt },
        };
      default:
        return unchanged(event, state);
    }
  },

  recordsDeliveries: (state) => state.status !== 'none',
});
