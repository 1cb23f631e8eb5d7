import { inspectionDecider } from './domain/inspection.decider.js';
import { InspectionsModule } from './inspections.module.js';
import { inspectionsProjection } from './read-models/inspections.projection.js';

/** The inspections feature as the engine assembles it. */
export const inspectionsFeature = {
  module: InspectionsModule,
  projections: [inspectionsProjection],
  audit: [{ category: 'inspection', label: '检查', decider: inspectionDecider }],
};
