/** Longer passwords are refused before hashing, so that a request's hashing work stays bounded. */
export const MAX_PASSWORD_LENGTH = 256;
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Why a new password breaks the policy, or null: at least 10 characters, three of lower case / upper case / digits /
 * symbols, not containing the username (case-insensitively). Equality with recent passwords needs their hashes: the
 * caller checks that.
 */
export const passwordWeakness = (password: string, username: string): string | null => {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `has fewer than ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `has more than ${MAX_PASSWORD_LENGTH} characters`;
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) return 'has fewer than three of lower case, upper case, digits and symbols';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'contains the username';
  return null;
};
