import type { Event } from '@app/event-sourcing';

/**
 * The register of a year's document numbers (文号): stream `documentNo-{year}`, one `DocumentNumberAssigned` per
 * notice, so the stream's version is the last number given. A notice is issued by one atomic append to two streams:
 * its case's first event, carrying `documentNo`, and this register's next event with the version the number was
 * read at. Two notices reading the same version cannot both be recorded (the loser decides again on the next
 * number), and a refused or failed notice writes neither: n = 1, 2, 3 … with no gap and no duplicate.
 */
export type DocumentNumberAssigned = Event<
  'DocumentNumberAssigned',
  { year: number; n: number; documentNo: string; rectificationId: string; assignedAt: string }
>;

export const documentRegisterStreamId = (year: number): string => `documentNo-${year}`;

/** `清教督改〔2026〕3号`. */
export const formatDocumentNo = (prefix: string, year: number, n: number): string => `${prefix}〔${year}〕${n}号`;

export interface DocumentRegisterState {
  readonly year: number | null;
  readonly assigned: number;
  readonly last: { readonly documentNo: string; readonly rectificationId: string } | null;
}

/** The register as the auditor replays it (it takes no commands: numbers are given with the notice). */
export const documentRegister = {
  initialState: (): DocumentRegisterState => ({ year: null, assigned: 0, last: null }),
  evolve: (state: DocumentRegisterState, event: DocumentNumberAssigned): DocumentRegisterState =>
    event.type === 'DocumentNumberAssigned'
      ? { year: event.data.year, assigned: event.data.n, last: { documentNo: event.data.documentNo, rectificationId: event.data.rectificationId } }
      : state,
};
