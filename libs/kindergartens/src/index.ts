export * from './application/kindergarten-commands.js';
export * from './domain/kindergarten.commands.js';
export * from './domain/kindergarten.decider.js';
export * from './domain/kindergarten.events.js';
export * from './kindergartens.module.js';
export * from './kindergartens.feature.js';
