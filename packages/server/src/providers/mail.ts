import nodemailer from 'nodemailer';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/errors';
import type { IdGenerator } from '../platform/ids';
import type { OutboxRepository } from './outbox.repository';

/** A plain-text e-mail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail. */
export interface MailProvider {
  send(message: MailMessage): Promise<void>;
}

/** Default: the e-mail lands in the outbox for an operator to read. */
export function outboxMail(outbox: OutboxRepository, ids: IdGenerator, clock: Clock): MailProvider {
  return {
    send: (m) =>
      outbox.add({
        id: ids.next(),
        channel: 'email',
        destination: m.to,
        subject: m.subject,
        body: m.text,
        createdAt: clock.now(),
      }),
  };
}

/** Sends through an SMTP server given as `smtp://user:pass@host:port` or `smtps://…`. */
export function smtpMail(url: string, from: string): MailProvider & { close(): void } {
  const transport = nodemailer.createTransport({
    url,
    // Like the SMS gateway's 10 s: a stalled server must fail the request, not
    // hold it for nodemailer's defaults (2 min to connect, 10 min idle).
    // Query parameters in the URL still override these.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 10_000,
  });
  return {
    async send(m) {
      try {
        await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
      } catch (cause) {
        throw new AppError(
          'unavailable',
          'The mail server did not accept the message.',
          undefined,
          { cause },
        );
      }
    },
    close: () => transport.close(),
  };
}
