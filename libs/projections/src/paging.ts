/** A page of a list: the items and, when there may be more, the cursor for the next page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** An opaque cursor: the sort key of the last item returned. */
export const encodeCursor = (key: readonly (string | number)[]): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

export const decodeCursor = (cursor: string | undefined): (string | number)[] | null => {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(key) && key.every((part) => typeof part === 'string' || typeof part === 'number') ? key : null;
  } catch {
    return null;
  }
};

/** Given `limit + 1` rows, the page of `limit` and the cursor after its last row if a further row exists. */
export const pageOf = <Row, T>(rows: readonly Row[], limit: number, view: (row: Row) => T, key: (row: Row) => (string | number)[]): Page<T> => {
  const items = rows.slice(0, limit);
  return rows.length > limit ? { items: items.map(view), nextCursor: encodeCursor(key(items.at(-1)!)) } : { items: items.map(view) };
};
