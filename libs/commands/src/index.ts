export * from './command-data.js';
export * from './command-runner.js';
export * from './commands.module.js';
export * from './command-request.js';
export * from './command-outcome.js';
