import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { CalendarModule } from '@app/calendar';
import { Clock, Settings, SettingsModule } from '@app/config';
import { EnrolmentModule } from '@app/enrolment';
import { PROJECTIONS } from '@app/engine';
import { EventStoreModule } from '@app/event-store';
import { InspectionsModule } from '@app/inspections';
import { KindergartensModule } from '@app/kindergartens';
import { ProjectionsModule } from '@app/projections';
import { RectificationsModule } from '@app/rectifications';
import { CalendarController } from './calendar/calendar.controller.js';
import { HealthModule } from './health/health.module.js';
import { IdempotencyKeys } from './http/idempotency/idempotency-keys.js';
import { IdempotencyInterceptor } from './http/idempotency/idempotency.interceptor.js';
import { InspectionsController } from './inspections/inspections.controller.js';
import { KindergartensController } from './kindergartens/kindergartens.controller.js';
import { MetricsController } from './operations/metrics.controller.js';
import { PublicController } from './public/public.controller.js';
import { RectificationsController } from './rectifications/rectifications.controller.js';
import { SeedLoader } from './seeds/seed-loader.js';

@Module({})
export class AppModule {
  static register(settings: Settings, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        SettingsModule.register(settings, clock),
        LoggerModule.forRoot({
          pinoHttp: {
            level: settings.LOG_LEVEL,
            // Fastify already gave the request its correlation id (see app.ts)
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
        HealthModule,
      ],
      controllers: [
        KindergartensController,
        InspectionsController,
        RectificationsController,
        PublicController,
        CalendarController,
        MetricsController,
      ],
      providers: [IdempotencyKeys, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }, SeedLoader],
    };
  }
}
