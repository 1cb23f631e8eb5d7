import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ROLES } from '@app/identity';
import { ListPlanTasks } from '@app/plan-supervision';
import { Access } from '../auth/access.decorator.js';
import { listBody } from '../http/lists/lists.js';
import { Problems, StoreProblems } from '../http/openapi/openapi.js';
import { ListPlanTasksQuery } from './plan-supervision.dto.js';
import { PlanTaskList } from './plan-supervision.responses.js';

@ApiTags('plan supervision')
@Controller('plan-tasks')
@StoreProblems()
export class PlanTasksController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @Access(...ROLES)
  @ApiOperation({
    summary: 'The plan’s 17 key tasks (重点任务) with their lead units (牵头单位) and responsible units (责任单位)',
    description:
      'Any role. The county plan’s tasks as seeded, each with its number, group, title, summary, time nodes (时间节点), lead units and responsible units; `unitId` keeps the tasks that unit leads or shares; paged `{items, next?}`.',
  })
  @ApiOkResponse({ type: PlanTaskList })
  @Problems({ 400: ['validation-failed'] })
  async list(@Query() query: ListPlanTasksQuery, @Req() request: FastifyRequest) {
    return listBody(request, await this.queries.execute(new ListPlanTasks(query.after, query.limit, query.unitId)));
  }
}
