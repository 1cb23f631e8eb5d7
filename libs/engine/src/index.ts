export * from './read-models.js';
