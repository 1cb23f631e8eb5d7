export * from './delivery-record.js';
export * from './notification.js';
export * from './shanghai-wall-time.js';
