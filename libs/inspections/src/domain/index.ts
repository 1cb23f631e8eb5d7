export * from './inspection.commands.js';
export * from './inspection.decider.js';
export * from './inspection.events.js';
