import { randomUUID } from 'node:crypto';
import type { Message } from '@carillon/protocol/messaging';
import { request, type HttpPerson } from './http-api';

/** One send a client attempted; `acked` once the server answered 201 with the message. */
export interface Attempt {
  sender: HttpPerson;
  clientId: string;
  text: string;
  acked: boolean;
  /** The seq the server answered with, when acknowledged. */
  seq?: number;
}

/** How big a burst is and when it is cut short. */
export interface BurstPlan {
  /** Sends each sender makes at most. */
  perSender: number;
  /** Requests each sender keeps in flight (a phone retrying on a flaky link, several tabs…). */
  inFlight: number;
  /** Calls `interrupt` once this many sends were acknowledged… */
  interruptAfterAcks: number;
  /** …or once this much time has passed, whichever comes first. */
  interruptAfterMs: number;
  /** Cuts the server off (SIGKILL); the burst ends once every request has settled. */
  interrupt: () => Promise<void>;
}

/**
 * Every sender sends texts to one conversation, `inFlight` at a time, each
 * with its own clientId, until the server is interrupted; returns every send
 * attempted, acknowledged or not.
 */
export async function sendBurst(
  baseUrl: string,
  conversationId: string,
  senders: HttpPerson[],
  plan: BurstPlan,
): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  let acks = 0;
  let interrupted: Promise<void> | undefined;
  // Sending goes on until the interrupt is over, so some sends are always in flight when it lands.
  let over = false;
  const interrupt = () => (interrupted ??= plan.interrupt().finally(() => (over = true)));
  const timer = setTimeout(() => void interrupt(), plan.interruptAfterMs);

  async function worker(sender: HttpPerson, queue: string[]): Promise<void> {
    for (let clientId = queue.shift(); clientId && !over; clientId = queue.shift()) {
      const attempt: Attempt = { sender, clientId, text: `burst ${clientId}`, acked: false };
      attempts.push(attempt);
      try {
        const answer = await request(
          baseUrl,
          'POST',
          `/api/conversations/${conversationId}/messages`,
          {
            token: sender.token,
            body: { clientId, text: attempt.text },
          },
        );
        const message = answer.body as Message;
        attempt.acked = answer.status === 201 && message.clientId === clientId;
        if (attempt.acked) attempt.seq = message.seq;
      } catch {
        return; // The connection died with the server: this send stays unacknowledged.
      }
      if (attempt.acked && ++acks >= plan.interruptAfterAcks) void interrupt();
    }
  }

  try {
    await Promise.all(
      senders.flatMap((sender) => {
        const queue = Array.from({ length: plan.perSender }, () => randomUUID());
        return Array.from({ length: plan.inFlight }, () => worker(sender, queue));
      }),
    );
    await interrupt();
  } finally {
    clearTimeout(timer);
  }
  return attempts;
}
