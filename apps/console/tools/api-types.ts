import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** The committed file the console's typed client reads. */
export const API_TYPES_FILE = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

const HEADER = `// Generated from the engine's OpenAPI document by \`npm run console:api\`: do not edit.\n\n`;

/** The TypeScript types of the engine's OpenAPI document, as openapi-typescript renders them. */
export const renderApiTypes = async (document: unknown): Promise<string> =>
  HEADER + astToString(await openapiTS(document as OpenAPI3, { alphabetize: true }));
