export * from './calendar-overrides.js';
export * from './chinese-days-years.js';
export * from './create-calendar.js';
export * from './calendar.module.js';
// transitional: consumers move to '@app/calendar/domain'
export * from './domain/index.js';
