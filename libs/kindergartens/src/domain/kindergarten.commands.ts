import type { Command } from '@app/event-sourcing';
import type { Ownership } from './kindergarten.events.js';

export type KindergartenCommand =
  | Command<'RegisterKindergarten', { kindergartenId: string; name: string; township: string; ownership: Ownership }>
  | Command<'PublishDisclosure', { teachers: number; caregivers: number; children: number; monthlyFeeYuan: number; notes: string | null }>
  | Command<'UpdateKindergarten', { name: string; township: string; ownership: Ownership }>
  | Command<'CloseKindergarten', { closedOn: string; reason: string }>;
