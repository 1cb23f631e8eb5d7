import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner, type CommandData, type CommandOutcome, type CommandRequest } from '@app/commands';
import { NotFoundError } from '@app/event-sourcing';
import { inspectionDecider, inspectionStreamId } from '@app/inspections/domain';
import { kindergartenDecider, kindergartenStreamId } from '@app/kindergartens/domain';
import { rectificationDecider, rectificationStreamId } from '@app/rectifications/domain';
import type { EnrolmentCommand } from '../domain/enrolment.commands.js';
import { enrolmentDecider, enrolmentStreamId, type EnrolmentContext, type EnrolmentState } from '../domain/enrolment.decider.js';

type Outcome = CommandOutcome<EnrolmentState>;

/** A kindergarten's enrolment (招生): suspended citing a failed case, reinstated citing a passed follow-up. */
@Injectable()
export class EnrolmentCommands {
  constructor(@Inject(CommandRunner) private readonly runner: CommandRunner) {}

  suspend(
    kindergartenId: string,
    data: Omit<CommandData<EnrolmentCommand, 'SuspendEnrolment'>, 'kindergartenId'>,
    request: CommandRequest,
  ): Promise<Outcome> {
    return this.run(kindergartenId, { type: 'SuspendEnrolment', data: { kindergartenId, ...data } }, request, async () => ({
      rectification: (await this.runner.load(rectificationDecider, rectificationStreamId(data.rectificationId))).state,
    }));
  }

  reinstate(
    kindergartenId: string,
    data: Omit<CommandData<EnrolmentCommand, 'ReinstateEnrolment'>, 'kindergartenId'>,
    request: CommandRequest,
  ): Promise<Outcome> {
    return this.run(kindergartenId, { type: 'ReinstateEnrolment', data: { kindergartenId, ...data } }, request, async () => ({
      inspection: (await this.runner.load(inspectionDecider, inspectionStreamId(data.inspectionId))).state,
    }));
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
