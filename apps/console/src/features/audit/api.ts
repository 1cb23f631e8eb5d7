import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { api, data } from '../../api/client';
import { ApiProblem } from '../../api/problems';
import { nextCursor } from '../../lib/pages';

/** Who did it, as the record names them: the directory's name beside the id (the system acts as `system`). */
export interface Actor {
  readonly sub: string;
  readonly role: string;
  readonly name?: string;
}

/** An event exactly as recorded, with its place in the hash chain. */
export interface EventEnvelope {
  readonly streamId: string;
  readonly version: number;
  readonly position: number;
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: { actor: Actor; at: string; commandId?: string; correlationId?: string; causationId?: string | null };
  readonly prevHash: string;
  readonly hash: string;
  readonly recordedAt: string;
}

export interface StreamSummary {
  readonly streamId: string;
  readonly version: number;
}

export interface TimelineStep {
  readonly version: number;
  readonly type: string;
  readonly at: string;
  readonly actor: Actor & { readonly label: string };
  readonly sentence: string;
  readonly state: unknown;
}

export interface Timeline {
  readonly streamId: string;
  readonly aggregate: string;
  readonly steps: readonly TimelineStep[];
}

export interface StateAsOf {
  readonly streamId: string;
  readonly version: number;
  readonly asOf: string | null;
  readonly state: unknown;
}

export interface SignIn {
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly at: string;
  readonly actor: Actor & { readonly label: string };
  readonly data: { userId?: string; username?: string; reason?: string; method?: string };
  readonly sentence: string;
}

export type VerificationReport = {
  readonly ok: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  readonly attachmentsChecked: number;
  readonly broken: ReadonlyArray<{ streamId: string; version: number; reason: string; attachmentId?: string }>;
};

/** Query keys of the auditor's pages. */
export const auditKeys = {
  streams: (category?: string) => ['audit', 'streams', category ?? ''] as const,
  events: (streamId: string) => ['audit', 'events', streamId] as const,
  timeline: (streamId: string) => ['audit', 'timeline', streamId] as const,
  state: (streamId: string, asOf: AsOf) => ['audit', 'state', streamId, asOf] as const,
  signIns: (from: string, to: string, userId?: string) => ['audit', 'sign-ins', from, to, userId ?? ''] as const,
};

const PAGE = 50;

export const useStreams = (category?: string) =>
  useInfiniteQuery({
    queryKey: auditKeys.streams(category),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const page = await data(api.GET('/api/v1/audit/streams', { params: { query: { type: category, after: pageParam, limit: PAGE } } }));
      return { items: page.items as unknown as StreamSummary[], next: page.next };
    },
    getNextPageParam: (page) => nextCursor(page.next),
  });

/** The version the next page starts from (`…?fromVersion=…`). */
const nextVersion = (next: string | undefined): number | undefined => {
  const value = next ? new URL(next, window.location.origin).searchParams.get('fromVersion') : null;
  return value ? Number(value) : undefined;
};

export const useStreamEvents = (streamId: string) =>
  useInfiniteQuery({
    queryKey: auditKeys.events(streamId),
    initialPageParam: 1,
    queryFn: async ({ pageParam }) => {
      const page = await data(
        api.GET('/api/v1/audit/streams/{streamId}/events', { params: { path: { streamId }, query: { fromVersion: pageParam, limit: PAGE } } }),
      );
      return { items: page.items as unknown as EventEnvelope[], next: page.next };
    },
    getNextPageParam: (page) => nextVersion(page.next),
  });

export const useTimeline = (streamId: string) =>
  useQuery({
    queryKey: auditKeys.timeline(streamId),
    queryFn: async () =>
      (await data(api.GET('/api/v1/audit/streams/{streamId}/timeline', { params: { path: { streamId } } }))) as unknown as Timeline,
  });

/** A version number, or an instant (RFC 3339 with +08:00). */
export type AsOf = { readonly version: number } | { readonly at: string };

export const useStateAsOf = (streamId: string, asOf: AsOf | undefined) =>
  useQuery({
    queryKey: auditKeys.state(streamId, asOf ?? { version: 0 }),
    queryFn: async () =>
      (await data(api.GET('/api/v1/audit/streams/{streamId}/state', { params: { path: { streamId }, query: asOf } }))) as unknown as StateAsOf,
    enabled: asOf !== undefined,
    retry: false,
  });

export const useSignIns = (from: string, to: string, userId?: string) =>
  useQuery({
    queryKey: auditKeys.signIns(from, to, userId),
    queryFn: async () => {
      const page = await data(api.GET('/api/v1/audit/sign-ins', { params: { query: { from, to, userId: userId || undefined } } }));
      return page.items as unknown as SignIn[];
    },
  });

/** Where the whole record downloads from (a plain link: the session cookie goes with it). */
export const EXPORT_URL = '/api/v1/audit/export';

export type VerificationRun =
  | { readonly phase: 'idle' }
  | { readonly phase: 'events'; readonly eventsChecked: number; readonly position: number; readonly headPosition: number; readonly startedAt: number }
  | { readonly phase: 'attachments'; readonly eventsChecked: number; readonly startedAt: number }
  | { readonly phase: 'done'; readonly report: VerificationReport; readonly ms: number }
  | { readonly phase: 'failed'; readonly error: unknown };

type ProgressLine =
  | { phase: 'events'; eventsChecked: number; position: number; headPosition: number }
  | { phase: 'attachments'; eventsChecked: number }
  | { phase: 'done'; report: VerificationReport }
  | { phase: 'failed'; code: string };

/**
 * Whole-store verification as it goes: the engine answers `Accept: application/x-ndjson` with a line of progress about
 * four times a second and the report last. A one-off act the person starts, not server state to cache: no query.
 */
export const useVerification = () => {
  const [run, setRun] = useState<VerificationRun>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);
  const start = useCallback(async (streamId?: string) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const startedAt = performance.now();
    setRun({ phase: 'events', eventsChecked: 0, position: 0, headPosition: 0, startedAt });
    try {
      const query = streamId ? `?streamId=${encodeURIComponent(streamId)}` : '';
      const response = await fetch(`/api/v1/audit/verification${query}`, {
        headers: { accept: 'application/x-ndjson' },
        credentials: 'same-origin',
        signal: controller.signal,
      });
      if (!response.ok || !response.body) {
        const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
        throw new ApiProblem(response.status, problem.code ?? `http-${response.status}`, problem.detail ?? response.statusText);
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      let ended = false;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const text of lines.filter(Boolean)) {
          const line = JSON.parse(text) as ProgressLine;
          if (line.phase === 'events') setRun({ ...line, startedAt });
          else if (line.phase === 'attachments') setRun({ ...line, startedAt });
          else if (line.phase === 'done') setRun({ phase: 'done', report: line.report, ms: performance.now() - startedAt });
          else setRun({ phase: 'failed', error: new ApiProblem(503, line.code, '') });
          ended ||= line.phase === 'done' || line.phase === 'failed';
        }
      }
      // the answer broke off before the report: the connection, not the record, failed
      if (!ended) throw new TypeError('the verification ended without its report');
    } catch (error) {
      if (!controller.signal.aborted) setRun({ phase: 'failed', error });
    }
  }, []);
  return { run, start };
};
