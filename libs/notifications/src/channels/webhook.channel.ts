import type { Settings } from '@app/config';
import { NotificationChannel, type OutgoingNotification } from './notification-channel.js';

const TIMEOUT_MS = 10_000;

/** The body a webhook receives: the notification as is, or a DingTalk / WeCom robot text message. */
export const webhookBody = (format: Settings['WEBHOOK_FORMAT'], notification: OutgoingNotification): object => {
  const text = `${notification.content.subject}\n${notification.content.body}`;
  switch (format) {
    case 'dingtalk':
      return { msgtype: 'text', text: { content: text } };
    case 'wecom':
      return { msgtype: 'text', text: { content: text } };
    default:
      return { key: notification.key, kind: notification.kind, recipient: notification.recipient, ...notification.content };
  }
};

/** POSTs every notification as JSON to WEBHOOK_URL; any answer but 2xx is a failure, retried by the delivery job. */
export class WebhookChannel extends NotificationChannel {
  readonly name = 'webhook' as const;
  readonly enabled: boolean;

  constructor(private readonly settings: Pick<Settings, 'WEBHOOK_URL' | 'WEBHOOK_FORMAT'>) {
    super();
    this.enabled = Boolean(settings.WEBHOOK_URL);
  }

  async send(notification: OutgoingNotification): Promise<boolean> {
    if (!this.settings.WEBHOOK_URL) return false;
    const response = await fetch(this.settings.WEBHOOK_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': `${notification.key}|${notification.recipient}` },
      body: JSON.stringify(webhookBody(this.settings.WEBHOOK_FORMAT, notification)),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
    return true;
  }
}
