export * from './enrolment.commands.js';
export * from './enrolment.decider.js';
export * from './enrolment.events.js';
