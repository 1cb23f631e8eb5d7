export * from './calendar-overrides.js';
export * from './calendar-year-data.js';
export * from './chinese-days-years.js';
export * from './domain/working-day-calendar.js';
export * from './official-working-day-calendar.js';
export * from './shanghai-time.js';
export * from './calendar.module.js';
