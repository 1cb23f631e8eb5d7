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

/** The directory's addresses (each user's own `email`): the kindergarten's two users, the county-wide supervisor one. */
const contactsFor = (kindergartenId: string): { kindergarten: string[]; supervisors: string[] } => ({
  kindergarten: [`director@${kindergartenId}.example.cn`, `office@${kindergartenId}.example.cn`],
  supervisors: ['wang@edu.example.cn'],
});

/** Gives the users their addresses through the API, before anything is issued: the director, an office user, the supervisor. */
const inDirectory = (app: TestApp, contacts: { kindergarten: string[]; supervisors: string[] }) => async (kindergarten: { id: string }) => {
  const admin = app.token('admin');
  const director = `director-${kindergarten.id}`;
  // the director as its tokens name it (registered by the harness), with its address
  app.token('kindergarten', { sub: director, kindergartenId: kindergarten.id });
  const replies = [
    await app.call('PUT', `/users/${director}`, {
      token: admin,
      body: { name: director, role: 'kindergarten', kindergartenId: kindergarten.id, email: contacts.kindergarten[0] },
    }),
    await app.call('POST', '/users', {
      token: admin,
      body: {
        id: `office-${kindergarten.id}`,
        name: '园办公室',
        role: 'kindergarten',
        kindergartenId: kindergarten.id,
        email: contacts.kindergarten[1],
        serviceAccount: true,
      },
    }),
    await app.call('PUT', '/users/supervisor-user', {
      token: admin,
      body: { name: 'supervisor-user', role: 'supervisor', email: contacts.supervisors[0] },
    }),
  ];
  expect(replies.map((reply) => reply.status)).toEqual([200, 201, 200]);
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
    const contacts = contactsFor(kindergartenId);
    const { smtp, webhook } = await servers();
    // the reminder fails twice at the receiving end, then gets through
    let reminderAttempts = 0;
    webhook.behave((_index, body) => (body?.kind === 'rectification-reminder' && ++reminderAttempts <= 2 ? 500 : 200));
    const { app, probe } = await engineWith({ SMTP_URL: smtp.url, WEBHOOK_URL: webhook.url });
    const issued = await issueDueIn(app, 4_000, { kindergartenId, beforeIssue: inDirectory(app, contacts) });
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
      const contacts = contactsFor(kindergartenId);
      const { smtp, webhook } = await servers({ refuse: failing === 'email' });
      if (failing === 'webhook') webhook.behave(() => 500);
      const { app, probe } = await engineWith({ SMTP_URL: smtp.url, WEBHOOK_URL: webhook.url });
      const issued = await issueDueIn(app, 4_000, { kindergartenId, beforeIssue: inDirectory(app, contacts) });
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

  it('mails a report to the supervisors who see the kindergarten, at their own directory address: not to one of another township', async () => {
    const { smtp } = await servers();
    const { app } = await engineWith({ SMTP_URL: smtp.url });
    const admin = app.token('admin');
    const supervisor = async (id: string, email: string, townships?: string[]) =>
      (
        await app.call('POST', '/users', {
          token: admin,
          body: { id, name: id, role: 'supervisor', email, serviceAccount: true, ...(townships ? { townships } : {}) },
        })
      ).status;
    const [inside, outside, countyWide] = [freshId('du'), freshId('du'), freshId('du')];
    expect([
      await supervisor(inside, `${inside}@edu.example.cn`, ['城关镇']),
      await supervisor(outside, `${outside}@edu.example.cn`, ['honghe']),
      await supervisor(countyWide, `${countyWide}@edu.example.cn`),
    ]).toEqual([201, 201, 201]);
    const issued = await issueDueIn(app, 600_000);
    expect(issued.kindergarten.township).toBe('chengguan');
    const steps = issued.steps;
    expect((await app.call('POST', `/rectifications/${issued.id}/acknowledgement`, { token: issued.director })).status).toBe(200);
    expect((await app.call('POST', `/rectifications/${issued.id}/reports`, { token: issued.director, body: steps.report(['S-01']) })).status).toBe(
      200,
    );

    await waitUntil(() => smtp.mails.some((mail) => mail.headers['x-notification-kind'] === 'report-submitted'), {
      what: 'the report-submitted mail',
    });
    await waitUntil(async () => (await recorded(app, issued, 'email')).includes(`${issued.id}.report.1|supervisors`), {
      what: 'its delivery recorded',
    });
    const mails = smtp.mails.filter((mail) => mail.headers['x-notification-kind'] === 'report-submitted');
    expect(mails).toHaveLength(1);
    expect([...mails[0]!.rcptTo].sort()).toEqual([`${countyWide}@edu.example.cn`, `${inside}@edu.example.cn`].sort());
    expect(smtp.mails.some((mail) => mail.rcptTo.includes(`${outside}@edu.example.cn`))).toBe(false);
    const item = (await inboxOf(app, app.token('supervisor', { sub: inside, townships: ['chengguan'] }))).find(
      (each: any) => each.kind === 'report-submitted' && each.refs.rectificationId === issued.id,
    );
    expect(mails[0]!.subject).toBe(item.subject);
  });

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
