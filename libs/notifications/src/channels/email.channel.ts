import nodemailer, { type Transporter } from 'nodemailer';
import type { Settings } from '@app/config';
import { NotificationChannel, type OutgoingNotification } from './notification-channel.js';
import type { RecipientAddresses } from './recipient-addresses.js';

/** E-mail over SMTP (nodemailer), to each recipient user's own address in the directory, read when the mail is sent. */
export class EmailChannel extends NotificationChannel {
  readonly name = 'email' as const;
  readonly enabled: boolean;
  private readonly transport: Transporter | null;

  constructor(
    private readonly settings: Pick<Settings, 'SMTP_URL' | 'SMTP_FROM'>,
    private readonly addresses: RecipientAddresses,
  ) {
    super();
    this.enabled = Boolean(settings.SMTP_URL);
    this.transport = settings.SMTP_URL ? nodemailer.createTransport(settings.SMTP_URL, { disableFileAccess: true, disableUrlAccess: true }) : null;
  }

  async send(notification: OutgoingNotification): Promise<boolean> {
    if (!this.transport) return false;
    const to = await this.addresses.emailsOf(notification.recipient, notification.content.refs);
    if (to.length === 0) return false;
    await this.transport.sendMail({
      from: this.settings.SMTP_FROM,
      to: [...to],
      subject: notification.content.subject,
      text: notification.content.body,
      // the notification's key: a receiving system can recognise a repeat after a crash between send and record
      messageId: `<${notification.key}.${notification.recipient.replace(/[^A-Za-z0-9.-]/g, '_')}@supervision-engine>`,
      headers: { 'X-Notification-Key': notification.key, 'X-Notification-Kind': notification.kind },
    });
    return true;
  }

  close(): void {
    this.transport?.close();
  }
}
