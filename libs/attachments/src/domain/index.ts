export * from './attachment.commands.js';
export * from './attachment.decider.js';
export * from './attachment.events.js';
export * from './evidence.js';
