// oidc-provider ships no type declarations; the harness uses a handful of its calls
declare module 'oidc-provider';
