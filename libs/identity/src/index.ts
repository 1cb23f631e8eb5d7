export * from './caller.js';
export * from './command-request.js';
export * from './command-outcome.js';
export * from './bearer-tokens.js';
