export * from './application/account-refusal.js';
export * from './application/account-store.js';
export * from './application/accounts.js';
export * from './application/directory-addresses.js';
export * from './application/password-hasher.js';
export * from './users.feature.js';
export * from './users.module.js';
