import { kindergartenNameRegister } from './domain/kindergarten-name.js';
import { kindergartenDecider } from './domain/kindergarten.decider.js';
import { KindergartensModule } from './kindergartens.module.js';

/** The kindergartens feature as the engine assembles it (its pages are read from the overviews' projections). */
export const kindergartensFeature = {
  module: KindergartensModule,
  audit: [
    { category: 'kindergarten', label: '幼儿园', decider: kindergartenDecider },
    { category: 'kindergartenName', label: '幼儿园名称登记', decider: kindergartenNameRegister },
  ],
};
