import type { Clock } from '../platform/clock';
import { AppError } from '../platform/errors';
import type { IdGenerator } from '../platform/ids';
import type { OutboxRepository } from './outbox.repository';

/** Sends a text message to an E.164 number. */
export interface SmsProvider {
  send(to: string, text: string): Promise<void>;
}

/** Default: the message lands in the outbox, which an operator reads and relays. */
export function outboxSms(outbox: OutboxRepository, ids: IdGenerator, clock: Clock): SmsProvider {
  return {
    send: (to, text) =>
      outbox.add({
        id: ids.next(),
        channel: 'sms',
        destination: to,
        subject: null,
        body: text,
        createdAt: clock.now(),
      }),
  };
}

/**
 * Posts `{ "to", "text" }` as JSON to a gateway URL with an optional bearer
 * token: the common shape of SMS gateway HTTP APIs, adaptable with a proxy.
 */
export function httpSms(url: string, token: string | undefined): SmsProvider {
  return {
    async send(to, text) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ to, text }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (cause) {
        throw new AppError('unavailable', 'The SMS gateway could not be reached.', undefined, {
          cause,
        });
      }
      // Release the connection; the gateway's answer body carries nothing we use.
      await response.body?.cancel();
      if (!response.ok)
        throw new AppError(
          'unavailable',
          `The SMS gateway refused the message (${response.status}).`,
        );
    },
  };
}
