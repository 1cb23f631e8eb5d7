import { kindergartenDecider } from './domain/kindergarten.decider.js';
import { KindergartensModule } from './kindergartens.module.js';
import { kindergartensProjection } from './read-models/kindergartens.projection.js';

/** The kindergartens feature as the engine assembles it. */
export const kindergartensFeature = {
  module: KindergartensModule,
  projections: [kindergartensProjection],
  audit: [{ category: 'kindergarten', label: '幼儿园', decider: kindergartenDecider }],
};
