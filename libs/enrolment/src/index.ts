export * from './application/enrolment-commands.js';
export * from './domain/enrolment.commands.js';
export * from './domain/enrolment.decider.js';
export * from './domain/enrolment.events.js';
export * from './enrolment.module.js';
export * from './enrolment.feature.js';
