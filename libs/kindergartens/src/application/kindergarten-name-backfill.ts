import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { formatShanghai } from '@app/calendar/domain';
import { Clock, Settings } from '@app/config';
import { EventStore, SYSTEM_ACTOR, WrongExpectedVersionError, fold } from '@app/event-sourcing';
import { SqlDatabase, migrate, quoteSchema } from '@app/sql';
import { kindergartenDecider, type KindergartenState } from '../domain/kindergarten.decider.js';
import type { KindergartenEvent } from '../domain/kindergarten.events.js';
import { kindergartenNameRegister, kindergartenNameStreamId, type KindergartenNameEvent } from '../domain/kindergarten-name.js';

/** Recorded in `schema_migrations` once every kindergarten registered before names were reserved holds its name. */
export const NAME_BACKFILL = 'kindergarten-name-backfill';
const PAGE = 500;

export interface NameBackfillResult {
  readonly reserved: number;
  /** Kindergartens registered before v1.1 under a name another one already held: left as they are, logged. */
  readonly duplicates: ReadonlyArray<{ kindergartenId: string; name: string; holder: string }>;
}

/**
 * Kindergartens registered before v1.1 reserved no name (`kindergartenName-{key}` streams came with it), so a new
 * kindergarten could take an existing one's name. Once, in a process that runs the worker, every kindergarten whose
 * name has no holder reserves it (`KindergartenNameReserved`, by the system, at the register's version read: a rename
 * or a registration racing it wins, and this one looks again). Then it is recorded done and never runs again.
 */
@Injectable()
export class KindergartenNameBackfill implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Kindergartens');
  private readonly stopping = new AbortController();
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(SqlDatabase) private readonly database: SqlDatabase,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.RUN_WORKER) return;
    this.running = this.runOnce().catch((error: unknown) =>
      this.logger.error(`cannot reserve the names of earlier kindergartens yet (${(error as Error).message}); the next start tries again`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  /** Runs the backfill unless it is recorded done; null when it was. */
  async runOnce(): Promise<NameBackfillResult | null> {
    if (await this.done()) return null;
    const result = await this.backfill();
    if (this.stopping.signal.aborted) return result;
    await migrate(this.database, this.settings.DATABASE_SCHEMA, NAME_BACKFILL, ['SELECT 1']);
    if (result.reserved > 0) this.logger.log(`reserved the names of ${result.reserved} kindergartens registered before names were reserved`);
    for (const { kindergartenId, name, holder } of result.duplicates)
      this.logger.warn(
        `kindergarten ${kindergartenId} shares its name "${name}" with ${holder} (both registered before names were unique): rename one`,
      );
    return result;
  }

  private async done(): Promise<boolean> {
    const rows = await this.database
      .query(`SELECT 1 FROM ${quoteSchema(this.settings.DATABASE_SCHEMA)}.schema_migrations WHERE component = $1`, [NAME_BACKFILL])
      .catch(() => []);
    return rows.length > 0;
  }

  private async backfill(): Promise<NameBackfillResult> {
    let reserved = 0;
    const duplicates: Array<{ kindergartenId: string; name: string; holder: string }> = [];
    let after: string | undefined;
    for (;;) {
      const page = await this.store.listStreams({ category: 'kindergarten', afterStreamId: after, limit: PAGE });
      for (const { streamId } of page) {
        if (this.stopping.signal.aborted) return { reserved, duplicates };
        const state = fold(kindergartenDecider, (await this.store.readStream(streamId)) as unknown as KindergartenEvent[]);
        if (state.status !== 'registered') continue;
        const outcome = await this.reserve(state);
        if (outcome === 'reserved') reserved += 1;
        else if (outcome !== 'held') duplicates.push({ kindergartenId: state.id, name: state.name, holder: outcome.holder });
      }
      if (page.length < PAGE) return { reserved, duplicates };
      after = page.at(-1)!.streamId;
    }
  }

  private async reserve(state: KindergartenState & { status: 'registered' }): Promise<'reserved' | 'held' | { holder: string }> {
    const streamId = kindergartenNameStreamId(state.name);
    for (;;) {
      const events = await this.store.readStream(streamId);
      const { holder } = fold(kindergartenNameRegister, events as unknown as KindergartenNameEvent[]);
      if (holder === state.id) return 'held';
      if (holder !== null) return { holder };
      const now = this.clock.now();
      const reservedEvent: KindergartenNameEvent = {
        type: 'KindergartenNameReserved',
        data: { name: state.name, kindergartenId: state.id, reservedAt: formatShanghai(now) },
      };
      const metadata = { actor: SYSTEM_ACTOR, at: formatShanghai(now), commandId: randomUUID(), correlationId: randomUUID(), causationId: null };
      try {
        await this.store.appendToStream(streamId, [{ ...reservedEvent, metadata }], { expectedVersion: events.at(-1)?.version ?? 0 });
        return 'reserved';
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // someone registered or renamed into this name meanwhile: look again
      }
    }
  }
}
