import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@app/commands';
import type { Page } from '@app/projections';
import { rectificationDecider, rectificationStreamId } from '../domain/rectification.decider.js';
import { rectificationView, type RectificationView } from '../read-models/rectification-view.js';
import {
  RectificationViews,
  type PublicNoticeView,
  type PublicSuspensionView,
  type RectificationFilter,
} from '../read-models/rectification-views.js';

export class ListRectifications extends Query<Page<RectificationView>> {
  constructor(readonly filter: RectificationFilter) {
    super();
  }
}

/** Read from the case's own stream: always current, with the version its ETag carries. */
export class GetRectification extends Query<RectificationView | null> {
  constructor(readonly rectificationId: string) {
    super();
  }
}

export class ListPublicNotices extends Query<{ notices: PublicNoticeView[]; suspensions: PublicSuspensionView[] }> {}

@QueryHandler(ListRectifications)
export class ListRectificationsHandler implements IQueryHandler<ListRectifications> {
  constructor(@Inject(RectificationViews) private readonly views: RectificationViews) {}
  execute({ filter }: ListRectifications) {
    return this.views.list(filter);
  }
}

@QueryHandler(GetRectification)
export class GetRectificationHandler implements IQueryHandler<GetRectification> {
  constructor(@Inject(CommandRunner) private readonly executor: CommandRunner) {}
  async execute({ rectificationId }: GetRectification) {
    const { state, version } = await this.executor.load(rectificationDecider, rectificationStreamId(rectificationId));
    return state.status === 'none' ? null : rectificationView(state, version);
  }
}

@QueryHandler(ListPublicNotices)
export class ListPublicNoticesHandler implements IQueryHandler<ListPublicNotices> {
  constructor(@Inject(RectificationViews) private readonly views: RectificationViews) {}
  execute() {
    return this.views.publicNotices();
  }
}
