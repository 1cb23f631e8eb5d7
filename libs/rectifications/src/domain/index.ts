export * from './document-number.js';
export * from './rectification-notifications.js';
export * from './rectification-status.js';
export * from './rectification.commands.js';
export * from './rectification.decider.js';
export * from './rectification.events.js';
