import { Injectable } from '@nestjs/common';

/** What single sign-on needs of a user in the directory. */
export interface SignInUser {
  readonly id: string;
}

/** The user directory as single sign-on sees it (port; also its DI token). */
export abstract class SignInDirectory {
  /** The registered user with this id, if it is enabled and may sign in; null otherwise. */
  abstract findEnabledUser(id: string): Promise<SignInUser | null>;
}

/**
 * Stand-in until the user directory (`libs/users`) lands: users registered in this process's memory. Nothing but the
 * tests registers any, so without the directory single sign-on finds no one (403 unknown-user).
 */
@Injectable()
export class InMemorySignInDirectory extends SignInDirectory {
  private readonly users = new Map<string, { enabled: boolean }>();

  register(id: string, options: { enabled?: boolean } = {}): void {
    this.users.set(id, { enabled: options.enabled ?? true });
  }

  setEnabled(id: string, enabled: boolean): void {
    this.users.set(id, { enabled });
  }

  async findEnabledUser(id: string): Promise<SignInUser | null> {
    return this.users.get(id)?.enabled ? { id } : null;
  }
}
