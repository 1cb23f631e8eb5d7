export * from './enrolment.commands.js';
export * from './enrolment.decider.js';
export * from './enrolment.events.js';
export * from './enrolment-notifications.js';
export * from './enrolment-view.js';
