import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { DEFAULT_LIMIT, MAX_LIMIT, type Page } from '@app/projections';

/** `limit` and `after` on every list. */
export class ListQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'The cursor from the previous page’s `next` link' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+$/)
  after?: string;
}

export interface ListBody<T> {
  readonly items: readonly T[];
  /** The next page's URL, when there may be more. */
  readonly next?: string;
}

/** `{items, next?}`; `next` repeats the request's query with the cursor of the page's last item. */
export const listBody = <T>(request: FastifyRequest, page: Page<T>): ListBody<T> => {
  if (!page.nextCursor) return { items: page.items };
  const url = new URL(request.url, 'http://local');
  url.searchParams.set('after', page.nextCursor);
  return { items: page.items, next: `${url.pathname}${url.search}` };
};
