import { Inject, Injectable } from '@nestjs/common';
import { WorkingDayCalendar } from '@app/calendar';
import { NotFoundError } from '@app/event-sourcing';
import { CommandExecutor } from '@app/event-store';
import { canSeeKindergarten, type CommandOutcome, type CommandRequest } from '@app/identity';
import type { RectificationCommand } from '../domain/rectification.commands.js';
import { rectificationDecider, rectificationStreamId, type RectificationContext, type RectificationState } from '../domain/rectification.decider.js';

/** Runs a command on an existing case, as the caller may see it: another kindergarten's case does not exist for them. */
@Injectable()
export class RectificationCases {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(WorkingDayCalendar) readonly calendar: WorkingDayCalendar,
  ) {}

  run(
    rectificationId: string,
    command: RectificationCommand,
    request: CommandRequest,
    extra: () => Promise<Partial<RectificationContext>> = async () => ({}),
  ): Promise<CommandOutcome<RectificationState>> {
    return this.executor.execute(rectificationDecider, rectificationStreamId(rectificationId), command, {
      metadata: request.metadata,
      expectedVersion: request.expectedVersion,
      precondition: (state) => {
        if (state.status === 'none' || !canSeeKindergarten(request.caller, state.kindergartenId)) {
          throw new NotFoundError('not-found', 'No such rectification case');
        }
      },
      context: async () => ({ now: request.now, actor: request.caller, calendar: this.calendar, ...(await extra()) }),
    });
  }
}
