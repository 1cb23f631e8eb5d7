import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@app/event-sourcing';
import { CommandExecutor } from '@app/event-store';
import { canSeeKindergarten, type CommandOutcome, type CommandRequest } from '@app/identity';
import { kindergartenDecider, kindergartenStreamId, type KindergartenState } from '../domain/kindergarten.decider.js';

export class PublishDisclosure extends Command<CommandOutcome<KindergartenState>> {
  constructor(
    readonly kindergartenId: string,
    readonly data: { teachers: number; caregivers: number; children: number; monthlyFeeYuan: number; notes: string | null },
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(PublishDisclosure)
export class PublishDisclosureHandler implements ICommandHandler<PublishDisclosure> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  execute({ kindergartenId, data, request }: PublishDisclosure) {
    return this.executor.execute(
      kindergartenDecider,
      kindergartenStreamId(kindergartenId),
      { type: 'PublishDisclosure', data },
      {
        context: { now: request.now, actor: request.caller },
        metadata: request.metadata,
        expectedVersion: request.expectedVersion,
        precondition: (state) => {
          if (state.status !== 'registered' || !canSeeKindergarten(request.caller, kindergartenId))
            throw new NotFoundError('not-found', 'No such kindergarten');
        },
      },
    );
  }
}
