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
  const transport = nodemailer.createTransport(url);
  return {
    async send(m) {
      try {
        await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
      } catch (cause) {
        throw new AppError('unavailable', 'The mail server did not accept the message.', undefined, {
          cause,
        });
      }
    },
    close: () => transport.close(),
  };
}
