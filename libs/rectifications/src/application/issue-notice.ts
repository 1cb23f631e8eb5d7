import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { WorkingDayCalendar } from '@app/calendar';
import { CommandExecutor } from '@app/event-store';
import type { CommandOutcome, CommandRequest } from '@app/identity';
import { inspectionDecider, inspectionStreamId } from '@app/inspections';
import { kindergartenDecider, kindergartenStreamId } from '@app/kindergartens';
import { rectificationDecider, rectificationIdFor, rectificationStreamId, type RectificationState } from '../domain/rectification.decider.js';
import type { DeadlineSpec } from '../domain/rectification.events.js';

export class IssueNotice extends Command<CommandOutcome<RectificationState>> {
  constructor(
    readonly data: { kindergartenId: string; inspectionId: string; findingCodes: string[]; deadline: DeadlineSpec; publish: boolean },
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(IssueNotice)
export class IssueNoticeHandler implements ICommandHandler<IssueNotice> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
  ) {}

  execute({ data, request }: IssueNotice) {
    const rectificationId = rectificationIdFor(data.inspectionId);
    return this.executor.execute(
      rectificationDecider,
      rectificationStreamId(rectificationId),
      { type: 'IssueNotice', data: { rectificationId, ...data } },
      {
        metadata: request.metadata,
        // read again on every attempt: the decision rests on the kindergarten and the inspection as they are now
        context: async () => {
          const [kindergarten, inspection] = await Promise.all([
            this.executor.load(kindergartenDecider, kindergartenStreamId(data.kindergartenId)),
            this.executor.load(inspectionDecider, inspectionStreamId(data.inspectionId)),
          ]);
          return {
            now: request.now,
            actor: request.caller,
            calendar: this.calendar,
            kindergartenRegistered: kindergarten.state.status === 'registered',
            inspection: inspection.state,
          };
        },
      },
    );
  }
}
