import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import { ApiProblem } from '../../api/problems';
import { lastEndedPeriod } from './plan-labels';
import type { components } from '../../api/schema';

export type MonthlyReport = components['schemas']['MonthlyReportResponse'];
export type PlanTask = components['schemas']['PlanTaskResponse'];
export type Bulletin = components['schemas']['BulletinResponse'];
export type TaskStatus = MonthlyReport['items'][number]['status'];

/** What a report gives: one item per task, and the uploads it cites. */
export interface ReportForm {
  items: Array<{ taskNo: number; status: 'on-track' | 'at-risk' | 'done'; progress: string }>;
  evidence: Array<{ attachmentId: string; caption?: string }>;
}

/** Query keys of the plan's pages: tasks, monthly reports, bulletins, assessments. */
export const planKeys = {
  tasks: (unitId: string) => ['plan-tasks', unitId] as const,
  reports: ['monthly-reports'] as const,
  period: (period: string) => ['monthly-reports', 'period', period] as const,
  report: (unitId: string, period: string) => ['monthly-reports', 'one', unitId, period] as const,
  bulletins: ['bulletins'] as const,
  bulletin: (id: string) => ['bulletins', 'one', id] as const,
  kindergarten: (id: string) => ['kindergartens', 'one', id] as const,
  assessment: (year: number) => ['annual-assessments', year] as const,
};

export const usePlanTasks = (unitId: string) =>
  useQuery({
    queryKey: planKeys.tasks(unitId),
    queryFn: () => data(api.GET('/api/v1/plan-tasks', { params: { query: { unitId, limit: 100 } } })),
    staleTime: 10 * 60_000,
  });

const periodList = (period: string) => () => data(api.GET('/api/v1/monthly-reports', { params: { query: { period, limit: 1000 } } }));

/** Every unit that owes the month's report, with its status (a department: its own unit only). */
export const useMonthlyReports = (period: string) => useQuery({ queryKey: planKeys.period(period), queryFn: periodList(period) });

/** The months' lists at once (a department's year of reports). */
export const useMonthsReports = (periods: readonly string[]) =>
  useQueries({ queries: periods.map((period) => ({ queryKey: planKeys.period(period), queryFn: periodList(period) })) });

/**
 * The unit's report for a month, or null when none was filed for a month the unit does not owe (one before it was
 * registered in the engine): a report for such a month is still accepted, so the page offers the form.
 */
export const useMonthlyReport = (unitId: string, period: string) =>
  useQuery({
    queryKey: planKeys.report(unitId, period),
    queryFn: async () => {
      try {
        return await data(api.GET('/api/v1/monthly-reports/{unitId}/{period}', { params: { path: { unitId, period } } }));
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404 && /^\d{4}-\d{2}$/.test(period) && period <= lastEndedPeriod()) return null;
        throw error;
      }
    },
  });

/** Files the month's report (POST) or amends the one filed (PUT). */
export const useFileReport = (unitId: string, period: string, amend: boolean) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportForm) =>
      amend
        ? data(api.PUT('/api/v1/monthly-reports/{unitId}/{period}', { params: { path: { unitId, period } }, body }))
        : data(api.POST('/api/v1/monthly-reports', { body: { period, ...body } })),
    onSuccess: async (report) => {
      queries.setQueryData(planKeys.report(unitId, period), report);
      await queries.invalidateQueries({ queryKey: planKeys.period(period) });
    },
  });
};

export const useBulletins = () => useQuery({ queryKey: planKeys.bulletins, queryFn: () => data(api.GET('/api/v1/bulletins')) });

export const useBulletin = (id: string) =>
  useQuery({ queryKey: planKeys.bulletin(id), queryFn: () => data(api.GET('/api/v1/bulletins/{id}', { params: { path: { id } } })) });

export const usePublishBulletin = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; quarter: number }) => data(api.POST('/api/v1/bulletins', { body })),
    onSuccess: (bulletin) => {
      queries.setQueryData(planKeys.bulletin(bulletin.id), bulletin);
      return queries.invalidateQueries({ queryKey: planKeys.bulletins });
    },
  });
};

/** The year's assessment; null while its campaign is not open (404). */
export const useAssessment = (year: number) =>
  useQuery({
    queryKey: planKeys.assessment(year),
    queryFn: async () => {
      const answer = await api.GET('/api/v1/annual-assessments/{year}', { params: { path: { year: String(year) } } });
      if (answer.response.status === 404) return null;
      return data(Promise.resolve(answer));
    },
  });

export const useOpenAssessment = (year: number) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => data(api.POST('/api/v1/annual-assessments', { body: { year } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: planKeys.assessment(year) }),
  });
};

/** A kindergarten's name, for the rows shown (each row asks once; the answer is kept). */
export const useKindergartenName = (id: string) =>
  useQuery({
    queryKey: planKeys.kindergarten(id),
    queryFn: () => data(api.GET('/api/v1/kindergartens/{id}', { params: { path: { id } } })),
    staleTime: 10 * 60_000,
    select: (kindergarten) => kindergarten.name,
  });
