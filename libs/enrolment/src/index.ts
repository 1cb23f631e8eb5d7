export * from './application/enrolment-commands.js';
export * from './enrolment.module.js';
export * from './enrolment.feature.js';
