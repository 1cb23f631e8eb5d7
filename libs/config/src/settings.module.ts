import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock, SystemClock } from './clock.js';
import { Settings } from './settings.js';

/** Makes the validated settings (and the clock) injectable everywhere as `Settings` and `Clock`. */
@Global()
@Module({})
export class SettingsModule {
  static register(settings: Settings, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: SettingsModule,
      providers: [
        { provide: Settings, useValue: settings },
        { provide: Clock, useValue: clock },
      ],
      exports: [Settings, Clock],
    };
  }
}
