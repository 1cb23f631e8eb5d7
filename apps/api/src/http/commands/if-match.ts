import { validationFailed } from '../validation/validation.js';

const IF_MATCH = /^"(\d{1,9})"$/;

/** `If-Match: "<version>"` → that version; `*` or no header → none; anything else is refused. */
export const parseIfMatch = (header: string | undefined): number | undefined => {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = IF_MATCH.exec(header.trim());
  if (!match)
    throw validationFailed(
      [{ field: 'If-Match', message: 'If-Match must be a strong ETag such as "3"', zh: 'If-Match 必须是强 ETag，例如 "3"' }],
      'The If-Match header is not valid',
    );
  return Number(match[1]);
};
