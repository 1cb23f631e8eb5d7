export * from './core.module.js';
export * from './read-models.js';
export * from './worker.module.js';
export * from './audited-aggregates.js';
