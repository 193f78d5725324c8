import type { Kysely } from 'kysely';
import { GroupCommit } from '../../platform/db/group-commit';
import type { Database } from '../../platform/db/schema';
import { ConversationsRepository } from './conversations.repository';
import { EventsRepository } from './events.repository';
import { JoinRequestsRepository } from './join-requests.repository';
import { MessagesRepository } from './messages.repository';
import { OrgConversationsRepository } from './org-conversations.repository';

/** The messaging repositories over one connection, and a way to run work in a transaction. */
export interface MessagingStore {
  conversations: ConversationsRepository;
  messages: MessagesRepository;
  events: EventsRepository;
  joinRequests: JoinRequestsRepository;
  orgConversations: OrgConversationsRepository;
  /**
   * Runs `work` with repositories bound to one transaction; nested calls join
   * it. Concurrent calls are group-committed (platform/db/group-commit.ts):
   * `work` may run again if the shared transaction fails, so it must keep
   * its effects inside the transaction, or start them afresh on each run.
   */
  transaction<T>(work: (tx: MessagingStore) => Promise<T>): Promise<T>;
  /**
   * Runs another feature's query on this store's connection: inside its
   * transaction when the store is bound to one (a send's block check, which
   * on SQLite must not wait for the lock its own transaction holds).
   */
  within<T>(query: (db: Kysely<Database>) => T): T;
}

function repositories(db: Kysely<Database>) {
  return {
    conversations: new ConversationsRepository(db),
    messages: new MessagesRepository(db),
    events: new EventsRepository(db),
    joinRequests: new JoinRequestsRepository(db),
    orgConversations: new OrgConversationsRepository(db),
  };
}

/** Builds the store; services see repositories and transactions, never Kysely. */
export function messagingStore(db: Kysely<Database>): MessagingStore {
  const commits = new GroupCommit(db);
  return {
    ...repositories(db),
    transaction: (work) => commits.run(async (trx) => work(messagingStoreIn(trx))),
    within: (query) => query(db),
  };
}

/**
 * The store bound to a transaction someone else opened (an organization
 * change, ADR 12): its `transaction` joins that one instead of starting another.
 */
export function messagingStoreIn(trx: Kysely<Database>): MessagingStore {
  const tx: MessagingStore = {
    ...repositories(trx),
    transaction: (inner) => inner(tx),
    within: (query) => query(trx),
  };
  return tx;
}
