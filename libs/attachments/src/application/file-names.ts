const MAX_NAME_LENGTH = 200;

/**
 * The name kept for an uploaded file: its last path segment, without control or bidi-override characters, NFC,
 * at most 200 characters with its extension kept. Never used as a path: blobs are addressed by hash.
 */
export const sanitiseFileName = (given: string | undefined, extension: string): string => {
  const base = (given ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/^[.\s]+|\s+$/g, '')
    .trim();
  if (clean === '') return `attachment.${extension}`;
  const characters = [...clean];
  if (characters.length <= MAX_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const suffix = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return characters.slice(0, MAX_NAME_LENGTH - [...suffix].length).join('') + suffix;
};
