import type { NotificationChannel } from './notification-channel.js';

/** The channels besides the inbox, configured or not. */
export class NotificationChannels {
  constructor(readonly all: readonly NotificationChannel[]) {}

  get enabled(): readonly NotificationChannel[] {
    return this.all.filter((channel) => channel.enabled);
  }

  named(name: string): NotificationChannel | undefined {
    return this.all.find((channel) => channel.name === name);
  }
}
