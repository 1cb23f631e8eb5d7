export * from './aggregate-state.projection.js';
export * from './projection.js';
export * from './projection-runner.js';
export * from './paging.js';
export * from './projections.module.js';
export * from './kept-answers.js';
