/** RFC 5987 `value-chars`: what may stand unescaped in `filename*`. */
const encodeExtValue = (text: string): string =>
  encodeURIComponent(text).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition` with a file name in any language (RFC 6266): an ASCII `filename` for old clients, the UTF-8
 * name in `filename*`, which every current browser uses.
 */
export const contentDisposition = (name: string, type: 'inline' | 'attachment' = 'attachment'): string => {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(name)}`;
};
