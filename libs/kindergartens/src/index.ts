export * from './application/kindergarten-commands.js';
export * from './kindergartens.module.js';
export * from './kindergartens.feature.js';
export * from './application/townships.js';
export * from './application/kindergarten-name-backfill.js';
