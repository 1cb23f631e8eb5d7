export * from './core.module.js';
export * from './features.js';
export * from './worker.module.js';
