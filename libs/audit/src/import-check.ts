import { ChainVerifier, unimportableReason, type StoredEvent } from '@app/event-sourcing';

/** The first problems found are listed; the rest only counted. */
const LISTED = 20;

export interface ImportCheckReport {
  readonly ok: boolean;
  readonly events: number;
  readonly streams: number;
  /** `line N: …`, at most 20. */
  readonly problems: readonly string[];
  /** Problems found beyond those listed. */
  readonly more: number;
}

/**
 * Everything an import would find wrong with an export file, found before anything is written: each line parses,
 * each event is writable (stream id, version, lowercase UUID, type, schema version, data, metadata, `recordedAt`),
 * no event id appears twice, and every stream's hash chain is intact. A file that passes imports whole.
 */
export class ImportCheck {
  private readonly verifier = new ChainVerifier();
  private readonly ids = new Set<string>();
  private readonly problems: string[] = [];
  private more = 0;
  private events = 0;

  /** One line of the file; returns the event, or null when the line is not one. */
  addLine(line: string, lineNumber: number): StoredEvent | null {
    let event: StoredEvent;
    try {
      event = parseExportLine(line);
    } catch (error) {
      this.problem(lineNumber, `not an exported event (${(error as Error).message})`);
      return null;
    }
    this.events++;
    const reason = unimportableReason(event);
    if (reason) {
      this.problem(lineNumber, `${describe(event)}: ${reason}`);
      return null;
    }
    if (this.ids.has(event.id)) this.problem(lineNumber, `${describe(event)}: event id ${event.id} appears twice in the file`);
    this.ids.add(event.id);
    this.verifier.add(event);
    return event;
  }

  report(): ImportCheckReport {
    const chains = this.verifier.report();
    const broken = chains.broken.map((entry) => `broken in the file: ${entry.streamId} at version ${entry.version} (${entry.reason})`);
    const problems = [...this.problems, ...broken];
    const more = this.more + Math.max(0, problems.length - LISTED);
    return { ok: problems.length === 0, events: this.events, streams: chains.streamsChecked, problems: problems.slice(0, LISTED), more };
  }

  private problem(lineNumber: number, text: string): void {
    if (this.problems.length < LISTED) this.problems.push(`line ${lineNumber}: ${text}`);
    else this.more++;
  }
}

const describe = (event: StoredEvent): string => `${String(event.streamId)}@${String(event.version)}`;

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** An exported NDJSON line as the event it records (`recordedAt` as a Date, possibly invalid: ImportCheck says so). */
export const parseExportLine = (line: string): StoredEvent => {
  const parsed = JSON.parse(line) as unknown;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('a line must be a JSON object');
  const recordedAt = (parsed as { recordedAt?: unknown }).recordedAt;
  const valid = typeof recordedAt === 'string' && RFC_3339.test(recordedAt);
  return { ...(parsed as StoredEvent), recordedAt: new Date(valid ? recordedAt : Number.NaN) };
};
