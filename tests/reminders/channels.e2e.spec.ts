import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { instantKey } from '@app/notifications/domain';
import {
  QueueProbe,
  awaitInbox,
  deadlinesMissedIn,
  deliveriesIn,
  deliveryCounts,
  inboxOf,
  issueDueIn,
  type IssuedCase,
} from '../support/reminders.js';
import { startSmtpServer, type SmtpServer } from '../support/smtp-server.js';
import { freshId, startTestApp, type TestApp } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';
import { startWebhookServer, type WebhookServer } from '../support/webhook-server.js';

// E-mail and webhook deliveries, in this process: a real SMTP server (the smtp-server package) and a real HTTP
// endpoint on local ports, real Redis (own queue prefix) and PostgreSQL (own schema).

const FROM = 'duban@edu.example.cn';

let cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** The contacts file (CONTACTS_FILE) giving the kindergarten two addresses and the supervisors one. */
const contactsFor = async (kindergartenId: string): Promise<{ file: string; kindergarten: string[]; supervisors: string[] }> => {
  const dir = await mkdtemp(join(tmpdir(), 'contacts-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const kindergarten = [`director@${kindergartenId}.example.cn`, `office@${kindergartenId}.example.cn`];
  const supervisors = ['wang@edu.example.cn'];
  const file = join(dir, 'contacts.json');
  await writeFile(file, JSON.stringify({ recipients: { [`kindergarten:${kindergartenId}`]: kindergarten, supervisors } }));
  return { file, kindergarten, supervisors };
};

/** The engine with reminders, e-mail and webhook on, and its queues seen from outside. */
const engineWith = async (env: Record<string, string>): Promise<{ app: TestApp; probe: QueueProbe }> => {
  const app = await startTestApp('postgres', {
    RUN_REMINDERS: 'true',
    REMINDER_OFFSETS: 'PT2S',
    SMTP_FROM: `督导办 <${FROM}>`,
    ...env,
  });
  const probe = QueueProbe.of(app.settings);
  // the engine stops before the probe deletes the prefix's keys (a running engine would write some again)
  cleanups.push(
    () => probe.close(),
    () => app.close(),
  );
  return { app, probe };
};

const servers = async (smtpOptions: { refuse?: boolean } = {}): Promise<{ smtp: SmtpServer; webhook: WebhookServer }> => {
  const smtp = await startSmtpServer(smtpOptions);
  const webhook = await startWebhookServer();
  // closed after the engine (cleanups run in reverse)
  cleanups.push(
    () => smtp.close(),
    () => webhook.close(),
  );
  return { smtp, webhook };
};

/** The case's four notifications, as (key, recipient). */
const notificationsOf = (issued: IssuedCase) => {
  const kindergarten = `kindergarten:${issued.kindergarten.id}`;
  const due = instantKey(issued.notice.dueAt);
  return [
    { key: `${issued.id}.notice`, recipient: kindergarten, kind: 'notice-issued' },
    { key: `${issued.id}.remind.PT2S.${due}`, recipient: kindergarten, kind: 'rectification-reminder' },
    { key: `${issued.id}.deadline.${due}`, recipient: kindergarten, kind: 'deadline-missed' },
    { key: `${issued.id}.deadline.${due}`, recipient: 'supervisors', kind: 'deadline-missed' },
  ];
};

const recorded = async (app: TestApp, issued: IssuedCase, channel: string): Promise<string[]> =>
  (await deliveriesIn(app.store, issued.stream))
    .filter((delivery) => delivery.channel === channel)
    .map((delivery) => `${delivery.key}|${delivery.recipient}`)
    .sort();

describe('delivery on e-mail and webhook', () => {
  it('sends every notification by SMTP and to the webhook, records each once; a webhook answering 500 twice is retried with backoff, then succeeds', async () => {
    const kindergartenId = freshId('kg');
    const contacts = await contactsFor(kindergartenId);
    const { smtp, webhook } = await servers();
    // the reminder fails twice at the receiving end, then gets through
    let reminderAttempts = 0;
    webhook.behave((_index, body) => (body?.kind === 'rectification-reminder' && ++reminderAttempts <= 2 ? 500 : 200));
    const { app, probe } = await engineWith({ SMTP_URL: smtp.url, CONTACTS_FILE: contacts.file, WEBHOOK_URL: webhook.url });
    const issued = await issueDueIn(app, 4_000, { kindergartenId });
    const expected = notificationsOf(issued);

    await awaitInbox(app, issued.steps.supervisor, issued.id, 'deadline-missed');
    await waitUntil(async () => (await recorded(app, issued, 'webhook')).length === 4 && (await recorded(app, issued, 'email')).length === 4, {
      what: 'four e-mail and four webhook deliveries recorded',
    });
    await waitUntil(() => probe.settled(), { what: 'the queues to settle' });

    // recorded once per (key, recipient, channel): 4 notifications × inbox, e-mail, webhook
    const counts = deliveryCounts(await deliveriesIn(app.store, issued.stream));
    expect(counts).toEqual(
      Object.fromEntries(
        expected.flatMap(({ key, recipient }) => ['inbox', 'email', 'webhook'].map((channel) => [`${key}|${recipient}|${channel}`, 1])),
      ),
    );
    expect(await deadlinesMissedIn(app.store, issued.stream)).toBe(1);

    // e-mail: one message per notification, to the recipient's addresses, saying what the inbox says
    const inboxes = {
      [`kindergarten:${kindergartenId}`]: await inboxOf(app, issued.director),
      supervisors: await inboxOf(app, issued.steps.supervisor),
    } as Record<string, any[]>;
    expect(smtp.mails).toHaveLength(4);
    for (const { key, recipient, kind } of expected) {
      const addresses = recipient === 'supervisors' ? contacts.supervisors : contacts.kindergarten;
      const mails = smtp.mails.filter((mail) => mail.headers['x-notification-key'] === key && mail.rcptTo.some((to) => addresses.includes(to)));
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      const item = inboxes[recipient]!.find((each) => each.kind === kind && each.refs.rectificationId === issued.id);
      expect([...mail!.rcptTo].sort()).toEqual([...addresses].sort());
      expect(mail!.mailFrom).toBe(FROM);
      expect(mail!.headers['from']).toContain('督导办');
      expect(mail!.headers['x-notification-kind']).toBe(kind);
      expect(mail!.subject).toBe(item.subject);
      expect(mail!.text).toBe(item.body);
    }

    // webhook: each notification as JSON; the reminder three times (500, 500, 200) under one idempotency key
    const reminderKey = expected[1]!.key;
    const forReminder = webhook.requests.filter((request) => request.body.key === reminderKey);
    expect(forReminder.map((request) => request.answered)).toEqual([500, 500, 200]);
    expect(new Set(forReminder.map((request) => request.headers['idempotency-key']))).toEqual(
      new Set([`${reminderKey}|kindergarten:${kindergartenId}`]),
    );
    // exponential backoff from 1 s: the second attempt at least 1 s after the first, the third 2 s after the second
    expect(forReminder[1]!.at - forReminder[0]!.at).toBeGreaterThanOrEqual(950);
    expect(forReminder[2]!.at - forReminder[1]!.at).toBeGreaterThanOrEqual(1_950);
    const delivered = webhook.requests.filter((request) => request.answered === 200);
    expect(delivered.map((request) => `${request.body.key}|${request.body.recipient}`).sort()).toEqual(
      expected.map(({ key, recipient }) => `${key}|${recipient}`).sort(),
    );
    const reminderBody = forReminder[2]!.body;
    const reminderItem = inboxes[`kindergarten:${kindergartenId}`]!.find((each) => each.kind === 'rectification-reminder');
    expect(reminderBody).toEqual({
      key: reminderKey,
      kind: 'rectification-reminder',
      recipient: `kindergarten:${kindergartenId}`,
      subject: reminderItem.subject,
      body: reminderItem.body,
      refs: reminderItem.refs,
    });
  });

  it.each(['webhook', 'email'] as const)(
    'when the %s channel keeps failing, neither the inbox nor the other channel waits for it; it is retried and records nothing',
    async (failing) => {
      const kindergartenId = freshId('kg');
      const contacts = await contactsFor(kindergartenId);
      const { smtp, webhook } = await servers({ refuse: failing === 'email' });
      if (failing === 'webhook') webhook.behave(() => 500);
      const { app, probe } = await engineWith({ SMTP_URL: smtp.url, CONTACTS_FILE: contacts.file, WEBHOOK_URL: webhook.url });
      const issued = await issueDueIn(app, 4_000, { kindergartenId });
      const working = failing === 'webhook' ? 'email' : 'webhook';

      // the inbox on time: the reminder before the deadline, the deadline to both parties
      const reminder = await awaitInbox(app, issued.director, issued.id, 'rectification-reminder');
      expect(Date.parse(reminder.createdAt)).toBeLessThan(issued.dueAt);
      await awaitInbox(app, issued.steps.supervisor, issued.id, 'deadline-missed');
      await awaitInbox(app, issued.director, issued.id, 'deadline-missed', 2_000);
      // the other channel delivers everything
      const everything = notificationsOf(issued)
        .map(({ key, recipient }) => `${key}|${recipient}`)
        .sort();
      await waitUntil(async () => JSON.stringify(await recorded(app, issued, working)) === JSON.stringify(everything), {
        what: `every notification recorded on ${working}`,
      });
      expect(await recorded(app, issued, 'inbox')).toEqual(everything);

      // the failing one: every delivery tried, one of them tried again, none given up, nothing recorded
      await waitUntil(
        async () => {
          const jobs = (await probe.deliveries.getJobs(['delayed', 'wait', 'active'])).filter((job) => job.data.channel === failing);
          return jobs.length === 4 && jobs.every((job) => job.attemptsMade >= 1) && jobs.some((job) => job.attemptsMade >= 2);
        },
        { what: `every ${failing} delivery failed once, and one of them twice` },
      );
      expect(failing === 'webhook' ? webhook.requests.filter((request) => request.answered === 500).length : smtp.refused()).toBeGreaterThanOrEqual(
        5,
      );
      expect(await recorded(app, issued, failing)).toEqual([]);
      expect(await probe.deliveries.getJobCounts('failed')).toEqual({ failed: 0 });
      if (failing === 'email') expect(smtp.mails).toEqual([]);
      expect(await deadlinesMissedIn(app.store, issued.stream)).toBe(1);
    },
  );

  it('a delivery waiting for its retry when Redis loses its keys is queued again from the record at the next start, and recorded once', async () => {
    const { webhook } = await servers();
    webhook.behave(() => 500);
    const { app, probe } = await engineWith({ WEBHOOK_URL: webhook.url });
    const issued = await issueDueIn(app, 120_000);
    const noticeKey = `${issued.id}.notice`;
    await waitUntil(async () => webhook.requests.some((request) => request.body?.key === noticeKey), { what: 'the notice tried on the webhook' });
    expect(await recorded(app, issued, 'webhook')).toEqual([]);

    // the engine stops while the delivery waits for its retry, and Redis loses every key of the deployment
    await app.stop();
    await probe.deleteAllKeys();
    webhook.behave(() => 200);
    const again = await startTestApp('postgres', {
      RUN_REMINDERS: 'true',
      REMINDER_OFFSETS: 'PT2S',
      WEBHOOK_URL: webhook.url,
      DATABASE_SCHEMA: app.settings.DATABASE_SCHEMA,
      QUEUE_PREFIX: app.settings.QUEUE_PREFIX,
    });
    cleanups.push(() => again.close());

    const delivered = `${noticeKey}|kindergarten:${issued.kindergarten.id}`;
    await waitUntil(async () => (await recorded(again, issued, 'webhook')).length > 0, {
      what: 'the notice delivered on the webhook after the restart',
    });
    await waitUntil(() => probe.settled(), { what: 'the queues to settle' });
    expect(await recorded(again, issued, 'webhook')).toEqual([delivered]);
    expect(webhook.requests.filter((request) => request.body?.key === noticeKey && request.answered === 200)).toHaveLength(1);
  });
});
