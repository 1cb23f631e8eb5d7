import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Page } from '@app/projections';
import { KindergartenOverview, type KindergartenFilter, type KindergartenView, type PublicKindergartenView } from './kindergarten-overview.js';

export class ListKindergartens extends Query<Page<KindergartenView>> {
  constructor(readonly filter: KindergartenFilter) {
    super();
  }
}

export class GetKindergarten extends Query<KindergartenView | null> {
  constructor(readonly kindergartenId: string) {
    super();
  }
}

export class ListPublicKindergartens extends Query<Page<PublicKindergartenView>> {
  constructor(
    readonly cursor: string | undefined,
    readonly limit: number,
  ) {
    super();
  }
}

@QueryHandler(ListKindergartens)
export class ListKindergartensHandler implements IQueryHandler<ListKindergartens> {
  constructor(@Inject(KindergartenOverview) private readonly overview: KindergartenOverview) {}

  execute({ filter }: ListKindergartens) {
    return this.overview.list(filter);
  }
}

@QueryHandler(GetKindergarten)
export class GetKindergartenHandler implements IQueryHandler<GetKindergarten> {
  constructor(@Inject(KindergartenOverview) private readonly overview: KindergartenOverview) {}

  execute({ kindergartenId }: GetKindergarten) {
    return this.overview.get(kindergartenId);
  }
}

@QueryHandler(ListPublicKindergartens)
export class ListPublicKindergartensHandler implements IQueryHandler<ListPublicKindergartens> {
  constructor(@Inject(KindergartenOverview) private readonly overview: KindergartenOverview) {}

  execute({ cursor, limit }: ListPublicKindergartens) {
    return this.overview.listPublic(cursor, limit);
  }
}
