import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import { nextCursor } from '../../lib/pages';

/** Query keys of the supervisor's pages: kindergartens, inspections, cases. */
export const supervisionKeys = {
  townships: ['townships'] as const,
  kindergartens: (township?: string) => ['kindergartens', 'list', township ?? ''] as const,
  kindergarten: (id: string) => ['kindergartens', 'one', id] as const,
  inspections: (kindergartenId: string) => ['inspections', 'list', kindergartenId] as const,
  inspection: (id: string) => ['inspections', 'one', id] as const,
  cases: (kindergartenId: string) => ['rectifications', 'list', kindergartenId] as const,
  case: (id: string) => ['rectifications', 'one', id] as const,
  deadline: (from: string, workingDays: number) => ['calendar', 'deadline', from, workingDays] as const,
};

const PAGE = 50;

export const useTownships = () =>
  useQuery({ queryKey: supervisionKeys.townships, queryFn: () => data(api.GET('/api/v1/townships')), staleTime: Infinity });

export const useKindergartens = (township?: string) =>
  useInfiniteQuery({
    queryKey: supervisionKeys.kindergartens(township),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/kindergartens', { params: { query: { limit: PAGE, after: pageParam, township } } })),
    getNextPageParam: (page) => nextCursor(page.next),
  });

export const useKindergarten = (id: string) =>
  useQuery({ queryKey: supervisionKeys.kindergarten(id), queryFn: () => data(api.GET('/api/v1/kindergartens/{id}', { params: { path: { id } } })) });

export const useInspections = (kindergartenId: string) =>
  useQuery({
    queryKey: supervisionKeys.inspections(kindergartenId),
    queryFn: () => data(api.GET('/api/v1/inspections', { params: { query: { kindergartenId, limit: 100 } } })),
  });

export const useInspection = (id: string) =>
  useQuery({ queryKey: supervisionKeys.inspection(id), queryFn: () => data(api.GET('/api/v1/inspections/{id}', { params: { path: { id } } })) });

export const useCases = (kindergartenId: string) =>
  useQuery({
    queryKey: supervisionKeys.cases(kindergartenId),
    queryFn: () => data(api.GET('/api/v1/rectifications', { params: { query: { kindergartenId, limit: 100 } } })),
  });

export const useCase = (id: string) =>
  useQuery({ queryKey: supervisionKeys.case(id), queryFn: () => data(api.GET('/api/v1/rectifications/{id}', { params: { path: { id } } })) });

/** The deadline a notice issued on `from` would get: the working-day calendar's answer, before issuing. */
export const useDeadlinePreview = (from: string, workingDays: number | null) =>
  useQuery({
    queryKey: supervisionKeys.deadline(from, workingDays ?? 0),
    queryFn: () => data(api.GET('/api/v1/calendar/deadline', { params: { query: { from, workingDays: workingDays! } } })),
    enabled: workingDays !== null && workingDays >= 1 && workingDays <= 90,
    retry: false,
  });

export interface ScheduleForm {
  kindergartenId: string;
  kind: 'annual' | 'safety' | 'quality' | 'follow-up';
  year: number;
  scheduledOn: string;
}

export const useScheduleInspection = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleForm) => data(api.POST('/api/v1/inspections', { body })),
    onSuccess: (inspection) => queries.invalidateQueries({ queryKey: supervisionKeys.inspections(inspection.kindergartenId) }),
  });
};

export const useRecordFinding = (inspectionId: string) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; description: string; severity: 'minor' | 'major' | 'critical' }) =>
      data(api.POST('/api/v1/inspections/{id}/findings', { params: { path: { id: inspectionId } }, body })),
    onSuccess: (inspection) => queries.setQueryData(supervisionKeys.inspection(inspectionId), inspection),
  });
};

export const useConclude = (inspectionId: string) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { outcome: 'passed' | 'failed'; summary: string }) =>
      data(api.POST('/api/v1/inspections/{id}/conclusion', { params: { path: { id: inspectionId } }, body })),
    onSuccess: async (inspection) => {
      queries.setQueryData(supervisionKeys.inspection(inspectionId), inspection);
      await queries.invalidateQueries({ queryKey: supervisionKeys.inspections(inspection.kindergartenId) });
    },
  });
};

export const useIssueNotice = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      kindergartenId: string;
      inspectionId: string;
      findingCodes: string[];
      deadline: { workingDays: number };
      publish: boolean;
    }) => data(api.POST('/api/v1/rectifications', { body })),
    onSuccess: async (notice) => {
      await queries.invalidateQueries({ queryKey: supervisionKeys.cases(notice.kindergartenId) });
      await queries.invalidateQueries({ queryKey: supervisionKeys.kindergarten(notice.kindergartenId) });
    },
  });
};

export const useReview = (caseId: string) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: 'accept' | 'return'; comment: string }) =>
      data(api.POST('/api/v1/rectifications/{id}/review', { params: { path: { id: caseId } }, body })),
    onSuccess: (notice) => queries.setQueryData(supervisionKeys.case(caseId), notice),
  });
};
