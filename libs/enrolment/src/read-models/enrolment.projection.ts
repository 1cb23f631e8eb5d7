import { aggregateStateProjection } from '@app/projections';
import { enrolmentDecider, type EnrolmentState } from '../domain/enrolment.decider.js';

export const enrolmentProjection = aggregateStateProjection<EnrolmentState>({
  name: 'enrolment',
  category: 'enrolment',
  table: 'rm_enrolment',
  decider: enrolmentDecider,
  columns: { status: 'text' },
  toColumns: (state) => ({ status: state.status }),
});
