export * from './command.js';
export * from './command-handler.js';
export * from './decider.js';
export * from './errors.js';
export * from './event.js';
export * from './event-store.js';
export * from './hash-chain.js';
export * from './upcasting.js';
