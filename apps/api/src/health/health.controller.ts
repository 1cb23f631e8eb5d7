import { Controller, Get, Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { Settings } from '@app/config';
import { EventStore } from '@app/event-sourcing';
import { Public } from '../auth/access.decorator.js';

const CHECK_TIMEOUT_MS = 3_000;

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
  @ApiOperation({ summary: 'The process is up' })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'The event store and Redis are reachable' })
  ready() {
    return this.health.check([() => this.readiness.eventStore(), () => this.readiness.redisPing()]);
  }
}
