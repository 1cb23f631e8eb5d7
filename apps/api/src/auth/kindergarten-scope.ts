import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import { CommandRunner } from '@app/commands';
import { NotFoundError, RuleViolationError } from '@app/event-sourcing';
import { canSeeKindergartenIn, isScopedCaller, type Caller } from '@app/identity';
import { GetInspection } from '@app/inspections';
import { Townships } from '@app/kindergartens';
import { kindergartenDecider, kindergartenStreamId } from '@app/kindergartens/domain';
import { ListKindergartenIdsInTownships, townshipKeys } from '@app/overviews';
import { GetRectification } from '@app/rectifications';
import { RESOURCE_ID } from '../http/validation/resource-id.pipe.js';

/** What a controller's `:id` names; every such resource belongs to one kindergarten. */
export type ScopedResource = 'kindergarten' | 'inspection' | 'rectification';

const SCOPED_BY = 'kindergarten-scope:resource';

/** The controller's (or one route's) `:id` names a resource of one kindergarten (or `kindergartenId` in a new one's body). */
export const ScopedBy = (resource: ScopedResource) => SetMetadata(SCOPED_BY, resource);

const NOT_FOUND: Record<ScopedResource, string> = {
  kindergarten: 'No such kindergarten',
  inspection: 'No such inspection',
  rectification: 'No such rectification case',
};

/** Which kindergartens a caller sees: a kindergarten itself only, a supervisor with a 责任区 those of its townships. */
@Injectable()
export class KindergartenScope {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(Townships) private readonly townships: Townships,
  ) {}

  /** Read from the kindergarten's own stream, so a kindergarten registered a moment ago is judged right. */
  async canSee(caller: Caller, kindergartenId: string): Promise<boolean> {
    if (!isScopedCaller(caller)) return true;
    if (caller.role === 'kindergarten') return canSeeKindergartenIn(caller, kindergartenId, null);
    const { state } = await this.runner.load(kindergartenDecider, kindergartenStreamId(kindergartenId));
    // a township the register lacks keeps what the record says, as the statistics do
    const townshipId = state.status === 'registered' ? (this.townships.idOf(state.township) ?? state.township) : null;
    return canSeeKindergartenIn(caller, kindergartenId, townshipId);
  }

  /** The kindergartens a list may show, narrowed to `requested` when given; undefined: all of them. */
  async visibleIds(caller: Caller, requested?: string): Promise<readonly string[] | undefined> {
    const visible = await this.all(caller);
    if (!visible) return requested ? [requested] : undefined;
    return requested ? visible.filter((id) => id === requested) : visible;
  }

  private async all(caller: Caller): Promise<readonly string[] | undefined> {
    if (caller.role === 'kindergarten') return [caller.kindergartenId!];
    if (caller.role === 'supervisor' && caller.townships) {
      return this.queries.execute(new ListKindergartenIdsInTownships(townshipKeys(caller.townships, this.townships.all())));
    }
    return undefined;
  }
}

/**
 * The one place a route's kindergarten is checked against the caller's sight: a resource of a kindergarten it may not
 * see is 404 `not-found` (reads and commands alike), a new one for such a kindergarten 422 `unknown-kindergarten`.
 */
@Injectable()
export class KindergartenScopeGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(KindergartenScope) private readonly scope: KindergartenScope,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const resource = this.reflector.getAllAndOverride<ScopedResource | undefined>(SCOPED_BY, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const caller = request.caller;
    if (!resource || !caller || !isScopedCaller(caller)) return true;
    const id = (request.params as Record<string, string | undefined>).id;
    if (id !== undefined) {
      if (!RESOURCE_ID.test(id)) return true; // the route's pipe answers it
      const kindergartenId = await this.kindergartenOf(resource, id);
      if (kindergartenId !== null && !(await this.scope.canSee(caller, kindergartenId))) throw new NotFoundError('not-found', NOT_FOUND[resource]);
      return true;
    }
    const named = (request.body as { kindergartenId?: unknown } | undefined)?.kindergartenId;
    if (typeof named === 'string' && !(await this.scope.canSee(caller, named))) {
      throw new RuleViolationError('unknown-kindergarten', `No kindergarten ${named}`);
    }
    return true;
  }

  /** Null when there is no such resource: the route itself answers that. */
  private async kindergartenOf(resource: ScopedResource, id: string): Promise<string | null> {
    switch (resource) {
      case 'kindergarten':
        return id;
      case 'inspection':
        return (await this.queries.execute(new GetInspection(id)))?.kindergartenId ?? null;
      case 'rectification':
        return (await this.queries.execute(new GetRectification(id)))?.kindergartenId ?? null;
    }
  }
}
