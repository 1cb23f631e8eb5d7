import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Settings } from '@app/config';
import type { Recipient } from '../domain/notification.js';
import { NotificationChannel, type OutgoingNotification } from './notification-channel.js';

/** Addresses per recipient (`kindergarten:<id>`, `supervisors`, `unit:<id>`), from CONTACTS_FILE. */
export type Contacts = Readonly<Record<string, readonly string[]>>;

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;

export const loadContacts = (path: string | undefined): Contacts => {
  if (!path) return {};
  const parsed: unknown = JSON.parse(readFileSync(resolve(path), 'utf8'));
  const entries = (parsed as { recipients?: unknown })?.recipients;
  if (!entries || typeof entries !== 'object') throw new Error(`${path}: expected {"recipients": {"kindergarten:<id>": ["a@b.cn"], …}}`);
  const problems: string[] = [];
  for (const [recipient, addresses] of Object.entries(entries)) {
    if (!/^(kindergarten:[a-z0-9][a-z0-9-]{1,62}|supervisors|unit:[a-z0-9][a-z0-9-]{1,62})$/.test(recipient))
      problems.push(`${recipient}: not a recipient`);
    if (!Array.isArray(addresses) || !addresses.every((address) => typeof address === 'string' && EMAIL.test(address)))
      problems.push(`${recipient}: expected a list of e-mail addresses`);
  }
  if (problems.length > 0) throw new Error(`${path}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  return entries as Contacts;
};

/** E-mail over SMTP (nodemailer), to the addresses CONTACTS_FILE gives each recipient. */
export class EmailChannel extends NotificationChannel {
  readonly name = 'email' as const;
  readonly enabled: boolean;
  private readonly transport: Transporter | null;

  constructor(
    private readonly settings: Pick<Settings, 'SMTP_URL' | 'SMTP_FROM'>,
    private readonly contacts: Contacts,
  ) {
    super();
    this.enabled = Boolean(settings.SMTP_URL);
    this.transport = settings.SMTP_URL ? nodemailer.createTransport(settings.SMTP_URL, { disableFileAccess: true, disableUrlAccess: true }) : null;
  }

  addressesOf(recipient: Recipient): readonly string[] {
    return this.contacts[recipient] ?? [];
  }

  async send(notification: OutgoingNotification): Promise<boolean> {
    const to = this.addressesOf(notification.recipient);
    if (!this.transport || to.length === 0) return false;
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
