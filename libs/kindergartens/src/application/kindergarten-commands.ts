import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner, type CommandData, type CommandOutcome, type CommandRequest } from '@app/commands';
import { EventStore, fold, NotFoundError, RuleViolationError, type StreamAppend } from '@app/event-sourcing';
import { canSeeKindergarten } from '@app/identity';
import type { KindergartenCommand } from '../domain/kindergarten.commands.js';
import { kindergartenDecider, kindergartenStreamId, type KindergartenState } from '../domain/kindergarten.decider.js';
import type { KindergartenEvent } from '../domain/kindergarten.events.js';
import {
  kindergartenNameRegister,
  kindergartenNameStreamId,
  normaliseKindergartenName,
  type KindergartenNameEvent,
} from '../domain/kindergarten-name.js';
import { Townships } from './townships.js';

type Outcome = CommandOutcome<KindergartenState>;
type Profile = CommandData<KindergartenCommand, 'UpdateKindergarten'>;

/** The kindergarten register's use cases. */
@Injectable()
export class KindergartenCommands {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Townships) private readonly townships: Townships,
  ) {}

  /** The name is reserved in its register in the same write as the kindergarten's first event (see kindergarten-name.ts). */
  register(data: CommandData<KindergartenCommand, 'RegisterKindergarten'>, request: CommandRequest): Promise<Outcome> {
    const profile = { ...data, township: this.townshipId(data.township) };
    const name = { streamId: kindergartenNameStreamId(data.name), version: 0 };
    return this.runner.execute(
      kindergartenDecider,
      kindergartenStreamId(data.kindergartenId),
      { type: 'RegisterKindergarten', data: profile },
      {
        context: async () => {
          const register = await this.nameRegister(name.streamId);
          name.version = register.version;
          return { now: request.now, actor: request.caller, nameHolder: register.holder };
        },
        metadata: request.metadata,
        alongside: (decided) => (decided.length === 0 ? [] : [this.reservation(name, data.name, data.kindergartenId, decided[0]!, request)]),
      },
    );
  }

  /** A rename reserves the new name and releases the old one, both in the write that records it. */
  update(kindergartenId: string, data: Profile, request: CommandRequest): Promise<Outcome> {
    const profile = { ...data, township: this.townshipId(data.township) };
    const next = { streamId: kindergartenNameStreamId(data.name), version: 0 };
    const previous = { streamId: '', version: 0, name: '' };
    return this.runner.execute(
      kindergartenDecider,
      kindergartenStreamId(kindergartenId),
      { type: 'UpdateKindergarten', data: profile },
      {
        metadata: request.metadata,
        expectedVersion: request.expectedVersion,
        precondition: (state) => {
          if (state.status !== 'registered') throw new NotFoundError('not-found', 'No such kindergarten');
          previous.name = state.name;
          previous.streamId = kindergartenNameStreamId(state.name);
        },
        context: async () => {
          const [register, old] = await Promise.all([this.nameRegister(next.streamId), this.nameRegister(previous.streamId)]);
          next.version = register.version;
          previous.version = old.version;
          return { now: request.now, actor: request.caller, nameHolder: register.holder };
        },
        alongside: (decided) => {
          const [updated] = decided;
          if (!updated || normaliseKindergartenName(previous.name) === normaliseKindergartenName(data.name)) return [];
          const released: KindergartenNameEvent = {
            type: 'KindergartenNameReleased',
            data: { name: previous.name, kindergartenId, releasedAt: atOf(updated) },
          };
          return [
            this.reservation(next, data.name, kindergartenId, updated, request),
            { streamId: previous.streamId, events: [{ ...released, metadata: request.metadata }], expectedVersion: previous.version },
          ];
        },
      },
    );
  }

  close(kindergartenId: string, data: CommandData<KindergartenCommand, 'CloseKindergarten'>, request: CommandRequest): Promise<Outcome> {
    return this.runner.execute(
      kindergartenDecider,
      kindergartenStreamId(kindergartenId),
      { type: 'CloseKindergarten', data },
      {
        context: { now: request.now, actor: request.caller },
        metadata: request.metadata,
        expectedVersion: request.expectedVersion,
        precondition: (state) => {
          if (state.status !== 'registered') throw new NotFoundError('not-found', 'No such kindergarten');
        },
      },
    );
  }

  /** Another kindergarten's register entry does not exist for a kindergarten caller. */
  publishDisclosure(kindergartenId: string, data: CommandData<KindergartenCommand, 'PublishDisclosure'>, request: CommandRequest): Promise<Outcome> {
    return this.runner.execute(
      kindergartenDecider,
      kindergartenStreamId(kindergartenId),
      { type: 'PublishDisclosure', data },
      {
        context: { now: request.now, actor: request.caller },
        metadata: request.metadata,
        expectedVersion: request.expectedVersion,
        precondition: (state) => {
          if (state.status !== 'registered' || !canSeeKindergarten(request.caller, kindergartenId))
            throw new NotFoundError('not-found', 'No such kindergarten');
        },
      },
    );
  }

  /** A township given by id or by its registered name, stored as its id. */
  private townshipId(township: string): string {
    const id = this.townships.idOf(township);
    if (!id) throw new RuleViolationError('unknown-township', `No township ${township}`, { township });
    return id;
  }

  private async nameRegister(streamId: string): Promise<{ holder: string | null; version: number }> {
    const events = await this.store.readStream(streamId);
    return { holder: fold(kindergartenNameRegister, events as unknown as KindergartenNameEvent[]).holder, version: events.at(-1)?.version ?? 0 };
  }

  private reservation(
    register: { streamId: string; version: number },
    name: string,
    kindergartenId: string,
    cause: KindergartenEvent,
    request: CommandRequest,
  ): StreamAppend {
    const reserved: KindergartenNameEvent = { type: 'KindergartenNameReserved', data: { name, kindergartenId, reservedAt: atOf(cause) } };
    return { streamId: register.streamId, events: [{ ...reserved, metadata: request.metadata }], expectedVersion: register.version };
  }
}

const atOf = (event: KindergartenEvent): string =>
  event.type === 'KindergartenRegistered' ? event.data.registeredAt : event.type === 'KindergartenUpdated' ? event.data.updatedAt : '';
