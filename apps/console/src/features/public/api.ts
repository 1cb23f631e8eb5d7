import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import { nextCursor } from '../../lib/pages';

export const publicKeys = {
  notices: ['public', 'notices'] as const,
  kindergartens: ['public', 'kindergartens'] as const,
};

const PAGE = 50;

export const usePublicNotices = () => useQuery({ queryKey: publicKeys.notices, queryFn: () => data(api.GET('/api/v1/public/notices')) });

/** The register, page by page as the API serves it. */
export const usePublicKindergartens = () =>
  useInfiniteQuery({
    queryKey: publicKeys.kindergartens,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/public/kindergartens', { params: { query: { limit: PAGE, after: pageParam } } })),
    getNextPageParam: (page) => nextCursor(page.next),
  });
