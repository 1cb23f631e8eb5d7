import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConflictError } from '@app/event-sourcing';
import { CommandExecutor } from '@app/event-store';
import type { CommandOutcome, CommandRequest } from '@app/identity';
import { ScheduleInspection, annualInspectionId } from '@app/inspections';
import { assessmentDecider, type AssessmentState } from '../domain/assessment.decider.js';
import { assessmentStreamId } from '../domain/plan-notifications.js';
import { dateOf, yearContaining } from '../domain/plan-periods.js';
import { PlanRecord } from './plan-record.js';

export interface AnnualInspectionRef {
  readonly kindergartenId: string;
  readonly inspectionId: string;
}

export interface AssessmentOutcome extends CommandOutcome<AssessmentState> {
  /** Annual inspections this command scheduled, and those that already existed (a repeat schedules none twice). */
  readonly scheduled: readonly AnnualInspectionRef[];
  readonly existing: readonly AnnualInspectionRef[];
}

/** Opens the year's assessment campaign (年度考核) and schedules one annual inspection per registered kindergarten. */
export class OpenAssessment extends Command<AssessmentOutcome> {
  constructor(
    readonly year: number,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

const CONCURRENCY = 8;

/** The day the inspections are planned for: today if the year is this one, else its first (ahead) or last (past) day. */
const scheduledOnFor = (year: number, now: Date): string => {
  const current = yearContaining(now);
  return year === current ? dateOf(now) : year > current ? `${year}-01-01` : `${year}-12-31`;
};

@CommandHandler(OpenAssessment)
export class OpenAssessmentHandler implements ICommandHandler<OpenAssessment> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PlanRecord) private readonly record: PlanRecord,
  ) {}

  async execute({ year, request }: OpenAssessment): Promise<AssessmentOutcome> {
    const opened = await this.executor.execute(
      assessmentDecider,
      assessmentStreamId(year),
      { type: 'OpenAssessment', data: { year } },
      { metadata: request.metadata, expectedVersion: request.expectedVersion, context: { now: request.now, actor: request.caller } },
    );
    // every kindergarten registered now, through the ordinary command: its deterministic annual id makes a repeat a 409
    const kindergartenIds = await this.record.idsOf('kindergarten');
    const scheduledOn = scheduledOnFor(year, request.now);
    const scheduled: AnnualInspectionRef[] = [];
    const existing: AnnualInspectionRef[] = [];
    let position = opened.position;
    const next = kindergartenIds.values();
    const worker = async (): Promise<void> => {
      for (const kindergartenId of next) {
        const ref = { kindergartenId, inspectionId: annualInspectionId(kindergartenId, year) };
        try {
          const outcome = await this.commands.execute(
            new ScheduleInspection(
              { kindergartenId, kind: 'annual', year, scheduledOn },
              {
                ...request,
                expectedVersion: undefined,
                metadata: { ...request.metadata, commandId: randomUUID(), causationId: request.metadata.commandId },
              },
            ),
          );
          scheduled.push(ref);
          position = Math.max(position ?? 0, outcome.position ?? 0) || null;
        } catch (error) {
          if (!(error instanceof ConflictError && error.code === 'annual-inspection-exists')) throw error;
          existing.push(ref);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const byId = (a: AnnualInspectionRef, b: AnnualInspectionRef): number => (a.kindergartenId < b.kindergartenId ? -1 : 1);
    return { ...opened, position, scheduled: scheduled.sort(byId), existing: existing.sort(byId) };
  }
}
