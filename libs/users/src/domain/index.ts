export * from './password-policy.js';
export * from './sign-in-log.js';
export * from './user.commands.js';
export * from './user.decider.js';
export * from './user.events.js';
