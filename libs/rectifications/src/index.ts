export * from './application/rectification-cases.js';
export * from './application/rectification.queries.js';
export * from './read-models/rectification-list.js';
export * from './read-models/rectification-response.js';
export * from './read-models/rectifications.projection.js';
export * from './rectifications.module.js';
export * from './application/rectification-notification-source.js';
export * from './rectifications.feature.js';
