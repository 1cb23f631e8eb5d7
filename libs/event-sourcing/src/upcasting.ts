import type { StoredEvent } from './event.js';

/** Lifts the data of one event type from `schemaVersion` n to n + 1. Pure; never throws for data it was written for. */
export type Upcaster = (data: Record<string, unknown>, event: StoredEvent) => object;

/**
 * The registered upcasters, per `(type, schemaVersion)`. Reading applies them in a chain up to the current
 * version; writing records the current version, so an event type's current version is one past its last upcaster.
 */
export class Upcasters {
  private readonly byKey = new Map<string, Upcaster>();
  private readonly current = new Map<string, number>();

  register(type: string, fromSchemaVersion: number, upcaster: Upcaster): this {
    if (!Number.isInteger(fromSchemaVersion) || fromSchemaVersion < 1) throw new RangeError('fromSchemaVersion must be a whole number ≥ 1');
    const key = `${type}@${fromSchemaVersion}`;
    if (this.byKey.has(key)) throw new Error(`An upcaster for ${key} is already registered`);
    this.byKey.set(key, upcaster);
    this.current.set(type, Math.max(this.current.get(type) ?? 1, fromSchemaVersion + 1));
    return this;
  }

  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  upcast<E extends StoredEvent>(event: E): E {
    let lifted: E = event;
    for (;;) {
      const upcaster = this.byKey.get(`${lifted.type}@${lifted.schemaVersion}`);
      if (!upcaster) return lifted;
      lifted = { ...lifted, data: upcaster(lifted.data as Record<string, unknown>, lifted), schemaVersion: lifted.schemaVersion + 1 };
    }
  }
}
