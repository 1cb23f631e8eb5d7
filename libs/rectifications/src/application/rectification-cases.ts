import { Inject, Injectable } from '@nestjs/common';
import { WorkingDayCalendar, shanghaiDate } from '@app/calendar/domain';
import { CommandRunner, type CommandData, type CommandOutcome, type CommandRequest } from '@app/commands';
import { Settings } from '@app/config';
import { EventStore, NotFoundError } from '@app/event-sourcing';
import { loadCitedUploads } from '@app/attachments';
import { canSeeKindergarten } from '@app/identity';
import { inspectionDecider, inspectionStreamId } from '@app/inspections/domain';
import { kindergartenDecider, kindergartenStreamId } from '@app/kindergartens/domain';
import { documentRegisterStreamId, formatDocumentNo, type DocumentNumberAssigned } from '../domain/document-number.js';
import type { RectificationCommand } from '../domain/rectification.commands.js';
import {
  rectificationDecider,
  rectificationIdFor,
  rectificationStreamId,
  type RectificationContext,
  type RectificationState,
} from '../domain/rectification.decider.js';

type Outcome = CommandOutcome<RectificationState>;

/** What a caller asks of an existing case. */
export type CaseCommand = Extract<
  RectificationCommand,
  {
    type:
      | 'AcknowledgeNotice'
      | 'RequestExtension'
      | 'DecideExtension'
      | 'SubmitReport'
      | 'ReviewReport'
      | 'RecordFollowUp'
      | 'ResetDeadline'
      | 'PublishNotice'
      | 'WithdrawNotice';
  }
>;

/** The rectification cases' use cases: issuing a notice, and every command on an existing case. */
@Injectable()
export class RectificationCases {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Settings) private readonly settings: Settings,
  ) {}

  /**
   * The case of an inspection has a deterministic id: a second notice for it is a conflict, whatever the concurrency.
   * Its document number is the next of the year's register (`documentNo-{year}`), read on every attempt and appended
   * with the notice in one write at the version it was read at: notices racing for a number are decided again.
   */
  issue(data: Omit<CommandData<RectificationCommand, 'IssueNotice'>, 'rectificationId'>, request: CommandRequest): Promise<Outcome> {
    const rectificationId = rectificationIdFor(data.inspectionId);
    const year = Number(shanghaiDate(request.now).slice(0, 4));
    const register = documentRegisterStreamId(year);
    let taken = 0;
    return this.runner.execute(
      rectificationDecider,
      rectificationStreamId(rectificationId),
      { type: 'IssueNotice', data: { rectificationId, ...data } },
      {
        metadata: request.metadata,
        // read again on every attempt: the decision rests on the kindergarten and the inspection as they are now
        context: async () => {
          const [kindergarten, inspection, registerVersion] = await Promise.all([
            this.runner.load(kindergartenDecider, kindergartenStreamId(data.kindergartenId)),
            this.runner.load(inspectionDecider, inspectionStreamId(data.inspectionId)),
            this.store.streamVersion(register),
          ]);
          taken = registerVersion;
          return {
            now: request.now,
            actor: request.caller,
            calendar: this.calendar,
            kindergartenRegistered: kindergarten.state.status === 'registered',
            inspection: inspection.state,
            documentNo: formatDocumentNo(this.settings.DOCUMENT_NO_PREFIX, year, taken + 1),
          };
        },
        alongside: (decided) =>
          decided.flatMap((event) => {
            if (event.type !== 'RectificationNoticeIssued' || !event.data.documentNo) return [];
            const assigned: DocumentNumberAssigned = {
              type: 'DocumentNumberAssigned',
              data: { year, n: taken + 1, documentNo: event.data.documentNo, rectificationId, assignedAt: event.data.issuedAt },
            };
            return [{ streamId: register, events: [{ ...assigned, metadata: request.metadata }], expectedVersion: taken }];
          }),
        // notices issued at once all race for the register's next version: each round, one of them gets it
        maxAttempts: 200,
      },
    );
  }

  /** Runs a command on an existing case, as the caller may see it: another kindergarten's case does not exist for them. */
  run(rectificationId: string, command: CaseCommand, request: CommandRequest): Promise<Outcome> {
    return this.runner.execute(rectificationDecider, rectificationStreamId(rectificationId), command, {
      metadata: request.metadata,
      expectedVersion: request.expectedVersion,
      precondition: (state) => {
        if (state.status === 'none' || !canSeeKindergarten(request.caller, state.kindergartenId)) {
          throw new NotFoundError('not-found', 'No such rectification case');
        }
      },
      context: async () => ({
        now: request.now,
        actor: request.caller,
        calendar: this.calendar,
        ...(await this.citedInspection(command)),
        ...(await this.citedAttachments(command)),
      }),
    });
  }

  /** A report's attachments, read as they are now on every attempt (one removed meanwhile cannot be cited). */
  private async citedAttachments(command: CaseCommand): Promise<Partial<RectificationContext>> {
    if (command.type !== 'SubmitReport') return {};
    const ids = command.data.evidence.flatMap((item) => ('attachmentId' in item ? [item.attachmentId] : []));
    return { attachments: await loadCitedUploads(this.runner, ids) };
  }

  /** A follow-up cites an inspection, read as it is now on every attempt. */
  private async citedInspection(command: CaseCommand): Promise<Partial<RectificationContext>> {
    if (command.type !== 'RecordFollowUp') return {};
    return { inspection: (await this.runner.load(inspectionDecider, inspectionStreamId(command.data.inspectionId))).state };
  }
}
