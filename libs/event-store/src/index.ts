export * from './pglite/pglite-event-store.js';
export * from './postgres/postgres-event-store.js';
export * from './sql/event-store-schema.js';
export * from './sql/sql-event-store.js';
export * from './event-store.module.js';
