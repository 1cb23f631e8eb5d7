import { timingSafeEqual, createHash } from 'node:crypto';
import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Settings } from '@app/config';
import { registry } from '@app/metrics';
import { Public } from '../auth/access.decorator.js';
import { ProblemError } from '../http/problems/problem-details.js';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(Settings) private readonly settings: Settings) {}

  @Get()
  @Public()
  @Header('content-type', registry.contentType)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics: HTTP latency per route, commands by type and outcome, append latency and conflicts',
    description:
      'The Prometheus text exposition for scraping: request durations by method, route and status, commands by type and outcome, event-store append latency and concurrency conflicts, and the process’s own metrics. ' +
      'With METRICS_TOKEN set, needs `Authorization: Bearer <METRICS_TOKEN>` (Prometheus: `authorization: {credentials: …}`); ' +
      'without it, open outside production and refused in production.',
  })
  @ApiBearerAuth()
  @ApiProduces('text/plain')
  metrics(@Headers('authorization') authorization: string | undefined): Promise<string> {
    this.authorize(authorization);
    return registry.metrics();
  }

  private authorize(authorization: string | undefined): void {
    const token = this.settings.METRICS_TOKEN;
    if (token === undefined) {
      if (this.settings.NODE_ENV === 'production') throw ProblemError.of(403, 'forbidden', 'Set METRICS_TOKEN to read the metrics in production');
      return;
    }
    const given = /^Bearer +(\S+)$/i.exec(authorization ?? '')?.[1];
    // compared as digests: equal lengths, constant time
    if (given === undefined || !timingSafeEqual(digest(given), digest(token))) {
      throw ProblemError.of(401, 'unauthenticated', 'The metrics need the METRICS_TOKEN bearer token');
    }
  }
}
