import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Settings, SettingsModule } from '@app/config';
import { EventStoreModule } from '@app/event-store';
import { HealthModule } from './health/health.module.js';

@Module({})
export class AppModule {
  static register(settings: Settings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        SettingsModule.register(settings),
        LoggerModule.forRoot({
          pinoHttp: {
            level: settings.LOG_LEVEL,
            // Fastify already gave the request its correlation id (see app.ts)
            customProps: (request) => ({ correlationId: request.id }),
            timestamp: () => `,"time":"${new Date().toISOString()}"`,
            redact: ['req.headers.authorization'],
          },
        }),
        EventStoreModule.forRoot(),
        HealthModule,
      ],
    };
  }
}
