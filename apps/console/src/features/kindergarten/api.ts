import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { components } from '../../api/schema';

export type Case = components['schemas']['RectificationResponse'];
export type Kindergarten = components['schemas']['KindergartenResponse'];

/** Query keys of the director's pages; a case and a kindergarten share the supervisor's keys (the same resource). */
export const kindergartenKeys = {
  owed: (kindergartenId: string) => ['rectifications', 'owed', kindergartenId] as const,
  published: (kindergartenId: string) => ['rectifications', 'published', kindergartenId] as const,
  case: (id: string) => ['rectifications', 'one', id] as const,
  kindergarten: (id: string) => ['kindergartens', 'one', id] as const,
  townships: ['townships'] as const,
};

/** Its open cases (issued, acknowledged, submitted, returned), the nearest deadline first. */
export const useOwedCases = (kindergartenId: string) =>
  useQuery({
    queryKey: kindergartenKeys.owed(kindergartenId),
    queryFn: async () => {
      const list = await data(api.GET('/api/v1/rectifications', { params: { query: { kindergartenId, status: 'open', limit: 1000 } } }));
      return [...list.items].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    },
  });

/** Its notices as the public board shows them: those published. */
export const usePublishedCases = (kindergartenId: string) =>
  useQuery({
    queryKey: kindergartenKeys.published(kindergartenId),
    queryFn: async () => {
      const list = await data(api.GET('/api/v1/rectifications', { params: { query: { kindergartenId, limit: 1000 } } }));
      return list.items.filter((notice) => notice.publish);
    },
  });

export const useCase = (id: string) =>
  useQuery({ queryKey: kindergartenKeys.case(id), queryFn: () => data(api.GET('/api/v1/rectifications/{id}', { params: { path: { id } } })) });

export const useKindergarten = (id: string) =>
  useQuery({
    queryKey: kindergartenKeys.kindergarten(id),
    queryFn: () => data(api.GET('/api/v1/kindergartens/{id}', { params: { path: { id } } })),
  });

export const useTownshipName = (id: string | undefined) => {
  const query = useQuery({ queryKey: kindergartenKeys.townships, queryFn: () => data(api.GET('/api/v1/townships')), staleTime: Infinity });
  return query.data?.items.find((township) => township.id === id)?.name ?? id;
};

/** Every case command answers with the case: it replaces the cached one, and the list of what is owed is read again. */
const useCaseCommand = <Body>(caseId: string, send: (body: Body) => Promise<Case>) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (notice) => {
      queries.setQueryData(kindergartenKeys.case(caseId), notice);
      await queries.invalidateQueries({ queryKey: kindergartenKeys.owed(notice.kindergartenId) });
    },
  });
};

export const useAcknowledge = (caseId: string) =>
  useCaseCommand<void>(caseId, () => data(api.POST('/api/v1/rectifications/{id}/acknowledgement', { params: { path: { id: caseId } } })));

export const useRequestExtension = (caseId: string) =>
  useCaseCommand(caseId, (body: { requestedDueAt: string; reason: string }) =>
    data(api.POST('/api/v1/rectifications/{id}/extension-requests', { params: { path: { id: caseId } }, body })),
  );

export interface ReportBody {
  summary: string;
  actions: Array<{ findingCode: string; action: string }>;
  evidence: Array<{ attachmentId: string; caption?: string }>;
}

export const useSubmitReport = (caseId: string) =>
  useCaseCommand(caseId, (body: ReportBody) => data(api.POST('/api/v1/rectifications/{id}/reports', { params: { path: { id: caseId } }, body })));

/** The kindergarten answers with its new state, which replaces the cached one. */
const useKindergartenCommand = <Body>(kindergartenId: string, send: (body: Body) => Promise<Kindergarten>) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (kindergarten) => queries.setQueryData(kindergartenKeys.kindergarten(kindergartenId), kindergarten),
  });
};

export const useSubmitStatement = (kindergartenId: string) =>
  useKindergartenCommand(kindergartenId, (body: { text: string; attachmentIds?: string[] } | { waive: true }) =>
    data(api.POST('/api/v1/kindergartens/{id}/enrolment/statement', { params: { path: { id: kindergartenId } }, body })),
  );

export interface DisclosureBody {
  teachers: number;
  caregivers: number;
  children: number;
  monthlyFeeYuan: number;
  notes?: string;
}

export const usePublishDisclosure = (kindergartenId: string) =>
  useKindergartenCommand(kindergartenId, (body: DisclosureBody) =>
    data(api.PUT('/api/v1/kindergartens/{id}/disclosure', { params: { path: { id: kindergartenId } }, body })),
  );

/** Documents are plain downloads: the session cookie goes along. */
export const noticeDocxUrl = (caseId: string): string => `/api/v1/rectifications/${encodeURIComponent(caseId)}/notice.docx`;
export const proposalDocxUrl = (kindergartenId: string): string =>
  `/api/v1/kindergartens/${encodeURIComponent(kindergartenId)}/enrolment/proposal.docx`;
export const decisionDocxUrl = (kindergartenId: string): string =>
  `/api/v1/kindergartens/${encodeURIComponent(kindergartenId)}/enrolment/decision.docx`;
