export * from './application/inspection-commands.js';
export * from './application/inspection.queries.js';
export * from './inspections.module.js';
export * from './read-models/inspection-list.js';
export * from './read-models/inspection-response.js';
export * from './read-models/inspections.projection.js';
export * from './inspections.feature.js';
