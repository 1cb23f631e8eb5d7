import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { formatShanghai } from '@app/calendar';
import { Clock, Settings } from '@app/config';
import { ConflictError, EventStore } from '@app/event-sourcing';
import type { Caller, CommandRequest } from '@app/identity';
import { PublishDisclosure, RegisterKindergarten, type Ownership } from '@app/kindergartens';

interface KindergartenSeed {
  id: string;
  name: string;
  township: string;
  ownership: Ownership;
  disclosure?: { teachers: number; caregivers: number; children: number; monthlyFeeYuan: number };
}

/** Who the record shows as having loaded the seed data. */
export const SEED_CALLER: Caller = { sub: 'seed-loader', role: 'admin', name: '初始数据导入' };

/**
 * On the first start with an empty store, loads seeds/ through the normal command path, so that the record
 * shows who created what and when. Only the sample kindergartens are optional (SEED_SAMPLE_DATA).
 */
@Injectable()
export class SeedLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seeds');

  constructor(
    @Inject(Settings) private readonly settings: Settings,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.SEED_ON_EMPTY || (await this.store.headPosition()) > 0) return;
    const sample = this.settings.SEED_SAMPLE_DATA ?? this.settings.NODE_ENV !== 'production';
    if (!sample) return;
    const dir = resolve(this.settings.SEEDS_DIR);
    const { kindergartens } = JSON.parse(await readFile(join(dir, 'kindergartens.json'), 'utf8')) as { kindergartens: KindergartenSeed[] };
    const correlationId = randomUUID();
    let loaded = 0;
    for (const seed of kindergartens) {
      try {
        await this.commands.execute(
          new RegisterKindergarten(
            { kindergartenId: seed.id, name: seed.name, township: seed.township, ownership: seed.ownership },
            this.request(correlationId),
          ),
        );
        if (seed.disclosure)
          await this.commands.execute(new PublishDisclosure(seed.id, { ...seed.disclosure, notes: null }, this.request(correlationId)));
        loaded++;
      } catch (error) {
        // another process seeding at the same moment got there first
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    this.logger.log(`loaded ${loaded} sample kindergartens from ${join(dir, 'kindergartens.json')} (sample data, not the county's register)`);
  }

  private request(correlationId: string): CommandRequest {
    const now = this.clock.now();
    return {
      caller: SEED_CALLER,
      now,
      metadata: {
        actor: { sub: SEED_CALLER.sub, role: SEED_CALLER.role },
        at: formatShanghai(now),
        commandId: randomUUID(),
        correlationId,
        causationId: null,
      },
    };
  }
}
