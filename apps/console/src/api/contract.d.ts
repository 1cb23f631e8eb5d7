// The v1.1 routes api.md promises that the engine's OpenAPI document does not describe yet (accounts and sign-in,
// branch issue10-accounts). The generated types win for every path they describe: once the engine documents these,
// this file has nothing left to add and goes.
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type NoContent = { headers: { [name: string]: unknown }; content?: never };
type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };
type Post<Body, Responses> = { parameters: NoParameters; requestBody: { content: { 'application/json': Body } }; responses: Responses };
type Call<Responses> = { parameters: NoParameters; requestBody?: never; responses: Responses };
type PathItem<Methods> = { parameters: NoParameters } & Methods;

export type Role = 'admin' | 'supervisor' | 'kindergarten' | 'department' | 'auditor';

export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  kindergartenId?: string;
  unitId?: string;
  townships?: string[];
}

export interface Session {
  user: SessionUser;
  csrfToken?: string;
  passwordChangeRequired: boolean;
}

export interface ContractPaths {
  '/api/v1/auth/sign-in': PathItem<{ post: Post<{ username: string; password: string }, { 200: Json<Session & { csrfToken: string }> }> }>;
  '/api/v1/auth/me': PathItem<{ get: Call<{ 200: Json<Session> }> }>;
  '/api/v1/auth/password': PathItem<{ post: Post<{ currentPassword: string; newPassword: string }, { 204: NoContent }> }>;
  '/api/v1/auth/sign-out': PathItem<{ post: Call<{ 204: NoContent }> }>;
  '/api/v1/townships': PathItem<{ get: Call<{ 200: Json<{ items: Array<{ id: string; name: string }> }> }> }>;
  '/api/v1/inbox/unread-count': PathItem<{ get: Call<{ 200: Json<{ count: number }> }> }>;
}
