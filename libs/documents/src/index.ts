export * from './chinese-text.js';
export * from './documents.js';
export * from './documents.module.js';
export * from './official-document.js';
export * from './spreadsheets.js';
