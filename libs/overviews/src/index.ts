export * from './kindergarten-overview/kindergarten-overview.js';
export * from './kindergarten-overview/kindergarten-overview.projection.js';
export * from './kindergarten-overview/kindergarten-overview.queries.js';
export * from './overviews.module.js';
export * from './public-board/public-board.js';
export * from './public-board/public-board.projection.js';
export * from './public-board/public-board.queries.js';
export * from './overviews.feature.js';
