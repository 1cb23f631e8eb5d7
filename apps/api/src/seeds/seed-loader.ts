import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { formatShanghai } from '@app/calendar/domain';
import { Clock, Settings } from '@app/config';
import { ConflictError, EventStore } from '@app/event-sourcing';
import { actorOf, type Caller } from '@app/identity';
import type { CommandRequest } from '@app/commands';
import { KindergartenCommands } from '@app/kindergartens';
import { Accounts } from '@app/users';
import type { UserRole } from '@app/users/domain';
import { type Ownership } from '@app/kindergartens/domain';
import { PlanSupervisionCommands } from '@app/plan-supervision';
import { planTaskStreamId, responsibleUnitStreamId, type UnitKind } from '@app/plan-supervision/domain';

interface KindergartenSeed {
  id: string;
  name: string;
  township: string;
  ownership: Ownership;
  disclosure?: { teachers: number; caregivers: number; children: number; monthlyFeeYuan: number };
}

interface UserSeed {
  id: string;
  name: string;
  role: UserRole;
  kindergartenId?: string;
  unitId?: string;
  townships?: string[];
}

interface UnitSeed {
  id: string;
  name: string;
  kind: UnitKind;
  note?: string;
}

interface TaskSeed {
  no: number;
  group: string;
  title: string;
  summary: string;
  timeNodes: string[];
  leadUnits: string[];
  responsibleUnits: string[];
  note?: string;
}

/** Who the record shows as having loaded the seed data. */
export const SEED_CALLER: Caller = { sub: 'seed-loader', role: 'admin', name: '初始数据导入' };

/**
 * Loads seeds/ through the normal command path, so that the record shows who created what and when: the plan's
 * responsible units and tasks at every start, those not recorded yet (so a restart, or two processes starting
 * together, records nothing twice); the sample kindergartens only on the first start with an empty store, and
 * only if wanted (SEED_SAMPLE_DATA).
 */
@Injectable()
export class SeedLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seeds');

  constructor(
    @Inject(Settings) private readonly settings: Settings,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(PlanSupervisionCommands) private readonly plan: PlanSupervisionCommands,
    @Inject(KindergartenCommands) private readonly kindergartens: KindergartenCommands,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(Accounts) private readonly accounts: Accounts,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const empty = (await this.store.headPosition()) === 0;
    await this.accounts.bootstrapAdmin();
    if (!this.settings.SEED_ON_EMPTY) return;
    await this.loadPlan();
    const sample = this.settings.SEED_SAMPLE_DATA ?? this.settings.NODE_ENV !== 'production';
    if (empty && sample) {
      await this.loadKindergartens();
      await this.loadUsers();
    }
  }

  /** The sample users of every role (seeds/users.json), with the documented password, to be changed at first sign-in. */
  private async loadUsers(): Promise<void> {
    const file = join(resolve(this.settings.SEEDS_DIR), 'users.json');
    const { password, users } = JSON.parse(await readFile(file, 'utf8')) as { password: string; users: UserSeed[] };
    const correlationId = randomUUID();
    let loaded = 0;
    for (const { id, ...profile } of users) {
      const registration = { userId: id, serviceAccount: false, ...profile };
      if (await this.tolerateConflict(() => this.accounts.register(registration, this.request(correlationId), { initialPassword: password }))) loaded++;
    }
    this.logger.log(`registered ${loaded} sample users from ${file} (sample data; their password is in the README)`);
  }

  /** The plan's responsible units, then its tasks (which name them), each unless already recorded. */
  private async loadPlan(): Promise<void> {
    const dir = resolve(this.settings.SEEDS_DIR);
    const { units } = JSON.parse(await readFile(join(dir, 'responsible-units.json'), 'utf8')) as { units: UnitSeed[] };
    const { tasks } = JSON.parse(await readFile(join(dir, 'plan-tasks.json'), 'utf8')) as { tasks: TaskSeed[] };
    const recordedUnits = await this.streamsOf('responsibleUnit');
    const recordedTasks = await this.streamsOf('planTask');
    const correlationId = randomUUID();
    let loadedUnits = 0;
    let loadedTasks = 0;
    for (const unit of units) {
      if (recordedUnits.has(responsibleUnitStreamId(unit.id))) continue;
      const data = { unitId: unit.id, name: unit.name, kind: unit.kind, note: unit.note ?? null };
      if (await this.tolerateConflict(() => this.plan.registerResponsibleUnit(data, this.request(correlationId)))) loadedUnits++;
    }
    for (const task of tasks) {
      if (recordedTasks.has(planTaskStreamId(task.no))) continue;
      const { no, note, ...rest } = task;
      const data = { ...rest, taskNo: no, note: note ?? null };
      if (await this.tolerateConflict(() => this.plan.registerPlanTask(data, this.request(correlationId)))) loadedTasks++;
    }
    if (loadedUnits + loadedTasks > 0) this.logger.log(`loaded ${loadedUnits} responsible units and ${loadedTasks} plan tasks from ${dir}`);
  }

  private async streamsOf(category: string): Promise<Set<string>> {
    const ids = new Set<string>();
    for (let after: string | undefined; ;) {
      const page = await this.store.listStreams({ category, afterStreamId: after, limit: 1_000 });
      for (const stream of page) ids.add(stream.streamId);
      if (page.length < 1_000) return ids;
      after = page.at(-1)!.streamId;
    }
  }

  /** False when another process starting at the same moment recorded it first. */
  private async tolerateConflict(command: () => Promise<unknown>): Promise<boolean> {
    try {
      await command();
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  private async loadKindergartens(): Promise<void> {
    const dir = resolve(this.settings.SEEDS_DIR);
    const { kindergartens } = JSON.parse(await readFile(join(dir, 'kindergartens.json'), 'utf8')) as { kindergartens: KindergartenSeed[] };
    const correlationId = randomUUID();
    let loaded = 0;
    for (const seed of kindergartens) {
      try {
        await this.kindergartens.register(
          { kindergartenId: seed.id, name: seed.name, township: seed.township, ownership: seed.ownership },
          this.request(correlationId),
        );
        if (seed.disclosure) await this.kindergartens.publishDisclosure(seed.id, { ...seed.disclosure, notes: null }, this.request(correlationId));
        loaded++;
      } catch (error) {
        // another process seeding at the same moment got there first
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    this.logger.log(`loaded ${loaded} sample kindergartens from ${join(dir, 'kindergartens.json')} (sample data, not the county's register)`);
  }

  private request(correlationId: string): CommandRequest {
    const now = this.clock.now();
    return {
      caller: SEED_CALLER,
      now,
      metadata: {
        actor: actorOf(SEED_CALLER),
        at: formatShanghai(now),
        commandId: randomUUID(),
        correlationId,
        causationId: null,
      },
    };
  }
}
