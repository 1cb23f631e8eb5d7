import type { Command } from '@app/event-sourcing';

/** The payload of one command of a union, as the domain declares it. */
export type CommandData<C extends Command, T extends C['type']> = Extract<C, { type: T }>['data'];
