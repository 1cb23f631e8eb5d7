import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PublicBoard, type PublicNoticesAnswer } from './public-board.js';

export class ListPublicNotices extends Query<PublicNoticesAnswer> {}

@QueryHandler(ListPublicNotices)
export class ListPublicNoticesHandler implements IQueryHandler<ListPublicNotices> {
  constructor(@Inject(PublicBoard) private readonly board: PublicBoard) {}
  execute() {
    return this.board.notices();
  }
}
