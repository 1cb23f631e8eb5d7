import type { Type } from '@nestjs/common';
import { AuditedAggregates, describeEvent, type AuditedAggregate } from '@app/audit';
import { enrolmentFeature } from '@app/enrolment';
import { inspectionsFeature } from '@app/inspections';
import { kindergartensFeature } from '@app/kindergartens';
import { overviewsFeature } from '@app/overviews';
import { planSupervisionFeature } from '@app/plan-supervision';
import type { Projection } from '@app/projections';
import { rectificationsFeature } from '@app/rectifications';
import { notificationsFeature, type NotificationSource } from '@app/notifications';
import { usersFeature } from '@app/users';

/** What a feature gives the engine: each feature library exports one (`…Feature`). */
export interface EngineFeature {
  /** Its Nest module, in every engine process. */
  readonly module?: Type;
  /** Its background work, in the worker only. */
  readonly workerModule?: Type;
  /** Its read models, in the order they are run and rebuilt. */
  readonly projections?: readonly Projection[];
  /** Its aggregates as the auditor replays them; how their events read comes from the audit's sentences. */
  readonly audit?: readonly Omit<AuditedAggregate, 'describe'>[];
  /** Where its streams' notifications come from. */
  readonly notificationSource?: Type<NotificationSource>;
}

/** The features of this engine. */
export const FEATURES: readonly EngineFeature[] = [
  usersFeature,
  kindergartensFeature,
  inspectionsFeature,
  rectificationsFeature,
  enrolmentFeature,
  notificationsFeature,
  planSupervisionFeature,
  overviewsFeature,
];

/** Every read model the engine keeps, for the API (queries), the worker (runners) and the CLI (rebuild). */
export const PROJECTIONS: readonly Projection[] = FEATURES.flatMap((feature) => feature.projections ?? []);

/** Every aggregate the record holds, as the auditor replays it: with the deciders that decide commands. */
export const AUDITED_AGGREGATES = new AuditedAggregates(
  FEATURES.flatMap((feature) => feature.audit ?? []).map((aggregate) => ({ ...aggregate, describe: describeEvent })),
);

/** Where this deployment's notifications come from. */
export const NOTIFICATION_SOURCES: readonly Type<NotificationSource>[] = FEATURES.flatMap((feature) =>
  feature.notificationSource ? [feature.notificationSource] : [],
);

export const FEATURE_MODULES: readonly Type[] = FEATURES.flatMap((feature) => (feature.module ? [feature.module] : []));
export const FEATURE_WORKER_MODULES: readonly Type[] = FEATURES.flatMap((feature) => (feature.workerModule ? [feature.workerModule] : []));
