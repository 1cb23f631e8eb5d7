import { enrolmentProjection } from '@app/enrolment';
import { inspectionsProjection } from '@app/inspections';
import { kindergartensProjection } from '@app/kindergartens';
import { monthlyReportsProjection, planTasksProjection, responsibleUnitsProjection } from '@app/plan-supervision';
import type { Projection } from '@app/projections';
import { rectificationsProjection } from '@app/rectifications';
import { inboxProjection } from '@app/reminders';

/** Every read model the engine keeps, for the API (queries), the worker (runners) and the CLI (rebuild). */
export const PROJECTIONS: readonly Projection[] = [
  kindergartensProjection,
  inspectionsProjection,
  rectificationsProjection,
  enrolmentProjection,
  inboxProjection,
  responsibleUnitsProjection,
  planTasksProjection,
  monthlyReportsProjection,
];
