import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@app/event-store';
import type { CommandOutcome, CommandRequest } from '@app/identity';
import { planTaskDecider, planTaskStreamId, type PlanTaskState } from '../domain/plan-task.decider.js';
import type { PlanTask, UnitKind } from '../domain/reference-data.events.js';
import { responsibleUnitDecider, responsibleUnitStreamId, type ResponsibleUnitState } from '../domain/responsible-unit.decider.js';
import { PlanRecord } from './plan-record.js';

export class RegisterResponsibleUnit extends Command<CommandOutcome<ResponsibleUnitState>> {
  constructor(
    readonly data: { unitId: string; name: string; kind: UnitKind; note: string | null },
    readonly request: CommandRequest,
  ) {
    super();
  }
}

export class RegisterPlanTask extends Command<CommandOutcome<PlanTaskState>> {
  constructor(
    readonly data: PlanTask,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(RegisterResponsibleUnit)
export class RegisterResponsibleUnitHandler implements ICommandHandler<RegisterResponsibleUnit> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  execute({ data, request }: RegisterResponsibleUnit) {
    return this.executor.execute(
      responsibleUnitDecider,
      responsibleUnitStreamId(data.unitId),
      { type: 'RegisterResponsibleUnit', data },
      { metadata: request.metadata, context: { now: request.now, actor: request.caller } },
    );
  }
}

@CommandHandler(RegisterPlanTask)
export class RegisterPlanTaskHandler implements ICommandHandler<RegisterPlanTask> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(PlanRecord) private readonly record: PlanRecord,
  ) {}

  execute({ data, request }: RegisterPlanTask) {
    return this.executor.execute(
      planTaskDecider,
      planTaskStreamId(data.taskNo),
      { type: 'RegisterPlanTask', data },
      {
        metadata: request.metadata,
        context: async () => ({ now: request.now, actor: request.caller, registeredUnits: await this.record.idsOf('responsibleUnit') }),
      },
    );
  }
}
