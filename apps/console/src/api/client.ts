import createClient, { type Middleware } from 'openapi-fetch';
import { ApiProblem } from './problems';
import type { ContractPaths } from './contract';
import type { paths } from './schema';

export type Paths = paths & Omit<ContractPaths, keyof paths>;

let csrfToken: string | undefined;
let onSessionEnded: (() => void) | undefined;

/** The session's CSRF token (from sign-in or /auth/me): every write the cookie authenticates carries it. */
export const setCsrfToken = (token: string | undefined): void => {
  csrfToken = token;
};

/** Called when the engine answers 401 to a signed-in request: the session ended or expired. */
export const whenSessionEnds = (handler: () => void): void => {
  onSessionEnded = handler;
};

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const session: Middleware = {
  onRequest({ request }) {
    if (csrfToken && WRITES.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  async onResponse({ request, response }) {
    const path = new URL(request.url).pathname;
    if (response.status === 401 && !path.startsWith('/api/v1/auth/')) onSessionEnded?.();
    return response;
  },
};

/** The console's one client of the engine: typed by the engine's own OpenAPI document. */
export const api = createClient<Paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(session);

/** The answer's data, or the problem it carried thrown as an ApiProblem. */
export const data = async <T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> => {
  const { data: body, error, response } = await pending;
  if (response.ok) return body as T;
  const problem = (error ?? {}) as { code?: string; detail?: string; errors?: Array<{ field: string; message: string }> };
  throw new ApiProblem(response.status, problem.code ?? `http-${response.status}`, problem.detail ?? response.statusText, problem.errors);
};
