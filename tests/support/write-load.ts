import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export interface WriteLoadOptions {
  /** The API root, e.g. http://127.0.0.1:3000/api/v1. */
  readonly url: string;
  /** An admin's bearer token (registering a kindergarten is an admin's command). */
  readonly token: string;
  readonly clients: number;
  /** A client retries one write (same Idempotency-Key, same body) for this long before giving up on it (ms). */
  readonly retryForMs: number;
  /** Each HTTP attempt is abandoned after this long (ms). */
  readonly attemptTimeoutMs?: number;
}

export interface WriteLoadReport {
  /** Kindergartens whose registration was answered 201 (first answer or replay). */
  readonly acknowledged: string[];
  /** Kindergartens given up on: their registration may or may not be recorded. */
  readonly abandoned: string[];
  /**
   * Kindergartens whose retry was refused as already registered: an attempt that got no answer (or a 503) wrote it,
   * and the retry ran the command again. Since the key and the command's events are one outcome (issue 14, item 13),
   * such a retry answers with the first attempt's outcome instead: this stays empty.
   */
  readonly writtenByAnEarlierAttempt: string[];
  /** How often each answer came: `201`, `503 store-unavailable`, `network` (no answer)… */
  readonly answers: Record<string, number>;
  /** The answers that are never acceptable under a fault (a 500, a non-problem error), with their body. */
  readonly unexpected: string[];
  /** Whether every 503 carried Retry-After. */
  readonly retryAfterOnEvery503: boolean;
}

/** Answers a client retries: the store is away, or the key's first attempt is still being settled. */
const RETRIED = new Set(['503 store-unavailable', '409 idempotency-key-in-progress', 'network']);
const WRITTEN_BEFORE = '409 kindergarten-exists';

export interface WriteLoad {
  /** What happened so far (it grows while the load runs). */
  readonly report: WriteLoadReport;
  /** Starts no new write, lets the writes under way finish their retries, and returns the report. */
  stop(): Promise<WriteLoadReport>;
}

/**
 * Clients registering kindergartens over real HTTP, one after the other each, every write with its own
 * Idempotency-Key and retried with it (as a careful client does) until acknowledged or `retryForMs` has passed.
 */
export const startWriteLoad = (options: WriteLoadOptions): WriteLoad => {
  let stopping = false;
  const acknowledged: string[] = [];
  const abandoned: string[] = [];
  const writtenByAnEarlierAttempt: string[] = [];
  const answers: Record<string, number> = {};
  const unexpected: string[] = [];
  let retryAfterOnEvery503 = true;
  const count = (answer: string): void => void (answers[answer] = (answers[answer] ?? 0) + 1);

  const attempt = async (id: string, key: string, retry: boolean): Promise<string> => {
    try {
      const response = await fetch(`${options.url}/kindergartens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ id, name: `负载测试幼儿园 ${id}`, township: '城关镇', ownership: 'public' }),
        signal: AbortSignal.timeout(options.attemptTimeoutMs ?? 20_000),
      });
      const text = await response.text();
      if (response.status === 201) return '201';
      let code = '';
      try {
        code = (JSON.parse(text) as { code?: string }).code ?? '';
      } catch {
        // not JSON: reported below
      }
      const answer = `${response.status} ${code}`.trim();
      if (response.status === 503 && !response.headers.get('retry-after')) retryAfterOnEvery503 = false;
      if (answer === WRITTEN_BEFORE && retry) return answer;
      if (!RETRIED.has(answer) || !response.headers.get('content-type')?.startsWith('application/problem+json')) {
        unexpected.push(`${answer}: ${text.slice(0, 300)}`);
      }
      return answer;
    } catch {
      return 'network';
    }
  };

  const client = async (): Promise<void> => {
    while (!stopping) {
      const id = `kg-${randomUUID().slice(0, 12)}`;
      const key = randomUUID();
      const giveUpAt = Date.now() + options.retryForMs;
      for (let tries = 0, pause = 50; ; tries++, pause = Math.min(pause * 2, 500)) {
        const answer = await attempt(id, key, tries > 0);
        count(answer);
        if (answer === '201') {
          acknowledged.push(id);
          break;
        }
        if (answer === WRITTEN_BEFORE) {
          writtenByAnEarlierAttempt.push(id);
          break;
        }
        if (!RETRIED.has(answer) || Date.now() >= giveUpAt) {
          abandoned.push(id);
          break;
        }
        await sleep(pause);
      }
    }
  };

  const clients = Promise.all(Array.from({ length: options.clients }, client));
  const report = {
    acknowledged,
    abandoned,
    writtenByAnEarlierAttempt,
    answers,
    unexpected,
    get retryAfterOnEvery503() {
      return retryAfterOnEvery503;
    },
  };
  return {
    report,
    stop: async () => {
      stopping = true;
      await clients;
      return report;
    },
  };
};
