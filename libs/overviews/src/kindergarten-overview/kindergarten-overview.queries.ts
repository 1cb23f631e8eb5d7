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

/** The ids of the kindergartens registered in these townships (each as the record may name it: id or name). */
export class ListKindergartenIdsInTownships extends Query<string[]> {
  constructor(readonly townshipKeys: readonly string[]) {
    super();
  }
}

@QueryHandler(ListKindergartenIdsInTownships)
export class ListKindergartenIdsInTownshipsHandler implements IQueryHandler<ListKindergartenIdsInTownships> {
  constructor(@Inject(KindergartenOverview) private readonly overview: KindergartenOverview) {}

  execute({ townshipKeys }: ListKindergartenIdsInTownships) {
    return this.overview.idsInTownships(townshipKeys);
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
