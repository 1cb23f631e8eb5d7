export * from './kindergarten.commands.js';
export * from './kindergarten.decider.js';
export * from './kindergarten.events.js';
export * from './kindergarten-name.js';
