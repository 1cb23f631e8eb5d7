export * from './audit.service.js';
export * from './audited-aggregates.js';
export * from './sentences.js';
export * from './import-check.js';
