import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { formatShanghai } from '@app/calendar/domain';
import { actorOf, type Caller, type Role } from '@app/identity';
import { ReadModels } from '@app/projections';
import { Accounts } from '@app/users';

export interface BenchUser {
  readonly id: string;
  readonly role: Role;
  readonly kindergartenId?: string;
  readonly unitId?: string;
}

const BENCH: Caller = { sub: 'bench-harness', role: 'admin', name: '基准测试' };

/** Registers the benchmark's callers in the engine's directory (service accounts: tokens only), scope as given. */
export const registerBenchUsers = async (app: NestFastifyApplication, users: readonly BenchUser[]): Promise<void> => {
  const accounts = app.get(Accounts);
  for (const { id, ...scope } of users) {
    const now = new Date();
    const request = {
      caller: BENCH,
      now,
      metadata: { actor: actorOf(BENCH), at: formatShanghai(now), commandId: randomUUID(), correlationId: randomUUID(), causationId: null },
    };
    const { outcome } = await accounts.register({ userId: id, name: id, serviceAccount: true, ...scope }, request, { checkScope: false });
    await app.get(ReadModels).catchUp(outcome.position, 'user');
  }
};
