import { Controller, Get, Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { Settings } from '@app/config';
import { EventStore } from '@app/event-sourcing';
import { Public } from '../auth/access.decorator.js';

const CHECK_TIMEOUT_MS = 3_000;

/** Terminus's answer: `status`, and each check's `status` (`up` or `down`, with `message` when down) by name. */
const healthBody = (example: Record<string, unknown>) => ({
  schema: {
    type: 'object',
    required: ['status'],
    properties: {
      status: { type: 'string', enum: ['ok', 'error'] },
      info: { type: 'object', additionalProperties: true },
      error: { type: 'object', additionalProperties: true },
      details: { type: 'object', additionalProperties: true },
    },
    example,
  },
});

// terminus's own withTimeout leaves its timer running after a failed check, which keeps a closing process alive
const withinDeadline = async <T>(work: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
};

@Injectable()
export class ReadinessIndicators implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(Settings) settings: Settings,
  ) {
    // connects on demand for each check, never retrying in the background
    this.redis = new Redis(settings.REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
      connectTimeout: CHECK_TIMEOUT_MS,
      connectionName: 'health',
    });
    this.redis.on('error', () => undefined);
  }

  eventStore() {
    return this.indicators.check('eventStore').attempt(async () => ({ headPosition: await withinDeadline(this.store.headPosition()) }));
  }

  redisPing() {
    return this.indicators.check('redis').attempt(async () => {
      if (this.redis.status === 'wait' || this.redis.status === 'end') await withinDeadline(this.redis.connect());
      await withinDeadline(this.redis.ping());
    });
  }

  onModuleDestroy(): void {
    // disconnecting an ended client still arms ioredis's 2 s disconnect timer
    if (this.redis.status !== 'end') this.redis.disconnect();
  }
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(ReadinessIndicators) private readonly readiness: ReadinessIndicators,
  ) {}

  @Get('live')
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary: 'The process is up',
    description:
      'Liveness probe: answers 200 as long as the process serves HTTP; it checks no dependency, so a restart is never triggered by an outage of the store or Redis.',
  })
  @ApiOkResponse({ description: 'The process is up', ...healthBody({ status: 'ok', info: {}, error: {}, details: {} }) })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary: 'The event store and Redis are reachable',
    description: `Readiness probe: reads the event store's head position and pings Redis, each within ${CHECK_TIMEOUT_MS / 1000} s; 503 names the dependency that is down and why.`,
  })
  @ApiOkResponse({
    description: 'Both reachable',
    ...healthBody({ status: 'ok', info: { eventStore: { status: 'up', headPosition: 42 }, redis: { status: 'up' } }, error: {}, details: {} }),
  })
  @ApiServiceUnavailableResponse({
    description: 'A dependency is down: `details` says which and why',
    ...healthBody({
      status: 'error',
      info: { eventStore: { status: 'up', headPosition: 42 } },
      error: { redis: { status: 'down', message: 'connect ECONNREFUSED' } },
      details: {},
    }),
  })
  ready() {
    return this.health.check([() => this.readiness.eventStore(), () => this.readiness.redisPing()]);
  }
}
