import { Module } from '@nestjs/common';
import { OidcSignIn } from './oidc-sign-in.js';
import { OidcTables } from './oidc-tables.js';
import { InMemorySignInDirectory, SignInDirectory } from './sign-in-directory.js';

/** Single sign-on with OpenID Connect, for the API process. */
@Module({
  providers: [OidcTables, OidcSignIn, InMemorySignInDirectory, { provide: SignInDirectory, useExisting: InMemorySignInDirectory }],
  exports: [OidcSignIn, InMemorySignInDirectory],
})
export class OidcModule {}
