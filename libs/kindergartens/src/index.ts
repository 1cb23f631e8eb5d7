export * from './application/kindergarten.queries.js';
export * from './application/kindergarten-commands.js';
export * from './domain/kindergarten.commands.js';
export * from './domain/kindergarten.decider.js';
export * from './domain/kindergarten.events.js';
export * from './kindergartens.module.js';
export * from './read-models/kindergarten-views.js';
export * from './read-models/kindergartens.projection.js';
