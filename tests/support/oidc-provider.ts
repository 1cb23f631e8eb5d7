import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What an account of the test provider says of itself besides `sub` (its account id). */
export type AccountClaims = Record<string, string>;

export interface TestOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The provider's accounts by `sub`; a test adds and changes them. */
  readonly accounts: Map<string, AccountClaims>;
  /** The account the provider's login signs in next (as if its owner typed its password). */
  signInAs(sub: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on a random local port, with one confidential client for `redirectUri`.
 * Its login interaction signs in the account chosen by `signInAs` at once; consent is given for the scopes asked
 * (a first-party client), so a browser goes straight from the authorization endpoint back to the client.
 */
export const startOidcProvider = async (redirectUri: string): Promise<TestOidcProvider> => {
  let handler: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end();
  const server: Server = createServer((request, response) => handler(request, response));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const accounts = new Map<string, AccountClaims>();
  let nextSub: string | undefined;
  const clientId = `engine-${randomUUID().slice(0, 8)}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], employee: ['employee_no'] },
    scopes: ['openid', 'profile', 'employee'],
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    findAccount: async (_context: unknown, sub: string) =>
      accounts.has(sub) ? { accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) } : undefined,
    // a first-party client: the scopes it asks for are granted without a consent screen
    loadExistingGrant: async (context: any) => {
      const grant = new context.oidc.provider.Grant({ clientId: context.oidc.client.clientId, accountId: context.oidc.session.accountId });
      grant.addOIDCScope(String(context.oidc.params.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();

  handler = (request, response) => {
    if (!request.url?.startsWith('/interaction/')) return callback(request, response);
    void (async () => {
      await provider.interactionDetails(request, response);
      if (!nextSub) throw new Error('The test did not say which account signs in (signInAs)');
      await provider.interactionFinished(request, response, { login: { accountId: nextSub } }, { mergeWithLastSubmission: false });
    })().catch((error: Error) => {
      response.statusCode = 500;
      response.end(error.message);
    });
  };

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signInAs: (sub) => {
      nextSub = sub;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
};

export interface Visit {
  /** The last URL reached (not fetched when `stopAt` said so). */
  readonly url: URL;
  /** Its answer; undefined when `stopAt` stopped before it. */
  readonly response?: Response;
  readonly body?: string;
  /** Every URL the browser went through, the last included. */
  readonly trail: readonly URL[];
}

/**
 * A browser as far as sign-in needs one: follows redirects by hand, keeps cookies per host (the attributes of each
 * Set-Cookie line are kept for the test to read), and maps a host name onto a real origin the way DNS would.
 */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();
  /** Every Set-Cookie line received, by host. */
  readonly setCookieLines: Array<{ host: string; line: string }> = [];

  constructor(private readonly hosts: Readonly<Record<string, string>> = {}) {}

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  async visit(
    start: string | URL,
    options: { stopAt?: (url: URL) => boolean; tamper?: (url: URL) => URL | undefined; maxHops?: number } = {},
  ): Promise<Visit> {
    const trail: URL[] = [];
    let url = new URL(start);
    for (let hop = 0; hop < (options.maxHops ?? 20); hop++) {
      url = options.tamper?.(url) ?? url;
      trail.push(url);
      if (options.stopAt?.(url)) return { url, trail };
      const real = new URL(url.pathname + url.search, this.hosts[url.host] ?? url.origin);
      const cookies = [...(this.jar.get(url.host) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await fetch(real, { redirect: 'manual', headers: cookies ? { cookie: cookies } : {} });
      for (const line of response.headers.getSetCookie()) this.store(url.host, line);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        url = new URL(location, url);
        continue;
      }
      return { url, response, body: await response.text(), trail };
    }
    throw new Error(`More than ${options.maxHops ?? 20} redirects from ${String(start)}`);
  }

  private store(host: string, line: string): void {
    this.setCookieLines.push({ host, line });
    const [pair = ''] = line.split(';');
    const name = pair.slice(0, pair.indexOf('=')).trim();
    const value = pair.slice(pair.indexOf('=') + 1).trim();
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    this.jar.set(host, cookies);
    const expires = /;\s*expires=([^;]+)/i.exec(line)?.[1];
    const expired = /;\s*max-age=0(;|$)/i.test(line) || (expires !== undefined && new Date(expires).getTime() <= Date.now());
    if (expired || value === '') cookies.delete(name);
    else cookies.set(name, value);
  }
}
