import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { Clock, Settings } from '@app/config';
import { CalendarAdministrationModule } from '@app/calendar';
import { AttachmentsModule } from '@app/attachments';
import { EngineCoreModule, EngineWorkerModule } from '@app/composition-root';
import { DocumentsModule } from '@app/documents';
import { EnrolmentModule } from '@app/enrolment';
import { InspectionsModule } from '@app/inspections';
import { KindergartensModule } from '@app/kindergartens';
import { PlanSupervisionModule } from '@app/plan-supervision';
import { RectificationsModule } from '@app/rectifications';
import { InboxViews } from '@app/notifications';
import { UsersModule } from '@app/users';
import { OidcModule } from '@app/oidc';
import { AttachmentsController } from './attachments/attachments.controller.js';
import { AuditController } from './audit/audit.controller.js';
import { OidcController } from './auth/oidc/oidc.controller.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { DocumentsController } from './documents/documents.controller.js';
import { HealthModule } from './health/health.module.js';
import { CommandAnswers } from './http/commands/command-answers.js';
import { IdempotencyKeys } from './http/idempotency/idempotency-keys.js';
import { IdempotencyInterceptor } from './http/idempotency/idempotency.interceptor.js';
import { InboxController } from './inbox/inbox.controller.js';
import { InspectionsController } from './inspections/inspections.controller.js';
import { KindergartensController } from './kindergartens/kindergartens.controller.js';
import { MetricsController } from './operations/metrics.controller.js';
import { AnnualAssessmentsController } from './plan-supervision/annual-assessments.controller.js';
import { BulletinsController } from './plan-supervision/bulletins.controller.js';
import { MonthlyReportsController } from './plan-supervision/monthly-reports.controller.js';
import { PlanTasksController } from './plan-supervision/plan-tasks.controller.js';
import { PublicController } from './public/public.controller.js';
import { RectificationsController } from './rectifications/rectifications.controller.js';
import { SeedLoader } from './seeds/seed-loader.js';
import { StatisticsController } from './statistics/statistics.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { KindergartenScope, KindergartenScopeGuard } from './auth/kindergarten-scope.js';
import { SessionCookies } from './auth/session-cookies.js';
import { TownshipsController } from './townships/townships.controller.js';
import { UsersController } from './users/users.controller.js';

/** The API process: the engine's core, its HTTP edge, and (with RUN_WORKER, as `npm start` runs) the background work too. */
@Module({})
export class AppModule {
  static register(settings: Settings, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        EngineCoreModule.register(settings, clock),
        HealthModule,
        // the features whose use cases the controllers call
        KindergartensModule,
        InspectionsModule,
        RectificationsModule,
        EnrolmentModule,
        PlanSupervisionModule,
        UsersModule,
        OidcModule,
        CalendarAdministrationModule,
        AttachmentsModule,
        DocumentsModule,
        ...(settings.RUN_WORKER && settings.RUN_REMINDERS ? [EngineWorkerModule] : []),
      ],
      controllers: [
        KindergartensController,
        InspectionsController,
        RectificationsController,
        PlanTasksController,
        MonthlyReportsController,
        BulletinsController,
        AnnualAssessmentsController,
        PublicController,
        StatisticsController,
        CalendarController,
        InboxController,
        AuditController,
        MetricsController,
        AuthController,
        UsersController,
        TownshipsController,
        OidcController,
        AttachmentsController,
        DocumentsController,
      ],
      providers: [
        SessionCookies,
        KindergartenScope,
        { provide: APP_GUARD, useClass: KindergartenScopeGuard },
        IdempotencyKeys,
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        CommandAnswers,
        SeedLoader,
        InboxViews,
      ],
    };
  }
}
