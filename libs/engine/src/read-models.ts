import { inspectionsProjection } from '@app/inspections';
import { kindergartenOverviewProjection, publicBoardProjection } from '@app/overviews';
import { monthlyReportsProjection, planTasksProjection, responsibleUnitsProjection } from '@app/plan-supervision';
import type { Projection } from '@app/projections';
import { rectificationsProjection } from '@app/rectifications';
import { inboxProjection } from '@app/reminders';

/** Every read model the engine keeps, for the API (queries), the worker (runners) and the CLI (rebuild). */
export const PROJECTIONS: readonly Projection[] = [
  inspectionsProjection,
  rectificationsProjection,
  inboxProjection,
  responsibleUnitsProjection,
  planTasksProjection,
  monthlyReportsProjection,
  kindergartenOverviewProjection,
  publicBoardProjection,
];
