import { Inject, Injectable, Module } from '@nestjs/common';
import { CommandRunner, CommandsModule, type CommandData, type CommandOutcome, type CommandRequest } from '@app/commands';
import { calendarStreamId, calendarYearDecider, type CalendarYearState, type PublishCalendarYear } from './domain/calendar-year.decider.js';
import { LiveWorkingDayCalendar } from './live-calendar.js';

/** 工作日历: an admin publishes a year's official arrangement, in force in this process as soon as it is recorded. */
@Injectable()
export class CalendarAdministration {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(LiveWorkingDayCalendar) private readonly calendar: LiveWorkingDayCalendar,
  ) {}

  async publish(data: CommandData<PublishCalendarYear, 'PublishCalendarYear'>, request: CommandRequest): Promise<CommandOutcome<CalendarYearState>> {
    const outcome = await this.runner.execute(
      calendarYearDecider,
      calendarStreamId(data.year),
      { type: 'PublishCalendarYear', data },
      {
        metadata: request.metadata,
        expectedVersion: request.expectedVersion,
        context: async () => ({ now: request.now, actor: request.caller, hasOtherData: this.calendar.hasBaseData(data.year) }),
      },
    );
    // other processes follow the log; this one answers with the year in force
    if (outcome.state.status === 'published') {
      const { year, holidays, makeUpWorkdays, source } = outcome.state;
      this.calendar.publish({ year, holidays, makeUpWorkdays, source }, outcome.version);
    }
    return outcome;
  }
}

@Module({
  imports: [CommandsModule],
  providers: [CalendarAdministration],
  exports: [CalendarAdministration],
})
export class CalendarAdministrationModule {}
