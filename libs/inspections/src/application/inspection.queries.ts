import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@app/commands';
import type { Page } from '@app/projections';
import { inspectionDecider, inspectionStreamId } from '../domain/inspection.decider.js';
import { InspectionList, type InspectionFilter } from '../read-models/inspection-list.js';
import { inspectionView, type InspectionView } from '../read-models/inspection-response.js';

export class ListInspections extends Query<Page<InspectionView>> {
  constructor(readonly filter: InspectionFilter) {
    super();
  }
}

/** Read from the inspection's own stream: always current, with the version its ETag carries. */
export class GetInspection extends Query<InspectionView | null> {
  constructor(readonly inspectionId: string) {
    super();
  }
}

@QueryHandler(ListInspections)
export class ListInspectionsHandler implements IQueryHandler<ListInspections> {
  constructor(@Inject(InspectionList) private readonly inspections: InspectionList) {}

  execute({ filter }: ListInspections) {
    return this.inspections.list(filter);
  }
}

@QueryHandler(GetInspection)
export class GetInspectionHandler implements IQueryHandler<GetInspection> {
  constructor(@Inject(CommandRunner) private readonly runner: CommandRunner) {}

  async execute({ inspectionId }: GetInspection) {
    const { state, version } = await this.runner.load(inspectionDecider, inspectionStreamId(inspectionId));
    return state.status === 'none' ? null : inspectionView(state, version);
  }
}
