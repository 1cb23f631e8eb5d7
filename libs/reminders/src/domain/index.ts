export * from './notification.js';
export * from './reminder-offsets.js';
export * from './shanghai-wall-time.js';
