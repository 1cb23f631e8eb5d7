import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { CommandExecutor } from '@app/event-store';
import type { CommandOutcome, CommandRequest } from '@app/identity';
import { kindergartenDecider, kindergartenStreamId } from '@app/kindergartens';
import { annualInspectionId, inspectionDecider, inspectionStreamId, type InspectionState } from '../domain/inspection.decider.js';
import type { InspectionKind } from '../domain/inspection.events.js';

export class ScheduleInspection extends Command<CommandOutcome<InspectionState>> {
  constructor(
    readonly data: { kindergartenId: string; kind: InspectionKind; year: number; scheduledOn: string },
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(ScheduleInspection)
export class ScheduleInspectionHandler implements ICommandHandler<ScheduleInspection> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  execute({ data, request }: ScheduleInspection) {
    const inspectionId = data.kind === 'annual' ? annualInspectionId(data.kindergartenId, data.year) : uuidv7();
    return this.executor.execute(
      inspectionDecider,
      inspectionStreamId(inspectionId),
      { type: 'ScheduleInspection', data: { inspectionId, ...data } },
      {
        metadata: request.metadata,
        context: async () => {
          const kindergarten = await this.executor.load(kindergartenDecider, kindergartenStreamId(data.kindergartenId));
          return { now: request.now, actor: request.caller, kindergartenRegistered: kindergarten.state.status === 'registered' };
        },
      },
    );
  }
}
