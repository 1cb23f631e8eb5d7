import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { CalendarModule } from '@app/calendar';
import { Clock, Settings, SettingsModule } from '@app/config';
import { EventStoreModule } from '@app/event-store';
import { ProjectionsModule } from '@app/projections';
import { AuditService, AuditedAggregates } from '@app/audit';
import { AUDITED_AGGREGATES, FEATURE_MODULES, PROJECTIONS } from './features.js';

/** What every engine process holds: settings, logs, the event store, the calendar, the read models, the features. */
@Module({})
export class EngineCoreModule {
  static register(settings: Settings, clock?: Clock): DynamicModule {
    return {
      module: EngineCoreModule,
      imports: [
        SettingsModule.register(settings, clock),
        LoggerModule.forRoot({
          pinoHttp: {
            level: settings.LOG_LEVEL,
            // Fastify already gave the request its correlation id (see apps/api/src/app.ts)
            customProps: (request) => ({ correlationId: request.id }),
            timestamp: () => `,"time":"${new Date().toISOString()}"`,
            // credentials never reach a log line: tokens, the session cookie (its id), the CSRF token
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
          },
        }),
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(),
        CalendarModule,
        ProjectionsModule.forRoot(PROJECTIONS),
        ...FEATURE_MODULES,
      ],
      providers: [{ provide: AuditedAggregates, useValue: AUDITED_AGGREGATES }, AuditService],
      exports: [CqrsModule, AuditedAggregates, AuditService],
    };
  }
}
