/** The cursor of a list's `next` link (`…?after=…`), for the following page. */
export const nextCursor = (next: string | undefined): string | undefined =>
  next ? (new URL(next, window.location.origin).searchParams.get('after') ?? undefined) : undefined;
