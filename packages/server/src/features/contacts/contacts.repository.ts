import type { Kysely } from 'kysely';
import { PreparedQuery, slot } from '../../platform/db/prepared-query';
import type {
  ContactRequestsTable,
  ContactSettingsTable,
  Database,
} from '../../platform/db/schema';

// Two primary-key probes, not one OR: SQLite runs an OR of them as a multi-index
// scan with a temporary row set, on every direct send. No LIMIT: each probe finds at
// most one row, and a bound LIMIT on a compound select doubled the query's cost.
const blockBetween = new PreparedQuery((db) =>
  db
    .selectFrom('contact_blocks')
    .select('user_id')
    .where('user_id', '=', slot<string>(0))
    .where('blocked_id', '=', slot<string>(1))
    .unionAll(
      db
        .selectFrom('contact_blocks')
        .select('user_id')
        .where('user_id', '=', slot<string>(1))
        .where('blocked_id', '=', slot<string>(0)),
    ),
);

/** A pending friend request as stored. */
export type ContactRequestRow = ContactRequestsTable;
/** A person's discoverability switches as stored (nullable timestamps, ADR 2). */
export type ContactSettingsRow = ContactSettingsTable;

/** A related person and since when: a friend, a blocked person. */
export interface Relation {
  userId: string;
  since: number;
}

/** Friend requests, friendships (two rows per pair), blocks and discoverability settings. */
export class ContactsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Whether `a` and `b` are friends; implements the profiles' ContactsDirectory. */
  async areContacts(a: string, b: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('contacts')
      .select('user_id')
      .where('user_id', '=', a)
      .where('contact_id', '=', b)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Whether either of two people blocked the other (every message in a one-to-one chat asks). */
  async blockedBetween(a: string, b: string, db = this.db): Promise<boolean> {
    return (await blockBetween.first(db, a, b)) !== undefined;
  }

  /** Of `others`, those with a block between them and `userId`, in either direction. */
  async blockedAmong(userId: string, others: string[]): Promise<Set<string>> {
    if (others.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('contact_blocks')
      .select(['user_id', 'blocked_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('user_id', '=', userId), eb('blocked_id', 'in', others)]),
          eb.and([eb('blocked_id', '=', userId), eb('user_id', 'in', others)]),
        ]),
      )
      .execute();
    return new Set(rows.map((r) => (r.user_id === userId ? r.blocked_id : r.user_id)));
  }

  /** A person's discoverability row; undefined means the defaults (nobody may find them). */
  async settings(userId: string): Promise<ContactSettingsRow | undefined> {
    return this.db
      .selectFrom('contact_settings')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /** Of `userIds`, those who let others find them by phone number. */
  async phoneDiscoverable(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('contact_settings')
      .select('user_id')
      .where('user_id', 'in', userIds)
      .where('phone_discoverable_at', 'is not', null)
      .execute();
    return new Set(rows.map((r) => r.user_id));
  }

  /** Creates or replaces a person's discoverability row. */
  async saveSettings(row: ContactSettingsRow): Promise<void> {
    const { user_id: _, ...changes } = row;
    await this.db
      .insertInto('contact_settings')
      .values(row)
      .onConflict((oc) => oc.column('user_id').doUpdateSet(changes))
      .execute();
  }

  /** Adds a request unless the same one is already waiting. */
  async createRequest(row: ContactRequestRow): Promise<void> {
    await this.db
      .insertInto('contact_requests')
      .values(row)
      .onConflict((oc) => oc.columns(['from_user_id', 'to_user_id']).doNothing())
      .execute();
  }

  async findRequest(id: string): Promise<ContactRequestRow | undefined> {
    return this.db
      .selectFrom('contact_requests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async deleteRequest(id: string): Promise<void> {
    await this.db.deleteFrom('contact_requests').where('id', '=', id).execute();
  }

  /** Requests sent to and by a person, oldest first. */
  async requestsOf(userId: string): Promise<ContactRequestRow[]> {
    return this.db
      .selectFrom('contact_requests')
      .selectAll()
      .where((eb) => eb.or([eb('from_user_id', '=', userId), eb('to_user_id', '=', userId)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Makes two people friends (a row for each) and clears requests between them, atomically. */
  async befriend(a: string, b: string, at: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('contacts')
        .values([
          { user_id: a, contact_id: b, created_at: at },
          { user_id: b, contact_id: a, created_at: at },
        ])
        .onConflict((oc) => oc.columns(['user_id', 'contact_id']).doNothing())
        .execute();
      await this.clearBetween(tx, a, b);
    });
  }

  /** Ends a friendship on both sides; returns whether there was one. */
  async unfriend(a: string, b: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('contacts')
      .where((eb) =>
        eb.or([
          eb.and([eb('user_id', '=', a), eb('contact_id', '=', b)]),
          eb.and([eb('user_id', '=', b), eb('contact_id', '=', a)]),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** `userId` blocks `blockedId`: any friendship and pending request between them ends too. */
  async block(userId: string, blockedId: string, at: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('contact_blocks')
        .values({ user_id: userId, blocked_id: blockedId, created_at: at })
        .onConflict((oc) => oc.columns(['user_id', 'blocked_id']).doNothing())
        .execute();
      await tx
        .deleteFrom('contacts')
        .where((eb) =>
          eb.or([
            eb.and([eb('user_id', '=', userId), eb('contact_id', '=', blockedId)]),
            eb.and([eb('user_id', '=', blockedId), eb('contact_id', '=', userId)]),
          ]),
        )
        .execute();
      await this.clearBetween(tx, userId, blockedId);
    });
  }

  async unblock(userId: string, blockedId: string): Promise<void> {
    await this.db
      .deleteFrom('contact_blocks')
      .where('user_id', '=', userId)
      .where('blocked_id', '=', blockedId)
      .execute();
  }

  /** A person's friends, longest-standing first. */
  async contactsOf(userId: string): Promise<Relation[]> {
    const rows = await this.db
      .selectFrom('contacts')
      .select(['contact_id as userId', 'created_at as since'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('contact_id')
      .execute();
    return rows.map((r) => ({ userId: r.userId, since: Number(r.since) }));
  }

  /** The people a person blocked, with their nicknames. */
  async blockedBy(userId: string): Promise<(Relation & { nickname: string })[]> {
    const rows = await this.db
      .selectFrom('contact_blocks')
      .innerJoin('profiles', 'profiles.user_id', 'contact_blocks.blocked_id')
      .select(['contact_blocks.blocked_id as userId', 'contact_blocks.created_at as since'])
      .select('profiles.nickname')
      .where('contact_blocks.user_id', '=', userId)
      .orderBy('contact_blocks.created_at')
      .execute();
    return rows.map((r) => ({ ...r, since: Number(r.since) }));
  }

  private async clearBetween(tx: Kysely<Database>, a: string, b: string): Promise<void> {
    await tx
      .deleteFrom('contact_requests')
      .where((eb) =>
        eb.or([
          eb.and([eb('from_user_id', '=', a), eb('to_user_id', '=', b)]),
          eb.and([eb('from_user_id', '=', b), eb('to_user_id', '=', a)]),
        ]),
      )
      .execute();
  }
}
