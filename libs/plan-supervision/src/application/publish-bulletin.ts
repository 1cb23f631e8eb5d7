import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@app/event-store';
import type { CommandOutcome, CommandRequest } from '@app/identity';
import { bulletinDecider, bulletinPublishable, type BulletinState } from '../domain/bulletin.decider.js';
import { bulletinStreamId } from '../domain/plan-notifications.js';
import type { Quarter } from '../domain/plan-periods.js';
import { PlanRecord } from './plan-record.js';

/** Publishes a quarter's bulletin (季通报) with the numbers of the record as it stood at the quarter's end. */
export class PublishBulletin extends Command<CommandOutcome<BulletinState>> {
  constructor(
    readonly quarter: Quarter,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(PublishBulletin)
export class PublishBulletinHandler implements ICommandHandler<PublishBulletin> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(PlanRecord) private readonly record: PlanRecord,
  ) {}

  execute({ quarter, request }: PublishBulletin) {
    return this.executor.execute(
      bulletinDecider,
      bulletinStreamId(quarter),
      { type: 'PublishBulletin', data: quarter },
      {
        metadata: request.metadata,
        expectedVersion: request.expectedVersion,
        // the whole log is read only for a bulletin that can be published; a refusal needs no numbers
        context: async (state) => ({
          now: request.now,
          actor: request.caller,
          content: bulletinPublishable(state, quarter, request.now) ? await this.record.bulletinContent(quarter) : undefined,
        }),
      },
    );
  }
}
