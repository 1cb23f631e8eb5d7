import { Module } from '@nestjs/common';
import { CommandsModule } from '@app/commands';
import { KindergartensModule } from '@app/kindergartens';
import { RecipientAddresses } from '@app/notifications';
import { AccountStore } from './application/account-store.js';
import { Accounts } from './application/accounts.js';
import { DirectoryAddresses } from './application/directory-addresses.js';
import { PasswordHasher } from './application/password-hasher.js';

@Module({
  imports: [CommandsModule, KindergartensModule],
  providers: [AccountStore, PasswordHasher, Accounts, { provide: RecipientAddresses, useClass: DirectoryAddresses }],
  exports: [Accounts, AccountStore, RecipientAddresses],
})
export class UsersModule {}
