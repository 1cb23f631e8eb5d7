import { setTimeout as sleep } from 'node:timers/promises';
import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { Settings } from '@app/config';
import { EventStore } from '@app/event-sourcing';
import { SqlDatabase } from '@app/sql';
import type { Projection } from './projection.js';
import { ProjectionRunner, lowestCheckpoint, migrateProjections } from './projection-runner.js';

/** The read models of this deployment. */
export class RegisteredProjections {
  constructor(readonly all: readonly Projection[]) {}
}

/** Lets a command's response wait until every read model includes it, so that the client's next GET sees its own write. */
@Injectable()
export class ReadModels {
  private readonly logger = new Logger('ReadModels');

  constructor(
    @Inject(SqlDatabase) private readonly database: SqlDatabase,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(RegisteredProjections) private readonly projections: RegisteredProjections,
  ) {}

  /** True once every projection has passed `position`; false if that takes longer than READ_MODEL_WAIT_MS. */
  async catchUp(position: number | null): Promise<boolean> {
    if (position === null || this.projections.all.length === 0) return true;
    const names = this.projections.all.map((projection) => projection.name);
    const deadline = Date.now() + this.settings.READ_MODEL_WAIT_MS;
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      if ((await lowestCheckpoint(this.database, this.settings.DATABASE_SCHEMA, names)) >= position) return true;
      if (Date.now() >= deadline) {
        this.logger.warn(
          `read models have not reached position ${position} after ${this.settings.READ_MODEL_WAIT_MS} ms: is a worker running projections?`,
        );
        return false;
      }
      await sleep(pause);
    }
  }
}

/** Creates the read models' tables at start-up and, where this process runs the workers, keeps them up to date. */
@Injectable()
class ProjectionsLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private runners: ProjectionRunner[] = [];

  constructor(
    @Inject(SqlDatabase) private readonly database: SqlDatabase,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(RegisteredProjections) private readonly projections: RegisteredProjections,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrateProjections(this.database, this.settings.DATABASE_SCHEMA, this.projections.all);
  }

  onApplicationBootstrap(): void {
    if (!this.settings.RUN_WORKER) return;
    this.runners = this.projections.all.map(
      (projection) =>
        new ProjectionRunner(projection, this.store, this.database, this.settings.DATABASE_SCHEMA, {
          log: (message) => this.logger.log(message),
          error: (message, error) => this.logger.error(`${message}: ${error instanceof Error ? error.stack : String(error)}`),
        }),
    );
    for (const runner of this.runners) runner.start();
    this.logger.log(`running ${this.runners.length} projections`);
  }

  // before the storage closes (it closes in onApplicationShutdown)
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  /** Resolves when every projection this process runs has caught up with the log once. */
  caughtUp(): Promise<void> {
    return Promise.all(this.runners.map((runner) => runner.caughtUp)).then(() => undefined);
  }
}

@Global()
@Module({})
export class ProjectionsModule {
  static forRoot(projections: readonly Projection[]): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [{ provide: RegisteredProjections, useValue: new RegisteredProjections(projections) }, ReadModels, ProjectionsLifecycle],
      exports: [ReadModels, RegisteredProjections],
    };
  }
}
