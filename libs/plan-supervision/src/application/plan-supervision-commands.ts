import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { loadCitedUploads } from '@app/attachments';
import { CommandRunner, type CommandData, type CommandOutcome, type CommandRequest } from '@app/commands';
import { Settings } from '@app/config';
import { ConflictError, isKeyedCommandId, keyedCommandId } from '@app/event-sourcing';
import { InspectionCommands } from '@app/inspections';
import type { AttachmentState } from '@app/attachments/domain';
import { annualInspectionId } from '@app/inspections/domain';
import { assessmentDecider, type AssessmentState } from '../domain/assessment.decider.js';
import { bulletinDecider, bulletinPublishable, type BulletinState } from '../domain/bulletin.decider.js';
import type { MonthlyReportCommand } from '../domain/monthly-report.commands.js';
import { monthlyReportDecider, type MonthlyReportState } from '../domain/monthly-report.decider.js';
import { assessmentStreamId, bulletinStreamId, monthlyReportStreamId } from '../domain/plan-notifications.js';
import { dateOf, yearContaining, type Quarter } from '../domain/plan-periods.js';
import { planTaskDecider, planTaskStreamId, tasksOfUnit, type PlanTaskState } from '../domain/plan-task.decider.js';
import type { PlanTaskCommand, ResponsibleUnitCommand } from '../domain/reference-data.commands.js';
import { responsibleUnitDecider, responsibleUnitStreamId, type ResponsibleUnitState } from '../domain/responsible-unit.decider.js';
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

const CONCURRENCY = 8;

/** The command id of one kindergarten's annual inspection within an assessment's opening: derived when the opening is keyed, so a retry schedules each once. */
const subCommandId = (parent: string, kindergartenId: string): string =>
  isKeyedCommandId(parent) ? keyedCommandId(`${parent}/schedule/${kindergartenId}`) : randomUUID();

/** The day the inspections are planned for: today if the year is this one, else its first (ahead) or last (past) day. */
const scheduledOnFor = (year: number, now: Date): string => {
  const current = yearContaining(now);
  return year === current ? dateOf(now) : year > current ? `${year}-01-01` : `${year}-12-31`;
};

/** The plan's own supervision: its reference data, monthly reports, quarterly bulletins and annual assessments. */
@Injectable()
export class PlanSupervisionCommands {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(PlanRecord) private readonly record: PlanRecord,
    @Inject(InspectionCommands) private readonly inspections: InspectionCommands,
    @Inject(Settings) private readonly settings: Settings,
  ) {}

  registerResponsibleUnit(
    data: CommandData<ResponsibleUnitCommand, 'RegisterResponsibleUnit'>,
    request: CommandRequest,
  ): Promise<CommandOutcome<ResponsibleUnitState>> {
    return this.runner.execute(
      responsibleUnitDecider,
      responsibleUnitStreamId(data.unitId),
      { type: 'RegisterResponsibleUnit', data },
      { metadata: request.metadata, context: { now: request.now, actor: request.caller } },
    );
  }

  registerPlanTask(data: CommandData<PlanTaskCommand, 'RegisterPlanTask'>, request: CommandRequest): Promise<CommandOutcome<PlanTaskState>> {
    return this.runner.execute(
      planTaskDecider,
      planTaskStreamId(data.taskNo),
      { type: 'RegisterPlanTask', data },
      {
        metadata: request.metadata,
        context: async () => ({ now: request.now, actor: request.caller, registeredUnits: await this.record.idsOf('responsibleUnit') }),
      },
    );
  }

  /** A department's monthly report (月报告), for the unit its token names. */
  submitMonthlyReport(
    data: CommandData<MonthlyReportCommand, 'SubmitMonthlyReport'>,
    request: CommandRequest,
  ): Promise<CommandOutcome<MonthlyReportState>> {
    return this.runner.execute(
      monthlyReportDecider,
      monthlyReportStreamId(data.unitId, data.period),
      { type: 'SubmitMonthlyReport', data },
      {
        metadata: request.metadata,
        expectedVersion: request.expectedVersion,
        context: async () => {
          const [unit, tasks, attachments] = await Promise.all([this.record.unit(data.unitId), this.record.tasks(), this.citedUploads(data)]);
          return {
            now: request.now,
            actor: request.caller,
            dueDay: this.settings.MONTHLY_REPORT_DUE_DAY,
            unitRegistered: unit.status === 'registered',
            knownTasks: tasks.map((task) => task.taskNo),
            unitTasks: tasksOfUnit(data.unitId, tasks),
            attachments,
          };
        },
      },
    );
  }

  /** The unit's correction of its report (MonthlyReportAmended): the first version stays in the record. */
  amendMonthlyReport(
    data: CommandData<MonthlyReportCommand, 'AmendMonthlyReport'>,
    request: CommandRequest,
  ): Promise<CommandOutcome<MonthlyReportState>> {
    return this.runner.execute(
      monthlyReportDecider,
      monthlyReportStreamId(data.unitId, data.period),
      { type: 'AmendMonthlyReport', data },
      {
        metadata: request.metadata,
        expectedVersion: request.expectedVersion,
        context: async () => {
          const [tasks, attachments] = await Promise.all([this.record.tasks(), this.citedUploads(data)]);
          return {
            now: request.now,
            actor: request.caller,
            dueDay: this.settings.MONTHLY_REPORT_DUE_DAY,
            knownTasks: tasks.map((task) => task.taskNo),
            unitTasks: tasksOfUnit(data.unitId, tasks),
            attachments,
          };
        },
      },
    );
  }

  /** A report's uploads, read as they are now on every attempt (one removed meanwhile cannot be cited). */
  private citedUploads(data: { evidence?: readonly { attachmentId: string }[] }): Promise<Record<string, AttachmentState>> {
    return loadCitedUploads(
      this.runner,
      (data.evidence ?? []).map((item) => item.attachmentId),
    );
  }

  /** Publishes a quarter's bulletin (季通报) with the numbers of the record as it stood at the quarter's end. */
  publishBulletin(quarter: Quarter, request: CommandRequest): Promise<CommandOutcome<BulletinState>> {
    return this.runner.execute(
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

  /** Opens the year's assessment campaign (年度考核) and schedules one annual inspection per registered kindergarten. */
  async openAssessment(year: number, request: CommandRequest): Promise<AssessmentOutcome> {
    const opened = await this.runner.execute(
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
          const outcome = await this.inspections.schedule(
            { kindergartenId, kind: 'annual', year, scheduledOn },
            {
              ...request,
              expectedVersion: undefined,
              metadata: { ...request.metadata, commandId: subCommandId(request.metadata.commandId, kindergartenId), causationId: request.metadata.commandId },
            },
          );
          scheduled.push(ref);
          position = Math.max(position ?? 0, outcome.position ?? 0) || null;
        } catch (error) {
          // a closed kindergarten gets no new inspections: the campaign passes it by
          if (error instanceof ConflictError && error.code === 'kindergarten-closed') continue;
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
