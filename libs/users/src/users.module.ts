import { Module } from '@nestjs/common';
import { CommandsModule } from '@app/commands';
import { KindergartensModule } from '@app/kindergartens';
import { AccountStore } from './application/account-store.js';
import { Accounts } from './application/accounts.js';
import { PasswordHasher } from './application/password-hasher.js';

@Module({
  imports: [CommandsModule, KindergartensModule],
  providers: [AccountStore, PasswordHasher, Accounts],
  exports: [Accounts, AccountStore],
})
export class UsersModule {}
