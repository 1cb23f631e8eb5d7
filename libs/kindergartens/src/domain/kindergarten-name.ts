import { createHash } from 'node:crypto';
import type { Event } from '@app/event-sourcing';

/**
 * The register of one kindergarten name: stream `kindergartenName-{key}`, the key a hash of the normalised name (a
 * stream id cannot hold every character a name can). A kindergarten's first event, or a rename, is appended in one
 * write with this stream's next event at the version it was read at: two registrations of one name cannot both be
 * recorded (the loser decides again and sees the name taken).
 */
export type KindergartenNameReserved = Event<'KindergartenNameReserved', { name: string; kindergartenId: string; reservedAt: string }>;
export type KindergartenNameReleased = Event<'KindergartenNameReleased', { name: string; kindergartenId: string; releasedAt: string }>;
export type KindergartenNameEvent = KindergartenNameReserved | KindergartenNameReleased;

/** Names equal after Unicode compatibility folding, case folding and collapsing white space are one name. */
export const normaliseKindergartenName = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();

export const kindergartenNameStreamId = (name: string): string =>
  `kindergartenName-${createHash('sha256').update(normaliseKindergartenName(name)).digest('hex').slice(0, 40)}`;

export interface KindergartenNameState {
  readonly holder: string | null;
}

/** Who holds a name (it takes no commands: names are reserved and released with the kindergarten's events). */
export const kindergartenNameRegister = {
  initialState: (): KindergartenNameState => ({ holder: null }),
  evolve: (state: KindergartenNameState, event: KindergartenNameEvent): KindergartenNameState => {
    switch (event.type) {
      case 'KindergartenNameReserved':
        return { holder: event.data.kindergartenId };
      case 'KindergartenNameReleased':
        return state.holder === event.data.kindergartenId ? { holder: null } : state;
      default:
        return state;
    }
  },
};
