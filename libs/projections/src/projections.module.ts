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
import { ProjectionRunner, checkpointsChannel, lowestCheckpoint, migrateProjections } from './projection-runner.js';

/** The read models of this deployment. */
export class RegisteredProjections {
  constructor(readonly all: readonly Projection[]) {}
}

/** Creates the read models' tables at start-up and, where this process runs the workers, keeps them up to date. */
@Injectable()
export class ProjectionWorkers implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  runners: ProjectionRunner[] = [];

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
    // one reader and one transaction per batch for all of them: with PGlite every query shares one connection
    this.runners = [
      new ProjectionRunner(this.projections.all, this.store, this.database, this.settings.DATABASE_SCHEMA, {
        log: (message) => this.logger.log(message),
        error: (message, error) => this.logger.error(`${message}: ${error instanceof Error ? error.stack : String(error)}`),
      }),
    ];
    for (const runner of this.runners) runner.start();
    this.logger.log(`running ${this.projections.all.length} projections`);
  }

  // before the storage closes (it closes in onApplicationShutdown)
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}

/** Lets a command's response wait until the read models it touches include it, so that the client's next GET sees its own write. */
@Injectable()
export class ReadModels implements BeforeApplicationShutdown {
  private readonly logger = new Logger('ReadModels');
  /** Counts the runners' notifications (and reconnects of the listening connection); waiters compare it. */
  private wakes = 0;
  private readonly woken = new Set<() => void>();
  private stopListening: (() => Promise<void>) | null = null;

  constructor(
    @Inject(SqlDatabase) private readonly database: SqlDatabase,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(RegisteredProjections) private readonly projections: RegisteredProjections,
    @Inject(ProjectionWorkers) private readonly workers: ProjectionWorkers,
  ) {}

  /**
   * True once every projection reading `category` has passed `position`; false after READ_MODEL_WAIT_MS.
   * Projections run by this process are followed in memory; those of other processes through their checkpoints.
   */
  async catchUp(position: number | null, category: string): Promise<boolean> {
    if (position === null) return true;
    const reached = this.workers.runners.length > 0 ? await this.followLocal(position, category) : await this.pollCheckpoints(position, category);
    if (!reached) this.logger.warn(`read models of ${category} have not reached position ${position} after ${this.settings.READ_MODEL_WAIT_MS} ms`);
    return reached;
  }

  private async followLocal(position: number, category: string): Promise<boolean> {
    const runners = this.workers.runners.filter((runner) => runner.reads(category));
    const waits = runners.map(
      (runner) =>
        new Promise<boolean>((resolve) => {
          if (runner.position >= position) return resolve(true);
          const timer = setTimeout(() => done(false), this.settings.READ_MODEL_WAIT_MS);
          const onProgress = (reached: number): void => {
            if (reached >= position) done(true);
          };
          const done = (value: boolean): void => {
            clearTimeout(timer);
            runner.progress.off('progress', onProgress);
            resolve(value);
          };
          runner.progress.on('progress', onProgress);
        }),
    );
    return (await Promise.all(waits)).every(Boolean);
  }

  /**
   * Waits for the checkpoints of another process's runner: woken by its NOTIFY when they move (no polling), and
   * looking again every READ_MODEL_RECHECK_MS in case a notification was lost.
   */
  private async pollCheckpoints(position: number, category: string): Promise<boolean> {
    const names = this.projections.all
      .filter((projection) => !projection.categories || projection.categories.includes(category))
      .map((projection) => projection.name);
    if (names.length === 0) return true;
    this.stopListening ??= this.database.listen(checkpointsChannel(this.settings.DATABASE_SCHEMA), this.wake, this.wake);
    const deadline = Date.now() + this.settings.READ_MODEL_WAIT_MS;
    for (;;) {
      // counted before looking: a notification arriving during the query is not waited for afterwards
      const seen = this.wakes;
      if ((await lowestCheckpoint(this.database, this.settings.DATABASE_SCHEMA, names)) >= position) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      if (this.wakes === seen) await this.nextWake(Math.min(left, this.settings.READ_MODEL_RECHECK_MS));
    }
  }

  private readonly wake = (): void => {
    this.wakes += 1;
    for (const resolve of this.woken) resolve();
    this.woken.clear();
  };

  private nextWake(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.woken.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.woken.add(done);
    });
  }

  // before the storage closes (it closes in onApplicationShutdown)
  async beforeApplicationShutdown(): Promise<void> {
    const stop = this.stopListening;
    this.stopListening = null;
    await stop?.();
  }
}

@Global()
@Module({})
export class ProjectionsModule {
  static forRoot(projections: readonly Projection[]): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [{ provide: RegisteredProjections, useValue: new RegisteredProjections(projections) }, ReadModels, ProjectionWorkers],
      exports: [ReadModels, RegisteredProjections, ProjectionWorkers],
    };
  }
}
