import type { Event } from '@app/event-sourcing';

export const OWNERSHIPS = ['public', 'private-inclusive', 'private'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export interface Disclosure {
  readonly teachers: number;
  readonly caregivers: number;
  readonly children: number;
  readonly monthlyFeeYuan: number;
  readonly notes: string | null;
  readonly publishedAt: string;
}

export interface Closure {
  readonly closedOn: string;
  readonly reason: string;
  readonly closedAt: string;
}

export type KindergartenRegistered = Event<
  'KindergartenRegistered',
  { kindergartenId: string; name: string; township: string; ownership: Ownership; registeredAt: string }
>;

export type DisclosurePublished = Event<'DisclosurePublished', { kindergartenId: string } & Disclosure>;

export type KindergartenUpdated = Event<
  'KindergartenUpdated',
  {
    kindergartenId: string;
    name: string;
    township: string;
    ownership: Ownership;
    previous: { name: string; township: string; ownership: Ownership };
    updatedAt: string;
  }
>;

export type KindergartenClosed = Event<'KindergartenClosed', { kindergartenId: string } & Closure>;

export type KindergartenEvent = KindergartenRegistered | DisclosurePublished | KindergartenUpdated | KindergartenClosed;
