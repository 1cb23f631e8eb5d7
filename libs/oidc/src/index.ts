export * from './oidc.module.js';
export * from './oidc-sign-in.js';
export * from './oidc-sign-in-error.js';
export * from './oidc-tables.js';
