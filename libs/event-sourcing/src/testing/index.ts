export * from './decider-specification.js';
export * from './event-store-contract.js';
