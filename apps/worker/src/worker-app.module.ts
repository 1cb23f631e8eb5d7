import { Module, type DynamicModule } from '@nestjs/common';
import type { Clock, Settings } from '@app/config';
import { EngineCoreModule, EngineWorkerModule } from '@app/composition-root';

/** The worker process: the engine's core (its projections run here) and the background work, without HTTP. */
@Module({})
export class WorkerAppModule {
  static register(settings: Settings, clock?: Clock): DynamicModule {
    return { module: WorkerAppModule, imports: [EngineCoreModule.register({ ...settings, RUN_WORKER: true }, clock), EngineWorkerModule] };
  }
}
