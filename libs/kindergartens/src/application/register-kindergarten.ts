import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@app/event-store';
import type { CommandOutcome, CommandRequest } from '@app/identity';
import { kindergartenDecider, kindergartenStreamId, type KindergartenState } from '../domain/kindergarten.decider.js';
import type { Ownership } from '../domain/kindergarten.events.js';

export class RegisterKindergarten extends Command<CommandOutcome<KindergartenState>> {
  constructor(
    readonly data: { kindergartenId: string; name: string; township: string; ownership: Ownership },
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(RegisterKindergarten)
export class RegisterKindergartenHandler implements ICommandHandler<RegisterKindergarten> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  execute({ data, request }: RegisterKindergarten) {
    return this.executor.execute(
      kindergartenDecider,
      kindergartenStreamId(data.kindergartenId),
      { type: 'RegisterKindergarten', data },
      { context: { now: request.now, actor: request.caller }, metadata: request.metadata },
    );
  }
}
