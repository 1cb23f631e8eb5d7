import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import * as oidc from 'openid-client';
import { Clock, Settings, oidcEnabled } from '@app/config';
import { OidcSignInError, unknownUser } from './oidc-sign-in-error.js';
import { OidcTables } from './oidc-tables.js';
import { Accounts, type RegisteredUser } from '@app/users';

/** How long a browser has between leaving for the provider and coming back. */
const PENDING_FOR_MS = 10 * 60_000;

/** Where the browser may be sent after signing in: a path of this site, never another origin (`//host`, `/\host`). */
export const LOCAL_PATH = /^\/(?![/\\])[\x21-\x7e]{0,1023}$/;

/**
 * Single sign-on with an OpenID provider (openid-client): the authorization code flow with PKCE (S256), `state` and
 * `nonce`, the ID token checked by the library (signature, issuer, audience, expiry, nonce). The provider's account
 * (`iss` + `sub`) leads to a user through its binding; at its first sign-in, through the username claim.
 */
@Injectable()
export class OidcSignIn implements OnModuleInit {
  private readonly logger = new Logger(OidcSignIn.name);
  private configuration?: Promise<oidc.Configuration>;

  constructor(
    @Inject(Settings) private readonly settings: Settings,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(OidcTables) private readonly tables: OidcTables,
    @Inject(Accounts) private readonly directory: Accounts,
  ) {}

  get enabled(): boolean {
    return oidcEnabled(this.settings);
  }

  async onModuleInit(): Promise<void> {
    if (this.enabled) await this.tables.migrate();
  }

  /** Begins a sign-in: the provider's authorization URL, and the id of the pending sign-in for the browser's cookie. */
  async start(returnTo: string): Promise<{ authorizationUrl: URL; pendingId: string; expiresAt: Date }> {
    const configuration = await this.discover();
    const pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), returnTo };
    const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.OIDC_REDIRECT_URI!,
      scope: this.settings.OIDC_SCOPE,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    const pendingId = oidc.randomState();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + PENDING_FOR_MS);
    await this.tables.savePending(pendingId, pending, now, expiresAt);
    return { authorizationUrl, pendingId, expiresAt };
  }

  /**
   * Finishes the sign-in the browser began (its pending id, from the cookie) with the provider's answer (the callback's
   * query string): the user it signs in, and where to send the browser.
   * @throws OidcSignInError
   */
  async finish(pendingId: string | undefined, query: string): Promise<{ user: RegisteredUser; returnTo: string }> {
    const pending = pendingId ? await this.tables.takePending(pendingId, this.clock.now()) : null;
    const parameters = new URLSearchParams(query);
    if (!pending || parameters.get('state') !== pending.state) {
      throw new OidcSignInError(
        400,
        'oidc-state-mismatch',
        'No sign-in of this browser awaits this answer: start again (it may have expired or been used)',
      );
    }
    const configuration = await this.discover();
    const callbackUrl = new URL(this.settings.OIDC_REDIRECT_URI!);
    callbackUrl.search = parameters.toString();
    let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw refusal(error);
    }
    const claims = tokens.claims()!;
    return { user: await this.userFor(configuration, claims, tokens.access_token), returnTo: pending.returnTo };
  }

  private async userFor(configuration: oidc.Configuration, claims: oidc.IDToken, accessToken: string): Promise<RegisteredUser> {
    const { iss: issuer, sub: subject } = claims;
    const bound = await this.tables.boundUser(issuer, subject);
    if (bound !== null) {
      const user = await this.signable(bound);
      if (user) return user;
      this.logger.warn(`Single sign-on refused: ${issuer} account ${subject} is bound to ${bound}, which is not an enabled user`);
      throw unknownUser();
    }
    const claim = this.settings.OIDC_USERNAME_CLAIM;
    // providers put profile claims in the ID token or only in userinfo (OpenID Connect Core §5.4)
    const username = claims[claim] ?? (await this.userInfo(configuration, accessToken, subject))[claim];
    const user = typeof username === 'string' ? await this.signable(username) : null;
    if (user && (await this.tables.bind(issuer, subject, user.id, this.clock.now()))) {
      this.logger.log(`Single sign-on: ${issuer} account ${subject} bound to user ${user.id}`);
      return user;
    }
    this.logger.warn(
      `Single sign-on refused: ${issuer} account ${subject} (${claim} ${JSON.stringify(username ?? null)}) matches no unbound, enabled user`,
    );
    throw unknownUser();
  }

  /** A registered, enabled person: a service account acts through tokens only, and cannot sign in. */
  private async signable(userId: string): Promise<RegisteredUser | null> {
    const user = await this.directory.findEnabledUser(userId);
    return user && !user.serviceAccount ? user : null;
  }

  private async userInfo(configuration: oidc.Configuration, accessToken: string, subject: string): Promise<oidc.UserInfoResponse> {
    try {
      return await oidc.fetchUserInfo(configuration, accessToken, subject);
    } catch (error) {
      throw refusal(error);
    }
  }

  /** The provider's metadata, fetched once; a failed discovery is tried again at the next sign-in. */
  private discover(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(this.settings.OIDC_ISSUER_URL!),
        this.settings.OIDC_CLIENT_ID!,
        undefined,
        oidc.ClientSecretBasic(this.settings.OIDC_CLIENT_SECRET!),
        // settings refuse a plain-HTTP issuer in production
        new URL(this.settings.OIDC_ISSUER_URL!).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        this.logger.error(`Single sign-on: discovery at ${this.settings.OIDC_ISSUER_URL} failed: ${(error as Error).message}`);
        throw new OidcSignInError(502, 'oidc-provider-unavailable', 'The identity provider cannot be reached; try again later');
      });
    return this.configuration;
  }
}

/** The library's refusal as the answer the browser gets; what the provider said is kept, never a token. */
const refusal = (error: unknown): OidcSignInError => {
  if (error instanceof OidcSignInError) return error;
  if (error instanceof oidc.AuthorizationResponseError) {
    return new OidcSignInError(401, 'oidc-sign-in-refused', `The identity provider did not sign the user in (${error.error})`);
  }
  if (error instanceof oidc.ResponseBodyError) {
    return new OidcSignInError(401, 'oidc-code-rejected', `The identity provider refused the authorization code (${error.error}): start again`);
  }
  if (error instanceof oidc.ClientError && !UNREACHABLE.has(error.code ?? '')) {
    return new OidcSignInError(401, 'oidc-id-token-rejected', `The identity provider's answer fails its checks: ${describe(error)}`);
  }
  return new OidcSignInError(502, 'oidc-provider-unavailable', 'The identity provider cannot be reached or answers out of protocol; try again later');
};

const UNREACHABLE = new Set([
  'OAUTH_RESPONSE_IS_NOT_CONFORM',
  'OAUTH_RESPONSE_IS_NOT_JSON',
  'OAUTH_HTTP_REQUEST_FORBIDDEN',
  'OAUTH_REQUEST_PROTOCOL_FORBIDDEN',
]);

// the library's own message names the check ("unexpected JWT claim value encountered"); its cause names the claim
const describe = (error: Error): string => {
  const cause = error.cause as { message?: string } | undefined;
  return cause?.message ? `${error.message} (${cause.message})` : error.message;
};
