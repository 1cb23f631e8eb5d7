import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { components } from '../../api/schema';
import { nextCursor } from '../../lib/pages';

export type User = components['schemas']['UserResponse'];
export type UserRole = components['schemas']['MeUser']['role'];
export type Kindergarten = components['schemas']['KindergartenResponse'];
export type Ownership = Kindergarten['ownership'];

/** Query keys of the admin's pages: the directory, the register, the plan's units, the calendar. */
export const adminKeys = {
  users: ['users', 'list'] as const,
  townships: ['townships'] as const,
  kindergartens: (q: string, township: string) => ['kindergartens', 'list', 'admin', q, township] as const,
  kindergartenChoices: (q: string) => ['kindergartens', 'choices', q] as const,
  kindergarten: (id: string) => ['kindergartens', 'one', id] as const,
  planTasks: ['plan-tasks', 'all'] as const,
  calendarYear: (year: number) => ['calendar', 'year', year] as const,
};

const PAGE = 50;

export const useUsers = () =>
  useInfiniteQuery({
    queryKey: adminKeys.users,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/users', { params: { query: { limit: PAGE, after: pageParam } } })),
    getNextPageParam: (page) => nextCursor(page.next),
  });

export interface UserForm {
  id: string;
  name: string;
  role: UserRole;
  kindergartenId?: string;
  unitId?: string;
  townships?: string[];
  email?: string;
  phone?: string;
}

/** Only the fields the role takes, and no empty optional ones (the API refuses an empty e-mail). */
const userBody = ({ id: _id, ...form }: UserForm) => ({
  name: form.name,
  role: form.role,
  ...(form.role === 'kindergarten' ? { kindergartenId: form.kindergartenId } : {}),
  ...(form.role === 'department' ? { unitId: form.unitId } : {}),
  ...(form.role === 'supervisor' && form.townships?.length ? { townships: form.townships } : {}),
  ...(form.email ? { email: form.email } : {}),
  ...(form.phone ? { phone: form.phone } : {}),
});

export const useRegisterUser = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (form: UserForm) => data(api.POST('/api/v1/users', { body: { id: form.id, ...userBody(form) } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: adminKeys.users }),
  });
};

export const useUpdateUser = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (form: UserForm) => data(api.PUT('/api/v1/users/{id}', { params: { path: { id: form.id } }, body: userBody(form) })),
    onSuccess: () => queries.invalidateQueries({ queryKey: adminKeys.users }),
  });
};

export const useSetUserEnabled = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      data(
        enabled
          ? api.POST('/api/v1/users/{id}/enable', { params: { path: { id } } })
          : api.POST('/api/v1/users/{id}/disable', { params: { path: { id } } }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: adminKeys.users }),
  });
};

export const useResetPassword = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => data(api.POST('/api/v1/users/{id}/password-reset', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: adminKeys.users }),
  });
};

export const useTownships = () => useQuery({ queryKey: adminKeys.townships, queryFn: () => data(api.GET('/api/v1/townships')), staleTime: Infinity });

export const useKindergartens = (q: string, township: string) =>
  useInfiniteQuery({
    queryKey: adminKeys.kindergartens(q, township),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      data(
        api.GET('/api/v1/kindergartens', {
          params: { query: { limit: PAGE, after: pageParam, ...(q ? { q } : {}), ...(township ? { township } : {}) } },
        }),
      ),
    getNextPageParam: (page) => nextCursor(page.next),
  });

/** A few kindergartens whose name contains `q`: the choices of a searchable select. */
export const useKindergartenChoices = (q: string) =>
  useQuery({
    queryKey: adminKeys.kindergartenChoices(q),
    queryFn: () => data(api.GET('/api/v1/kindergartens', { params: { query: { limit: 20, ...(q ? { q } : {}) } } })),
    placeholderData: keepPreviousData,
  });

export const useKindergarten = (id: string | undefined) =>
  useQuery({
    queryKey: adminKeys.kindergarten(id ?? ''),
    queryFn: () => data(api.GET('/api/v1/kindergartens/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });

export interface KindergartenForm {
  id: string;
  name: string;
  township: string;
  ownership: Ownership;
}

export const useRegisterKindergarten = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: KindergartenForm) => data(api.POST('/api/v1/kindergartens', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['kindergartens'] }),
  });
};

export const useUpdateKindergarten = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: KindergartenForm) => data(api.PUT('/api/v1/kindergartens/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['kindergartens'] }),
  });
};

export const useCloseKindergarten = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; closedOn: string; reason: string }) =>
      data(api.POST('/api/v1/kindergartens/{id}/closure', { params: { path: { id } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['kindergartens'] }),
  });
};

export interface Unit {
  id: string;
  name: string;
  leads: number[];
  shares: number[];
}

/** The plan's units (牵头单位 and 责任单位), gathered from its tasks: the API has no unit list of its own. */
export const usePlanUnits = () =>
  useQuery({
    queryKey: adminKeys.planTasks,
    queryFn: () => data(api.GET('/api/v1/plan-tasks', { params: { query: { limit: 1000 } } })),
    staleTime: Infinity,
    select: (tasks): Unit[] => {
      const units = new Map<string, Unit>();
      const unit = (ref: { id: string; name: string }) => {
        if (!units.has(ref.id)) units.set(ref.id, { id: ref.id, name: ref.name, leads: [], shares: [] });
        return units.get(ref.id)!;
      };
      for (const task of tasks.items) {
        for (const ref of task.leadUnits) unit(ref).leads.push(task.taskNo);
        for (const ref of task.responsibleUnits) if (!task.leadUnits.some((lead) => lead.id === ref.id)) unit(ref).shares.push(task.taskNo);
      }
      return [...units.values()];
    },
  });

export const useCalendarYear = (year: number) =>
  useQuery({
    queryKey: adminKeys.calendarYear(year),
    queryFn: async () => {
      const answer = await api.GET('/api/v1/calendar/{year}', { params: { path: { year } } });
      // a year without official data is an answer here, not an error
      if (answer.response.status === 404) return null;
      return data(Promise.resolve(answer));
    },
    retry: false,
  });

export interface CalendarYearForm {
  year: number;
  holidays: string[];
  makeUpWorkdays: string[];
  source: string;
  replace?: boolean;
}

export const usePublishCalendarYear = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ year, ...body }: CalendarYearForm) => data(api.PUT('/api/v1/calendar/{year}', { params: { path: { year: String(year) } }, body })),
    onSuccess: (published) => {
      queries.setQueryData(adminKeys.calendarYear(published.year), published);
      return queries.invalidateQueries({ queryKey: ['calendar', 'deadline'] });
    },
  });
};
