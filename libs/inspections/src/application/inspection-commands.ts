import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@app/event-sourcing';
import { CommandExecutor } from '@app/event-store';
import type { CommandOutcome, CommandRequest } from '@app/identity';
import { inspectionDecider, inspectionStreamId, type InspectionState } from '../domain/inspection.decider.js';
import type { Finding, Outcome } from '../domain/inspection.events.js';

export class RecordFinding extends Command<CommandOutcome<InspectionState>> {
  constructor(
    readonly inspectionId: string,
    readonly finding: Finding,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

export class ConcludeInspection extends Command<CommandOutcome<InspectionState>> {
  constructor(
    readonly inspectionId: string,
    readonly data: { outcome: Outcome; summary: string },
    readonly request: CommandRequest,
  ) {
    super();
  }
}

const mustExist = (state: InspectionState): void => {
  if (state.status === 'none') throw new NotFoundError('not-found', 'No such inspection');
};

@CommandHandler(RecordFinding)
export class RecordFindingHandler implements ICommandHandler<RecordFinding> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  execute({ inspectionId, finding, request }: RecordFinding) {
    return this.executor.execute(
      inspectionDecider,
      inspectionStreamId(inspectionId),
      { type: 'RecordFinding', data: finding },
      {
        context: { now: request.now, actor: request.caller, kindergartenRegistered: true },
        metadata: request.metadata,
        expectedVersion: request.expectedVersion,
        precondition: mustExist,
      },
    );
  }
}

@CommandHandler(ConcludeInspection)
export class ConcludeInspectionHandler implements ICommandHandler<ConcludeInspection> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  execute({ inspectionId, data, request }: ConcludeInspection) {
    return this.executor.execute(
      inspectionDecider,
      inspectionStreamId(inspectionId),
      { type: 'ConcludeInspection', data },
      {
        context: { now: request.now, actor: request.caller, kindergartenRegistered: true },
        metadata: request.metadata,
        expectedVersion: request.expectedVersion,
        precondition: mustExist,
      },
    );
  }
}
