/** Who performed an act: a user (`sub`, `role` from the token) or the engine itself (`system`). */
export interface Actor {
  readonly sub: string;
  readonly role: string;
  /** The directory's name of the user (events recorded before v1.1 have none). */
  readonly name?: string;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ sub: 'system', role: 'system', name: '系统' });

/** Attribution recorded with every event; part of what the hash chain protects. */
export interface EventMetadata {
  readonly actor: Actor;
  /** When the command was decided, `YYYY-MM-DDTHH:mm:ss.sssZ` or with an offset. */
  readonly at: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
}

/** A domain event as deciders produce it: a past-tense `type` and JSON-safe `data`. */
export interface Event<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** An event handed to the store. `schemaVersion` defaults to 1, `id` to a fresh UUID. */
export interface NewEvent<E extends Event = Event> {
  readonly id?: string;
  readonly type: E['type'];
  readonly data: E['data'];
  readonly schemaVersion?: number;
  readonly metadata: EventMetadata;
}

/** An event as recorded: its place in its stream and in the global log, and its link in the stream's hash chain. */
export interface StoredEvent<E extends Event = Event> {
  readonly streamId: string;
  readonly version: number;
  readonly position: number;
  readonly id: string;
  readonly type: E['type'];
  readonly schemaVersion: number;
  readonly data: E['data'];
  readonly metadata: EventMetadata;
  readonly prevHash: string;
  readonly hash: string;
  readonly recordedAt: Date;
}

/** The category of a stream is the part of its id before the first `-`: `rectification-42` → `rectification`. */
export const streamCategory = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
};
