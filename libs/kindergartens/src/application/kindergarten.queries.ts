import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Page } from '@app/projections';
import { KindergartenViews, type KindergartenFilter, type KindergartenView, type PublicKindergartenView } from '../read-models/kindergarten-views.js';

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
  constructor(@Inject(KindergartenViews) private readonly views: KindergartenViews) {}

  execute({ filter }: ListKindergartens) {
    return this.views.list(filter);
  }
}

@QueryHandler(GetKindergarten)
export class GetKindergartenHandler implements IQueryHandler<GetKindergarten> {
  constructor(@Inject(KindergartenViews) private readonly views: KindergartenViews) {}

  execute({ kindergartenId }: GetKindergarten) {
    return this.views.get(kindergartenId);
  }
}

@QueryHandler(ListPublicKindergartens)
export class ListPublicKindergartensHandler implements IQueryHandler<ListPublicKindergartens> {
  constructor(@Inject(KindergartenViews) private readonly views: KindergartenViews) {}

  execute({ cursor, limit }: ListPublicKindergartens) {
    return this.views.listPublic(cursor, limit);
  }
}
