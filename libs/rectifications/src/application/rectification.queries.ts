import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@app/commands';
import type { Page } from '@app/projections';
import { rectificationDecider, rectificationStreamId } from '../domain/rectification.decider.js';
import { RectificationList, type RectificationFilter } from '../read-models/rectification-list.js';
import { rectificationView, type RectificationView } from '../read-models/rectification-response.js';

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

@QueryHandler(ListRectifications)
export class ListRectificationsHandler implements IQueryHandler<ListRectifications> {
  constructor(@Inject(RectificationList) private readonly cases: RectificationList) {}
  execute({ filter }: ListRectifications) {
    return this.cases.list(filter);
  }
}

@QueryHandler(GetRectification)
export class GetRectificationHandler implements IQueryHandler<GetRectification> {
  constructor(@Inject(CommandRunner) private readonly runner: CommandRunner) {}
  async execute({ rectificationId }: GetRectification) {
    const { state, version } = await this.runner.load(rectificationDecider, rectificationStreamId(rectificationId));
    return state.status === 'none' ? null : rectificationView(state, version);
  }
}
