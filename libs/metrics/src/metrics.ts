import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The engine's Prometheus metrics, on their own registry (served at GET /metrics). */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const commandsTotal = new Counter({
  name: 'commands_total',
  help: 'Commands handled, by type and outcome (ok, nothing, refused:<code>, error)',
  labelNames: ['type', 'outcome'] as const,
  registers: [registry],
});

export const appendDuration = new Histogram({
  name: 'event_store_append_duration_seconds',
  help: 'Latency of appends to the event store',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  registers: [registry],
});

export const appendConflicts = new Counter({
  name: 'event_store_append_conflicts_total',
  help: 'Appends refused because the stream had moved on (each retry counts)',
  registers: [registry],
});

export const notificationsDelivered = new Counter({
  name: 'notifications_delivered_total',
  help: 'Notifications delivered, by channel (inbox, email, webhook)',
  labelNames: ['channel'] as const,
  registers: [registry],
});

export const notificationDeliveryFailures = new Counter({
  name: 'notification_delivery_failures_total',
  help: 'Failed delivery attempts by channel (each retry counts); `final` once a delivery has used all its attempts',
  labelNames: ['channel', 'final'] as const,
  registers: [registry],
});

export const reminderLateness = new Histogram({
  name: 'reminder_lateness_seconds',
  help: 'How long after its due time a reminder job started',
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300, 3600],
  registers: [registry],
});

export const redisDataLosses = new Counter({
  name: 'reminders_redis_data_lost_total',
  help: 'Times Redis was found to have lost the scheduler\'s data (its marker key gone) and the reminders were rebuilt from the record',
  registers: [registry],
});
