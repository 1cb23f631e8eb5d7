/** Why a single sign-on is refused, with the HTTP status and the stable code the edge answers with. */
export class OidcSignInError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 502,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OidcSignInError';
  }
}

/** The one answer for every subject that does not lead to a registered, enabled user: it reveals nothing more. */
export const unknownUser = (): OidcSignInError =>
  new OidcSignInError(403, 'unknown-user', 'This account of the identity provider is not bound to a registered, enabled user');
