import type { JoinRequest } from '@carillon/protocol/messaging';
import type { Clock } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import { admitMember } from './admission';
import type { EventsService } from './events.service';
import type { JoinRequestRow } from './join-requests.repository';
import { loadConversationFor, requireGroup, requireManager } from './messaging.policy';
import type { MessagingStore } from './messaging.store';

function present(row: JoinRequestRow): JoinRequest {
  return {
    conversationId: row.conversation_id,
    userId: row.user_id,
    requestedAt: row.requested_at,
  };
}

/**
 * Join approval (MSG-5): with `joinApproval` on, joining by link waits here
 * until an owner or admin approves (the member limit still applies) or
 * declines. Applicants see their own waiting requests.
 */
export class JoinRequestsService {
  constructor(
    private readonly store: MessagingStore,
    private readonly events: EventsService,
    private readonly clock: Clock,
    private readonly memberLimit: number,
  ) {}

  /** A group's waiting requests; owners and admins only. */
  async pending(userId: string, conversationId: string): Promise<JoinRequest[]> {
    await this.requireManagerOf(this.store, userId, conversationId);
    return (await this.store.joinRequests.forConversation(conversationId)).map(present);
  }

  /** The caller's own waiting requests. */
  async mine(userId: string): Promise<JoinRequest[]> {
    return (await this.store.joinRequests.forUser(userId)).map(present);
  }

  /** Admits the applicant; `404` when no such request waits, `409` when the group is full. */
  async approve(userId: string, conversationId: string, applicantId: string): Promise<void> {
    await this.events.inTransaction(async (tx, emit) => {
      await this.requireManagerOf(tx, userId, conversationId);
      if (!(await tx.joinRequests.remove(conversationId, applicantId))) throw notFound('Request');
      await admitMember(tx, emit, conversationId, applicantId, this.memberLimit, this.clock.now());
    });
  }

  /** Turns the request down; the applicant hears of it (`join.declined`). */
  async decline(userId: string, conversationId: string, applicantId: string): Promise<void> {
    await this.events.inTransaction(async (tx, emit) => {
      await this.requireManagerOf(tx, userId, conversationId);
      if (!(await tx.joinRequests.remove(conversationId, applicantId))) throw notFound('Request');
      await emit([applicantId], 'join.declined', { conversationId, declinedBy: userId });
    });
  }

  private async requireManagerOf(store: MessagingStore, userId: string, conversationId: string) {
    const me = await loadConversationFor(store.conversations, userId, conversationId);
    requireGroup(me);
    requireManager(me);
  }
}
