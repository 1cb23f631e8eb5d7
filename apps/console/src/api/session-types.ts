import type { components } from './schema';

/** Who is signed in, as `GET /auth/me` answers. */
export type Session = components['schemas']['MeResponse'];
export type Role = components['schemas']['MeUser']['role'];
