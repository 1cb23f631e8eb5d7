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

export type KindergartenRegistered = Event<
  'KindergartenRegistered',
  { kindergartenId: string; name: string; township: string; ownership: Ownership; registeredAt: string }
>;

export type DisclosurePublished = Event<'DisclosurePublished', { kindergartenId: string } & Disclosure>;

export type KindergartenEvent = KindergartenRegistered | DisclosurePublished;
