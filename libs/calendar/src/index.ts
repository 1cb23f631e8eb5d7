export * from './official.js';
export * from './calendar.module.js';
export * from './live-calendar.js';
export * from './calendar-administration.js';
export * from './calendar.feature.js';
