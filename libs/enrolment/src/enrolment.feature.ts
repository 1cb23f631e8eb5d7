import { enrolmentDecider } from './domain/enrolment.decider.js';
import { EnrolmentModule } from './enrolment.module.js';
import { enrolmentProjection } from './read-models/enrolment.projection.js';

/** The enrolment feature as the engine assembles it. */
export const enrolmentFeature = {
  module: EnrolmentModule,
  projections: [enrolmentProjection],
  audit: [{ category: 'enrolment', label: '招生状态', decider: enrolmentDecider }],
};
