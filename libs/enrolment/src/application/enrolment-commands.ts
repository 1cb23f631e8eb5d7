import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@app/event-sourcing';
import { CommandExecutor } from '@app/event-store';
import type { CommandOutcome, CommandRequest } from '@app/identity';
import { inspectionDecider, inspectionStreamId } from '@app/inspections';
import { kindergartenDecider, kindergartenStreamId } from '@app/kindergartens';
import { rectificationDecider, rectificationStreamId } from '@app/rectifications';
import type { EnrolmentCommand } from '../domain/enrolment.commands.js';
import { enrolmentDecider, enrolmentStreamId, type EnrolmentContext, type EnrolmentState } from '../domain/enrolment.decider.js';

type Outcome = CommandOutcome<EnrolmentState>;

export class SuspendEnrolment extends Command<Outcome> {
  constructor(
    readonly kindergartenId: string,
    readonly data: { rectificationId: string; effectiveFrom: string; reason: string },
    readonly request: CommandRequest,
  ) {
    super();
  }
}

export class ReinstateEnrolment extends Command<Outcome> {
  constructor(
    readonly kindergartenId: string,
    readonly data: { inspectionId: string; reason: string },
    readonly request: CommandRequest,
  ) {
    super();
  }
}

abstract class EnrolmentHandler {
  constructor(protected readonly executor: CommandExecutor) {}

  /** The kindergarten in the path must exist (404), before If-Match (checked against enrolment-{id}) and the rules. */
  protected async run(kindergartenId: string, command: EnrolmentCommand, request: CommandRequest, extra: () => Promise<Partial<EnrolmentContext>>) {
    const kindergarten = await this.executor.load(kindergartenDecider, kindergartenStreamId(kindergartenId));
    if (kindergarten.state.status !== 'registered') throw new NotFoundError('not-found', 'No such kindergarten');
    return this.executor.execute(enrolmentDecider, enrolmentStreamId(kindergartenId), command, {
      metadata: request.metadata,
      expectedVersion: request.expectedVersion,
      context: async () => ({ now: request.now, actor: request.caller, ...(await extra()) }),
    });
  }
}

@CommandHandler(SuspendEnrolment)
export class SuspendEnrolmentHandler extends EnrolmentHandler implements ICommandHandler<SuspendEnrolment> {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    super(executor);
  }

  execute({ kindergartenId, data, request }: SuspendEnrolment) {
    return this.run(kindergartenId, { type: 'SuspendEnrolment', data: { kindergartenId, ...data } }, request, async () => ({
      rectification: (await this.executor.load(rectificationDecider, rectificationStreamId(data.rectificationId))).state,
    }));
  }
}

@CommandHandler(ReinstateEnrolment)
export class ReinstateEnrolmentHandler extends EnrolmentHandler implements ICommandHandler<ReinstateEnrolment> {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    super(executor);
  }

  execute({ kindergartenId, data, request }: ReinstateEnrolment) {
    return this.run(kindergartenId, { type: 'ReinstateEnrolment', data: { kindergartenId, ...data } }, request, async () => ({
      inspection: (await this.executor.load(inspectionDecider, inspectionStreamId(data.inspectionId))).state,
    }));
  }
}
