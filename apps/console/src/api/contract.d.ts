// The v1.1 routes api.md promises that the engine's OpenAPI document does not describe yet. The generated types win
// for every path they describe: once the engine documents these, this file has nothing left to add and goes.
type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };

export interface ContractPaths {
  '/api/v1/inbox/unread-count': {
    parameters: NoParameters;
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: { 200: { headers: { [name: string]: unknown }; content: { 'application/json': { count: number } } } };
    };
  };
}
