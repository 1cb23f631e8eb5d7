export * from './official.js';
export * from './calendar.module.js';
