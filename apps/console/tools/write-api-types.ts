// Reads the engine's OpenAPI document on stdin (npm run console:api pipes it) and writes the console's API types.
import { writeFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { API_TYPES_FILE, renderApiTypes } from './api-types.js';

const input = await text(process.stdin);
if (!input.trim()) throw new Error('No OpenAPI document on stdin: the engine did not print one');
await writeFile(API_TYPES_FILE, await renderApiTypes(JSON.parse(input)));
console.log(`wrote ${API_TYPES_FILE}`);
