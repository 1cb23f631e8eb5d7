import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@app/event-sourcing';
import { CommandRunner } from '@app/commands';
import { BULLETIN_CATEGORIES, quarterlyBulletin, type BulletinContent, type RecordedEvent } from '../domain/quarterly-bulletin.js';
import { quarterEnd, type Quarter } from '../domain/plan-periods.js';
import { hasTasks, planTaskDecider, planTaskStreamId } from '../domain/plan-task.decider.js';
import type { PlanTask } from '../domain/reference-data.events.js';
import { responsibleUnitDecider, responsibleUnitStreamId, type ResponsibleUnitState } from '../domain/responsible-unit.decider.js';

export type RegisteredUnit = Extract<ResponsibleUnitState, { status: 'registered' }>;

const PAGE = 1_000;

/** What plan-supervision decisions read from the event store itself (never from read models, which may lag). */
@Injectable()
export class PlanRecord {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
  ) {}

  /** The ids of every stream of a category, in id order, without the category's prefix. */
  async idsOf(category: string): Promise<string[]> {
    const ids: string[] = [];
    for (let after: string | undefined; ;) {
      const page = await this.store.listStreams({ category, afterStreamId: after, limit: PAGE });
      ids.push(...page.map((stream) => stream.streamId.slice(category.length + 1)));
      if (page.length < PAGE) return ids;
      after = page.at(-1)!.streamId;
    }
  }

  async unit(unitId: string): Promise<ResponsibleUnitState> {
    return (await this.runner.load(responsibleUnitDecider, responsibleUnitStreamId(unitId))).state;
  }

  async units(): Promise<RegisteredUnit[]> {
    const states = await Promise.all((await this.idsOf('responsibleUnit')).map((unitId) => this.unit(unitId)));
    return states.flatMap((state) => (state.status === 'registered' ? [state] : []));
  }

  async taskNumbers(): Promise<number[]> {
    return (await this.idsOf('planTask')).map(Number).filter(Number.isInteger);
  }

  async tasks(): Promise<PlanTask[]> {
    const states = await Promise.all(
      (await this.taskNumbers()).map(async (taskNo) => (await this.runner.load(planTaskDecider, planTaskStreamId(taskNo))).state),
    );
    return states.flatMap((state) => (state.status === 'registered' ? [state] : []));
  }

  /** The units that report monthly: registered, and lead or responsible unit of at least one task. */
  async reportingUnits(): Promise<RegisteredUnit[]> {
    const [units, tasks] = await Promise.all([this.units(), this.tasks()]);
    return units.filter((unit) => hasTasks(unit.id, tasks));
  }

  /**
   * The quarter's bulletin from the whole log, keeping in memory only the events that can count (the categories it
   * reads, decided by the quarter's end). The log is read in full: a position does not say when an event was decided.
   */
  async bulletinContent(quarter: Quarter): Promise<BulletinContent> {
    const asOf = Date.parse(quarterEnd(quarter));
    const relevant: RecordedEvent[] = [];
    for await (const event of this.store.streamAll({ batchSize: 5_000 })) {
      if (event.type === 'ReminderSent' || Date.parse(event.metadata.at) > asOf) continue;
      const category = event.streamId.slice(0, event.streamId.indexOf('-'));
      if (BULLETIN_CATEGORIES.includes(category)) relevant.push(event);
    }
    return quarterlyBulletin(quarter, relevant);
  }
}
