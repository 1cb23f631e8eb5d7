import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import { ApiProblem } from '../../api/problems';
import type { components } from '../../api/schema';
import { nextCursor } from '../../lib/pages';

/** Query keys of the supervisor's pages: kindergartens, inspections, cases. */
export const supervisionKeys = {
  townships: ['townships'] as const,
  kindergartens: (filter: KindergartenFilter) => ['kindergartens', 'list', filter] as const,
  kindergarten: (id: string) => ['kindergartens', 'one', id] as const,
  inspections: (kindergartenId: string) => ['inspections', 'list', kindergartenId] as const,
  inspection: (id: string) => ['inspections', 'one', id] as const,
  cases: (kindergartenId: string) => ['rectifications', 'list', kindergartenId] as const,
  case: (id: string) => ['rectifications', 'one', id] as const,
  deadline: (from: string, workingDays: number) => ['calendar', 'deadline', from, workingDays] as const,
  overview: (year: number) => ['statistics', 'overview', year] as const,
  casesDue: (from: string, to: string) => ['rectifications', 'due', from, to] as const,
  calendarYear: (year: number) => ['calendar', 'year', year] as const,
};

const PAGE = 50;

export const useTownships = () =>
  useQuery({ queryKey: supervisionKeys.townships, queryFn: () => data(api.GET('/api/v1/townships')), staleTime: Infinity });

export interface KindergartenFilter {
  township?: string;
  q?: string;
  enrolmentStatus?: 'open' | 'suspended';
}

export const useKindergartens = (filter: KindergartenFilter = {}) =>
  useInfiniteQuery({
    queryKey: supervisionKeys.kindergartens(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/kindergartens', { params: { query: { limit: PAGE, after: pageParam, ...filter } } })),
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

export type Case = components['schemas']['RectificationResponse'];
export type Kindergarten = components['schemas']['KindergartenResponse'];
/** A deadline as the API takes it: N working days after today, or an instant. */
export type DeadlineBody = { workingDays: number } | { dueAt: string };

/** The official calendar of a year (holidays, make-up working days), or null where the engine has none. */
export const useCalendarYear = (year: number, enabled: boolean) =>
  useQuery({
    queryKey: supervisionKeys.calendarYear(year),
    queryFn: async () => {
      try {
        return await data(api.GET('/api/v1/calendar/{year}', { params: { path: { year } } }));
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
    staleTime: Infinity,
  });

// no If-Match: the engine's own deliveries (ReminderSent) move a case's and an enrolment's version under the page; the
// engine decides each command on the latest state and refuses what that state does not allow
/** A case command: the answer is the case; a refusal reloads it, so the page shows what now holds. */
const useCaseCommand = <Body>(notice: Case, send: (body: Body) => Promise<Case>) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (next) => {
      queries.setQueryData(supervisionKeys.case(notice.id), next);
      await queries.invalidateQueries({ queryKey: supervisionKeys.cases(next.kindergartenId) });
      await queries.invalidateQueries({ queryKey: supervisionKeys.kindergarten(next.kindergartenId) });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) void queries.invalidateQueries({ queryKey: supervisionKeys.case(notice.id) });
    },
  });
};

export const useOverview = (year: number) =>
  useQuery({
    queryKey: supervisionKeys.overview(year),
    queryFn: () => data(api.GET('/api/v1/statistics/overview', { params: { query: { year } } })),
  });

/** Open cases due (`dueAt`) between two days, inclusive (Asia/Shanghai), soonest first. */
export const useOpenCasesDue = (dueFrom: string, dueTo: string) =>
  useQuery({
    queryKey: supervisionKeys.casesDue(dueFrom, dueTo),
    queryFn: async () => {
      const due = [];
      let after: string | undefined;
      do {
        const page = await data(api.GET('/api/v1/rectifications', { params: { query: { status: 'open', dueFrom, dueTo, limit: 1000, after } } }));
        due.push(...page.items);
        after = nextCursor(page.next);
      } while (after);
      return due.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    },
  });

/** The named kindergartens, each from its own (cached) query: a list of cases shows names, not ids. */
export const useKindergartenNames = (ids: readonly string[]) =>
  useQueries({
    queries: [...new Set(ids)].map((id) => ({
      queryKey: supervisionKeys.kindergarten(id),
      queryFn: () => data(api.GET('/api/v1/kindergartens/{id}', { params: { path: { id } } })),
    })),
    combine: (results) => new Map(results.flatMap((result) => (result.data ? [[result.data.id, result.data.name] as const] : []))),
  });

/** Every kindergarten of a township, page by page (a township holds tens, not thousands). */
export const townshipKindergartens = async (township: string) => {
  const all = [];
  let after: string | undefined;
  do {
    const page = await data(api.GET('/api/v1/kindergartens', { params: { query: { township, limit: 1000, after } } }));
    all.push(...page.items);
    after = nextCursor(page.next);
  } while (after);
  return all;
};

export type ScheduleOutcome =
  { kind: 'scheduled'; inspectionId: string } | { kind: 'exists' } | { kind: 'closed' } | { kind: 'refused'; error: unknown };

/** One kindergarten's share of a township's scheduling: a refusal the person expects is an outcome, not an error. */
export const scheduleFor = async (body: ScheduleForm): Promise<ScheduleOutcome> => {
  try {
    const inspection = await data(api.POST('/api/v1/inspections', { body }));
    return { kind: 'scheduled', inspectionId: inspection.id };
  } catch (error) {
    if (error instanceof ApiProblem && error.code === 'annual-inspection-exists') return { kind: 'exists' };
    if (error instanceof ApiProblem && error.code === 'kindergarten-closed') return { kind: 'closed' };
    return { kind: 'refused', error };
  }
};

const useInspectionCommand = <T>(inspectionId: string, send: (body: T) => Promise<{ kindergartenId: string }>) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (inspection) => {
      queries.setQueryData(supervisionKeys.inspection(inspectionId), inspection);
      await queries.invalidateQueries({ queryKey: supervisionKeys.inspections(inspection.kindergartenId) });
    },
  });
};

export const useReschedule = (id: string) =>
  useInspectionCommand(id, (body: { scheduledOn: string; reason: string }) =>
    data(api.POST('/api/v1/inspections/{id}/schedule', { params: { path: { id } }, body })),
  );

export const useCancelInspection = (id: string) =>
  useInspectionCommand(id, (body: { reason: string }) => data(api.POST('/api/v1/inspections/{id}/cancellation', { params: { path: { id } }, body })));

export const useAmendFinding = (id: string) =>
  useInspectionCommand(id, ({ code, ...body }: { code: string; description: string; severity: 'minor' | 'major' | 'critical' }) =>
    data(api.PUT('/api/v1/inspections/{id}/findings/{code}', { params: { path: { id, code } }, body })),
  );

export const useWithdrawFinding = (id: string) =>
  useInspectionCommand(id, ({ code, reason }: { code: string; reason: string }) =>
    data(api.POST('/api/v1/inspections/{id}/findings/{code}/withdrawal', { params: { path: { id, code } }, body: { reason } })),
  );

export const useReview = (notice: Case) =>
  useCaseCommand(notice, (body: { decision: 'accept' | 'return'; comment: string; deadline?: DeadlineBody }) =>
    data(api.POST('/api/v1/rectifications/{id}/review', { params: { path: { id: notice.id } }, body })),
  );

export const useExtensionDecision = (notice: Case) =>
  useCaseCommand(notice, (body: { approve: boolean; reason: string }) =>
    data(api.POST('/api/v1/rectifications/{id}/extension-decision', { params: { path: { id: notice.id } }, body })),
  );

export const useFollowUp = (notice: Case) =>
  useCaseCommand(notice, (body: { inspectionId: string }) =>
    data(api.POST('/api/v1/rectifications/{id}/follow-up', { params: { path: { id: notice.id } }, body })),
  );

export const usePublish = (notice: Case) =>
  useCaseCommand(notice, () => data(api.POST('/api/v1/rectifications/{id}/publication', { params: { path: { id: notice.id } } })));

export const useWithdraw = (notice: Case) =>
  useCaseCommand(notice, (body: { reason: string }) =>
    data(api.POST('/api/v1/rectifications/{id}/withdrawal', { params: { path: { id: notice.id } }, body })),
  );

export const useResetDeadline = (notice: Case) =>
  useCaseCommand(notice, (body: { deadline: DeadlineBody; reason: string }) =>
    data(api.POST('/api/v1/rectifications/{id}/deadline', { params: { path: { id: notice.id } }, body })),
  );

/** An enrolment command (due process): the answer is the kindergarten. */
const useEnrolmentCommand = <Body>(kindergarten: Kindergarten, send: (body: Body) => Promise<Kindergarten>) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (next) => queries.setQueryData(supervisionKeys.kindergarten(kindergarten.id), next),
  });
};

export const useProposeSuspension = (kindergarten: Kindergarten) =>
  useEnrolmentCommand(kindergarten, (body: { rectificationId: string; facts: string; basis: string; proposedFrom: string }) =>
    data(api.POST('/api/v1/kindergartens/{id}/enrolment/suspension-notice', { params: { path: { id: kindergarten.id } }, body })),
  );

export const useDecideSuspension = (kindergarten: Kindergarten) =>
  useEnrolmentCommand(kindergarten, (body: { decision: 'suspend' | 'withdraw'; reason: string; effectiveFrom?: string }) =>
    data(api.POST('/api/v1/kindergartens/{id}/enrolment/suspension', { params: { path: { id: kindergarten.id } }, body })),
  );

export const useReinstate = (kindergarten: Kindergarten) =>
  useEnrolmentCommand(kindergarten, (body: { inspectionId: string; reason: string }) =>
    data(api.POST('/api/v1/kindergartens/{id}/enrolment/reinstatement', { params: { path: { id: kindergarten.id } }, body })),
  );
