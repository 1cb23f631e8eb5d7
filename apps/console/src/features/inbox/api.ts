import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import { ApiProblem } from '../../api/problems';

export const inboxKeys = {
  all: ['inbox'] as const,
  list: ['inbox', 'list'] as const,
  unread: ['inbox', 'unread-count'] as const,
};

export const useInbox = () =>
  useQuery({ queryKey: inboxKeys.list, queryFn: () => data(api.GET('/api/v1/inbox', { params: { query: { limit: 100 } } })) });

/** The unread count from `GET /inbox/unread-count`; an engine without it: counted on the inbox's first page. */
export const useUnreadCount = () =>
  useQuery({
    queryKey: inboxKeys.unread,
    queryFn: async () => {
      try {
        return (await data(api.GET('/api/v1/inbox/unread-count'))).count;
      } catch (error) {
        if (!(error instanceof ApiProblem) || error.status !== 404) throw error;
        const inbox = await data(api.GET('/api/v1/inbox', { params: { query: { limit: 1000 } } }));
        return inbox.items.filter((item) => item.readAt === null).length;
      }
    },
    refetchInterval: 60_000,
  });

export const useMarkRead = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => data(api.POST('/api/v1/inbox/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: inboxKeys.all }),
  });
};
