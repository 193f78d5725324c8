import type { Kysely } from 'kysely';
import type { Database, JoinRequestsTable } from '../../platform/db/schema';

export type JoinRequestRow = JoinRequestsTable;

/** Requests to join groups that need approval: one per person and group. */
export class JoinRequestsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records a request; asking again keeps the first one. True when it is new. */
  async request(row: JoinRequestRow): Promise<boolean> {
    const inserted = await this.db
      .insertInto('join_requests')
      .values(row)
      .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async find(conversationId: string, userId: string): Promise<JoinRequestRow | undefined> {
    return this.db
      .selectFrom('join_requests')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /** A group's waiting requests, oldest first. */
  async forConversation(conversationId: string): Promise<JoinRequestRow[]> {
    return this.db
      .selectFrom('join_requests')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('requested_at')
      .orderBy('user_id')
      .execute();
  }

  /** A person's own waiting requests, newest first. */
  async forUser(userId: string): Promise<JoinRequestRow[]> {
    return this.db
      .selectFrom('join_requests')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('requested_at', 'desc')
      .execute();
  }

  /** Removes a request (approved or declined); false when there was none. */
  async remove(conversationId: string, userId: string): Promise<boolean> {
    const removed = await this.db
      .deleteFrom('join_requests')
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(removed.numDeletedRows) > 0;
  }
}
