// The official calendar's data and how it is built, without Nest: for the CLIs and for tests that need the real years.
export * from './calendar-overrides.js';
export * from './chinese-days-years.js';
export * from './create-calendar.js';
