import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly mailFrom: string;
  /** The envelope's recipients (RCPT TO). */
  readonly rcptTo: string[];
  /** Header names in lower case, values unfolded and decoded (RFC 2047). */
  readonly headers: Record<string, string>;
  readonly subject: string;
  /** The text body, decoded (base64 or quoted-printable, UTF-8). */
  readonly text: string;
  readonly raw: string;
}

export interface SmtpServer {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  readonly url: string;
  readonly mails: ReceivedMail[];
  /** How many recipients were refused (with `refuse`). */
  refused(): number;
  close(): Promise<void>;
}

/** RFC 2047 encoded words: `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=`, adjacent ones joined. */
const decodeWords = (value: string): string =>
  value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_hex, code: string) => String.fromCharCode(parseInt(code, 16))),
          'latin1',
        ).toString('utf8'),
  );

const decodeQuotedPrintable = (body: string): string =>
  Buffer.from(
    body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_hex, code: string) => String.fromCharCode(parseInt(code, 16))),
    'latin1',
  ).toString('utf8');

/** Enough of RFC 5322 / MIME for the single-part text messages the engine sends. */
export const parseMail = (raw: string): Pick<ReceivedMail, 'headers' | 'subject' | 'text'> => {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return { headers, subject: headers['subject'] ?? '', text: text.replace(/\r\n/g, '\n').replace(/\n$/, '') };
};

/**
 * A real SMTP server (the `smtp-server` package) on a free local port, keeping every message it receives; with
 * `refuse`, it answers every recipient with a temporary failure (451), as a mail server in trouble does.
 */
export const startSmtpServer = async (options: { refuse?: boolean } = {}): Promise<SmtpServer> => {
  const mails: ReceivedMail[] = [];
  let refused = 0;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    // plain SMTP on localhost: no certificate to trust
    disabledCommands: ['STARTTLS', 'AUTH'],
    onRcptTo(_address, _session, callback) {
      if (!options.refuse) return callback();
      refused += 1;
      callback(Object.assign(new Error('mailbox temporarily unavailable'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = session.envelope;
        mails.push({
          mailFrom: envelope.mailFrom ? envelope.mailFrom.address : '',
          rcptTo: envelope.rcptTo.map((address) => address.address),
          raw,
          ...parseMail(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refused: () => refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
