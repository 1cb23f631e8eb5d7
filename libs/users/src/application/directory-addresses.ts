import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner } from '@app/commands';
import { canSeeKindergartenIn } from '@app/identity';
import { Townships } from '@app/kindergartens';
import { kindergartenDecider, kindergartenStreamId } from '@app/kindergartens/domain';
import { RecipientAddresses } from '@app/notifications';
import type { Recipient } from '@app/notifications/domain';
import { AccountStore, type DirectoryEntry } from './account-store.js';
import { callerOf } from './accounts.js';

const PAGE = 1_000;

/** E-mail goes to each recipient user's own `email` in the directory: enabled users only, read when the mail is sent. */
@Injectable()
export class DirectoryAddresses extends RecipientAddresses {
  constructor(
    @Inject(AccountStore) private readonly store: AccountStore,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(Townships) private readonly townships: Townships,
  ) {
    super();
  }

  async emailsOf(recipient: Recipient, refs: Readonly<Record<string, string>>): Promise<readonly string[]> {
    const users = (await this.usersOf(recipient, refs)).filter((user) => user.enabled);
    const contacts = await this.store.contacts(users.map((user) => user.id));
    return [...new Set(users.flatMap((user) => contacts.get(user.id)?.email ?? []))].sort();
  }

  private async usersOf(recipient: Recipient, refs: Readonly<Record<string, string>>): Promise<DirectoryEntry[]> {
    if (recipient.startsWith('kindergarten:')) return this.every({ role: 'kindergarten', kindergartenId: recipient.slice('kindergarten:'.length) });
    if (recipient.startsWith('unit:')) return this.every({ role: 'department', unitId: recipient.slice('unit:'.length) });
    const supervisors = await this.every({ role: 'supervisor' });
    const kindergartenId = refs['kindergartenId'];
    if (!kindergartenId) return supervisors;
    // a kindergarten's supervisors: those whose townships include its township, and those without (as /inbox shows it)
    const { state } = await this.runner.load(kindergartenDecider, kindergartenStreamId(kindergartenId));
    const townshipId = state.status === 'registered' ? (this.townships.idOf(state.township) ?? state.township) : null;
    return supervisors.filter((user) => canSeeKindergartenIn(callerOf(user), kindergartenId, townshipId));
  }

  private async every(filter: { role: string; kindergartenId?: string; unitId?: string }): Promise<DirectoryEntry[]> {
    const all: DirectoryEntry[] = [];
    for (let after: string | undefined; ;) {
      const page = await this.store.users({ ...filter, after, limit: PAGE });
      all.push(...page);
      if (page.length < PAGE) return all;
      after = page.at(-1)!.id;
    }
  }
}
