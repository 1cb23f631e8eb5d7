export * from './settings.js';
export * from './settings.module.js';
export * from './clock.js';
export * from './reminder-offsets.js';
