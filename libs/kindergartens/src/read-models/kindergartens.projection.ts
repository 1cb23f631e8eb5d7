import { aggregateStateProjection } from '@app/projections';
import { kindergartenDecider, type KindergartenState } from '../domain/kindergarten.decider.js';

export const kindergartensProjection = aggregateStateProjection<KindergartenState>({
  name: 'kindergartens',
  category: 'kindergarten',
  table: 'rm_kindergartens',
  decider: kindergartenDecider,
  columns: { name: 'text', township: 'text', ownership: 'text' },
  toColumns: (state) => (state.status === 'registered' ? { name: state.name, township: state.township, ownership: state.ownership } : {}),
  indexes: (s) => [`CREATE INDEX rm_kindergartens_township ON ${s}.rm_kindergartens (township, id)`],
});
