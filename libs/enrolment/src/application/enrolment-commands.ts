import { Inject, Injectable } from '@nestjs/common';
import { attachmentDecider, attachmentStreamId } from '@app/attachments/domain';
import { WorkingDayCalendar } from '@app/calendar/domain';
import { CommandRunner, type CommandData, type CommandOutcome, type CommandRequest } from '@app/commands';
import { Settings } from '@app/config';
import { NotFoundError } from '@app/event-sourcing';
import { inspectionDecider, inspectionStreamId } from '@app/inspections/domain';
import { kindergartenDecider, kindergartenStreamId } from '@app/kindergartens/domain';
import { rectificationDecider, rectificationStreamId } from '@app/rectifications/domain';
import type { EnrolmentCommand } from '../domain/enrolment.commands.js';
import { enrolmentDecider, enrolmentStreamId, type EnrolmentContext, type EnrolmentState } from '../domain/enrolment.decider.js';

type Outcome = CommandOutcome<EnrolmentState>;
type Data<T extends EnrolmentCommand['type']> = Omit<CommandData<EnrolmentCommand, T>, 'kindergartenId'>;

/** A kindergarten's enrolment (招生): a suspension proposed, stated against, decided; reinstated citing a passed follow-up. */
@Injectable()
export class EnrolmentCommands {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
    @Inject(Settings) private readonly settings: Settings,
  ) {}

  propose(kindergartenId: string, data: Data<'ProposeSuspension'>, request: CommandRequest): Promise<Outcome> {
    return this.run(kindergartenId, { type: 'ProposeSuspension', data: { kindergartenId, ...data } }, request, async () => ({
      rectification: (await this.runner.load(rectificationDecider, rectificationStreamId(data.rectificationId))).state,
      calendar: this.calendar,
      statementWorkingDays: this.settings.STATEMENT_WORKING_DAYS,
    }));
  }

  /** `{text, attachmentIds}` states the kindergarten's case; `{waive: true}` gives up the right to. */
  state(kindergartenId: string, data: Data<'SubmitStatement'> | { waive: true }, request: CommandRequest): Promise<Outcome> {
    const command: EnrolmentCommand =
      'waive' in data ? { type: 'WaiveStatement', data: { kindergartenId } } : { type: 'SubmitStatement', data: { kindergartenId, ...data } };
    return this.run(kindergartenId, command, request, async () => ('waive' in data ? {} : this.citedAttachments(data.attachmentIds)));
  }

  decide(kindergartenId: string, data: Data<'DecideSuspension'>, request: CommandRequest): Promise<Outcome> {
    return this.run(kindergartenId, { type: 'DecideSuspension', data: { kindergartenId, ...data } }, request, async () => ({}));
  }

  reinstate(kindergartenId: string, data: Data<'ReinstateEnrolment'>, request: CommandRequest): Promise<Outcome> {
    return this.run(kindergartenId, { type: 'ReinstateEnrolment', data: { kindergartenId, ...data } }, request, async () => ({
      inspection: (await this.runner.load(inspectionDecider, inspectionStreamId(data.inspectionId))).state,
    }));
  }

  /** A statement's attachments, read as they are now on every attempt (one removed meanwhile cannot be cited). */
  private async citedAttachments(attachmentIds: readonly string[]): Promise<Partial<EnrolmentContext>> {
    const ids = [...new Set(attachmentIds)];
    const loaded = await Promise.all(ids.map(async (id) => [id, (await this.runner.load(attachmentDecider, attachmentStreamId(id))).state] as const));
    return { attachments: Object.fromEntries(loaded) };
  }

  /** The kindergarten in the path must exist (404), before If-Match (checked against enrolment-{id}) and the rules. */
  private async run(
    kindergartenId: string,
    command: EnrolmentCommand,
    request: CommandRequest,
    cited: () => Promise<Partial<EnrolmentContext>>,
  ): Promise<Outcome> {
    const kindergarten = await this.runner.load(kindergartenDecider, kindergartenStreamId(kindergartenId));
    if (kindergarten.state.status !== 'registered') throw new NotFoundError('not-found', 'No such kindergarten');
    return this.runner.execute(enrolmentDecider, enrolmentStreamId(kindergartenId), command, {
      metadata: request.metadata,
      expectedVersion: request.expectedVersion,
      context: async () => ({ now: request.now, actor: request.caller, ...(await cited()) }),
    });
  }
}
