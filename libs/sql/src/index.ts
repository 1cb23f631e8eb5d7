export * from './pglite-client.js';
export * from './postgres-client.js';
export * from './sql-client.js';
export * from './migrations.js';
export * from './store-unavailable.js';
