import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Starts a signed-in session (port; also its DI token): the sessions of `POST /auth/sign-in` plug in here. */
export abstract class SessionStarter {
  /** A new session for the user, never asking for a password change, its cookie set on the reply. */
  abstract start(userId: string, request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

export const SESSION_COOKIE = 'session';

/** Stand-in until the accounts' server-side sessions land: sessions in this process's memory, an opaque id in the cookie. */
@Injectable()
export class InMemorySessions extends SessionStarter {
  private readonly users = new Map<string, string>();

  async start(userId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const id = randomBytes(32).toString('base64url');
    this.users.set(id, userId);
    reply.setCookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https' });
  }

  userOf(sessionId: string): string | undefined {
    return this.users.get(sessionId);
  }
}
