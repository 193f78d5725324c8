import type { Kysely } from 'kysely';
import type {
  ConversationMembersTable,
  ConversationsTable,
  Database,
} from '../../platform/db/schema';
import { PreparedQuery, slot } from '../../platform/db/prepared-query';
import { logHead } from './events.repository';

export type ConversationRow = ConversationsTable;
export type MemberRow = ConversationMembersTable;
/** A member to add; the repository sets where in the event log they join. */
export type NewMember = Omit<MemberRow, 'joined_position'>;
export type MemberChanges = Partial<Pick<MemberRow, 'role' | 'muted_at' | 'pinned_at'>>;

/** A membership joined with its conversation: what one member sees of it (`peer_id` in direct chats). */
export type MembershipRow = ConversationRow &
  Omit<MemberRow, 'conversation_id' | 'joined_position'> & {
    peer_id: string | null;
    ended_at: number | null;
  };

/** A membership with the caller's unread count, for the conversation list. */
export type ListedMembershipRow = MembershipRow & { unread: number };

function membershipsIn(db: Kysely<Database>) {
  return db
    .selectFrom('conversation_members as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .leftJoin('direct_chats as d', (join) =>
      join.onRef('d.conversation_id', '=', 'c.id').onRef('d.user_id', '=', 'm.user_id'),
    )
    .leftJoin('colleague_chats as cc', (join) =>
      join.onRef('cc.conversation_id', '=', 'c.id').onRef('cc.user_id', '=', 'm.user_id'),
    )
    .selectAll('c')
    .select([
      'm.user_id',
      'm.role',
      'm.read_seq',
      'm.muted_at',
      'm.pinned_at',
      'm.joined_at',
      'm.joined_seq',
      'cc.ended_at',
    ])
    .select((eb) => eb.fn.coalesce('d.peer_id', 'cc.peer_id').as('peer_id'));
}

const findMembership = new PreparedQuery((db) =>
  membershipsIn(db)
    .where('m.conversation_id', '=', slot<string>(0))
    .where('m.user_id', '=', slot<string>(1)),
);

const memberIds = new PreparedQuery((db) =>
  db
    .selectFrom('conversation_members')
    .select('user_id')
    .where('conversation_id', '=', slot<string>(0))
    .orderBy('user_id'),
);

const nextSeq = new PreparedQuery((db) =>
  db
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_activity_at: slot<number>(1) }))
    .where('id', '=', slot<string>(0))
    .returning('last_seq'),
);

const advanceRead = new PreparedQuery((db) =>
  db
    .updateTable('conversation_members')
    .set({ read_seq: slot<number>(2) })
    .where('conversation_id', '=', slot<string>(0))
    .where('user_id', '=', slot<string>(1))
    .where('read_seq', '<', slot<number>(2)),
);

/** Conversations and their members; read positions live on the member rows. */
export class ConversationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(conversation: ConversationRow, members: NewMember[]): Promise<void> {
    await this.db.insertInto('conversations').values(conversation).execute();
    // A department group may start empty.
    if (members.length === 0) return;
    // A member joining now sees the conversation's events after the log's current position.
    const joined_position = await logHead(this.db);
    await this.db
      .insertInto('conversation_members')
      .values(members.map((member) => ({ ...member, joined_position })))
      .execute();
  }

  private memberships() {
    return membershipsIn(this.db);
  }

  async find(id: string): Promise<ConversationRow | undefined> {
    return this.db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The conversation as `userId` sees it, or undefined when they are not a member. */
  async findMembership(conversationId: string, userId: string): Promise<MembershipRow | undefined> {
    return findMembership.first(this.db, conversationId, userId);
  }

  /** A person's conversations (or one of them) with unread counts: pinned first, then by activity. */
  async listFor(userId: string, conversationId?: string): Promise<ListedMembershipRow[]> {
    let query = this.memberships()
      .select((eb) =>
        eb
          .selectFrom('messages as msg')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('msg.conversation_id', '=', 'c.id')
          .whereRef('msg.seq', '>', 'm.read_seq')
          .where((e) => e.or([e('msg.sender_id', 'is', null), e('msg.sender_id', '!=', userId)]))
          .as('unread'),
      )
      .where('m.user_id', '=', userId);
    if (conversationId) query = query.where('m.conversation_id', '=', conversationId);
    return query
      .orderBy((eb) => eb.case().when('m.pinned_at', 'is', null).then(1).else(0).end())
      .orderBy('m.pinned_at', 'desc')
      .orderBy('c.last_activity_at', 'desc')
      .orderBy('c.id', 'desc')
      .execute() as Promise<ListedMembershipRow[]>;
  }

  async members(conversationId: string): Promise<MemberRow[]> {
    return this.db
      .selectFrom('conversation_members')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('joined_at')
      .orderBy('user_id')
      .execute();
  }

  async memberIds(conversationId: string): Promise<string[]> {
    const rows = await memberIds.rows(this.db, conversationId);
    return rows.map((m) => m.user_id);
  }

  /**
   * Adds a member unless the group is full; the guarded counter update is
   * atomic, so concurrent joins never pass the limit. False when full. The
   * update locks the conversation row, so the `last_seq` it returns is the
   * newest message: the member starts with it read, and owns no older receipts.
   */
  async addMember(member: NewMember, limit: number): Promise<boolean> {
    const counted = await this.db
      .updateTable('conversations')
      .set((eb) => ({ member_count: eb('member_count', '+', 1) }))
      .where('id', '=', member.conversation_id)
      .where('member_count', '<', limit)
      .returning('last_seq')
      .executeTakeFirst();
    if (!counted) return false;
    const lastSeq = Number(counted.last_seq);
    await this.db
      .insertInto('conversation_members')
      .values({
        ...member,
        read_seq: lastSeq,
        joined_seq: lastSeq,
        joined_position: await logHead(this.db),
      })
      .execute();
    return true;
  }

  /** The conversation `userId` has with `peerId`, if any. */
  async findDirect(userId: string, peerId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('direct_chats')
      .select('conversation_id')
      .where('user_id', '=', userId)
      .where('peer_id', '=', peerId)
      .executeTakeFirst();
    return row?.conversation_id;
  }

  /**
   * Records both sides of a direct chat, in sorted order: a concurrent
   * creator of the same pair waits on the first row and then fails its
   * primary key, never deadlocks.
   */
  async insertDirectPair(conversationId: string, a: string, b: string): Promise<void> {
    const [low, high] = [a, b].sort() as [string, string];
    for (const [user_id, peer_id] of [
      [low, high],
      [high, low],
    ] as const)
      await this.db
        .insertInto('direct_chats')
        .values({ user_id, peer_id, conversation_id: conversationId })
        .execute();
  }

  /** Removes a member; false when they were not one. */
  async removeMember(conversationId: string, userId: string): Promise<boolean> {
    const removed = await this.db
      .deleteFrom('conversation_members')
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await this.db
      .updateTable('conversations')
      .set((eb) => ({ member_count: eb('member_count', '-', 1) }))
      .where('id', '=', conversationId)
      .execute();
    return true;
  }

  async updateMember(conversationId: string, userId: string, changes: MemberChanges) {
    await this.db
      .updateTable('conversation_members')
      .set(changes)
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .execute();
  }

  async update(
    id: string,
    changes: Partial<Pick<ConversationRow, 'name' | 'announcement' | 'join_approval_at'>>,
  ) {
    if (Object.keys(changes).length === 0) return;
    await this.db.updateTable('conversations').set(changes).where('id', '=', id).execute();
  }

  /**
   * Takes the next seq. The update locks the conversation row until commit,
   * so concurrent senders queue here and get contiguous numbers.
   */
  async nextSeq(id: string, at: number): Promise<number> {
    const row = await nextSeq.first(this.db, id, at);
    if (!row) throw new Error(`no conversation ${id}`);
    return Number(row.last_seq);
  }

  /** Moves a read position forward only; true when it moved. */
  async advanceRead(conversationId: string, userId: string, seq: number): Promise<boolean> {
    return (await advanceRead.affected(this.db, conversationId, userId, seq)) > 0;
  }

  /** Deletes a conversation; its members, messages and marks go by cascade. */
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('conversations').where('id', '=', id).execute();
  }
}
