export * from './working-day-calendar.js';
export * from './official-working-day-calendar.js';
export * from './calendar-year-data.js';
export * from './shanghai-time.js';
export * from './calendar-year.decider.js';
