import type { Recipient } from '../domain/notification.js';

/**
 * Where e-mail to a recipient goes: each recipient user's own address in the directory (api.md, Notifications v1.1).
 * The port is the DI token; the user directory provides it.
 */
export abstract class RecipientAddresses {
  /**
   * The e-mail addresses of the enabled users a recipient names: a kindergarten's users, a unit's, or the supervisors
   * of the kindergarten in `refs.kindergartenId` (those whose townships include its township, and those without).
   */
  abstract emailsOf(recipient: Recipient, refs: Readonly<Record<string, string>>): Promise<readonly string[]>;
}

/** No directory (a process that sends no e-mail): nobody has an address. */
export class NoRecipientAddresses extends RecipientAddresses {
  emailsOf(): Promise<readonly string[]> {
    return Promise.resolve([]);
  }
}
