import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { registry } from '@app/metrics';
import { AdminOrMetricsToken } from '../auth/access.decorator.js';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  @Get()
  @AdminOrMetricsToken()
  @Header('content-type', registry.contentType)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics: HTTP latency per route, commands by type and outcome, append latency and conflicts',
    description:
      'The Prometheus text exposition for scraping: request durations by method, route and status, commands by type and outcome, event-store append latency and concurrency conflicts, and the process’s own metrics. ' +
      'Needs an admin (token or session), or `Authorization: Bearer <METRICS_TOKEN>` when METRICS_TOKEN is set (Prometheus: `authorization: {credentials: …}`).',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } })
  metrics(): Promise<string> {
    return registry.metrics();
  }
}
