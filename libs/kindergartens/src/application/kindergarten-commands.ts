import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner, type CommandData, type CommandOutcome, type CommandRequest } from '@app/commands';
import { NotFoundError } from '@app/event-sourcing';
import { canSeeKindergarten } from '@app/identity';
import type { KindergartenCommand } from '../domain/kindergarten.commands.js';
import { kindergartenDecider, kindergartenStreamId, type KindergartenState } from '../domain/kindergarten.decider.js';

type Outcome = CommandOutcome<KindergartenState>;

/** The kindergarten register's use cases. */
@Injectable()
export class KindergartenCommands {
  constructor(@Inject(CommandRunner) private readonly runner: CommandRunner) {}

  register(data: CommandData<KindergartenCommand, 'RegisterKindergarten'>, request: CommandRequest): Promise<Outcome> {
    return this.runner.execute(
      kindergartenDecider,
      kindergartenStreamId(data.kindergartenId),
      { type: 'RegisterKindergarten', data },
      { context: { now: request.now, actor: request.caller }, metadata: request.metadata },
    );
  }

  /** Another kindergarten's register entry does not exist for a kindergarten caller. */
  publishDisclosure(kindergartenId: string, data: CommandData<KindergartenCommand, 'PublishDisclosure'>, request: CommandRequest): Promise<Outcome> {
    return this.runner.execute(
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
