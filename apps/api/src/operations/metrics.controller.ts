import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { registry } from '@app/metrics';
import { Public } from '../auth/access.decorator.js';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  @Get()
  @Public()
  @Header('content-type', registry.contentType)
  @ApiOperation({ summary: 'Prometheus metrics: HTTP latency per route, commands by type and outcome, append latency and conflicts' })
  @ApiProduces('text/plain')
  metrics(): Promise<string> {
    return registry.metrics();
  }
}
