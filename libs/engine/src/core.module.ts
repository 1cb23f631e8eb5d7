import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { CalendarModule } from '@app/calendar';
import { Clock, Settings, SettingsModule } from '@app/config';
import { EnrolmentModule } from '@app/enrolment';
import { EventStoreModule } from '@app/event-store';
import { InspectionsModule } from '@app/inspections';
import { KindergartensModule } from '@app/kindergartens';
import { OverviewsModule } from '@app/overviews';
import { PlanSupervisionModule } from '@app/plan-supervision';
import { ProjectionsModule } from '@app/projections';
import { RectificationsModule } from '@app/rectifications';
import { AuditService, AuditedAggregates } from '@app/audit';
import { AUDITED_AGGREGATES } from './audited-aggregates.js';
import { PROJECTIONS } from './read-models.js';

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
            redact: ['req.headers.authorization'],
          },
        }),
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(),
        CalendarModule,
        ProjectionsModule.forRoot(PROJECTIONS),
        KindergartensModule,
        InspectionsModule,
        RectificationsModule,
        EnrolmentModule,
        PlanSupervisionModule,
        OverviewsModule,
      ],
      providers: [{ provide: AuditedAggregates, useValue: AUDITED_AGGREGATES }, AuditService],
      exports: [CqrsModule, AuditedAggregates, AuditService],
    };
  }
}
