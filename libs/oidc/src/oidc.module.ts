import { Module } from '@nestjs/common';
import { UsersModule } from '@app/users';
import { OidcSignIn } from './oidc-sign-in.js';
import { OidcTables } from './oidc-tables.js';

/** Single sign-on with OpenID Connect, for the API process: provider accounts bound to the users' directory. */
@Module({
  imports: [UsersModule],
  providers: [OidcTables, OidcSignIn],
  exports: [OidcSignIn],
})
export class OidcModule {}
