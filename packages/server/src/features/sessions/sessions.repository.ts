import type { Kysely } from 'kysely';
import { PreparedQuery, slot } from '../../platform/db/prepared-query';
import type { Database, DevicesTable, SessionsTable } from '../../platform/db/schema';
import { SessionCache } from './session-cache';

export type DeviceRow = DevicesTable;
export type SessionRow = SessionsTable;

const byTokenHash = new PreparedQuery((db) =>
  db.selectFrom('sessions').selectAll().where('token_hash', '=', slot<string>(0)),
);

/** Devices and the sessions signed in on them. */
export class SessionsRepository {
  /** Lookups by token skip the database where their rows can be watched (session-cache.ts). */
  private readonly cache: SessionCache | undefined;

  constructor(private readonly db: Kysely<Database>) {
    this.cache = SessionCache.over(db);
  }

  /** Stops the lookup cache hearing of changes, when the app closes. */
  close(): void {
    this.cache?.stop();
  }

  async findDevice(userId: string, deviceId: string): Promise<DeviceRow | undefined> {
    return this.db
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', deviceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  async countDevices(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('devices')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertDevice(row: DeviceRow): Promise<void> {
    await this.db.insertInto('devices').values(row).execute();
  }

  async touchDevice(id: string, name: string, at: number): Promise<void> {
    await this.db
      .updateTable('devices')
      .set({ name, last_seen_at: at })
      .where('id', '=', id)
      .execute();
  }

  async insertSession(row: SessionRow): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  async findByTokenHash(tokenHash: string): Promise<Readonly<SessionRow> | undefined> {
    const { cache } = this;
    if (!cache) return byTokenHash.first(this.db, tokenHash);
    const cached = cache.get(tokenHash);
    if (cached) return cached;
    const mark = cache.mark();
    const row = await byTokenHash.first(this.db, tokenHash);
    if (row) cache.keep(row, mark);
    return row;
  }

  async touchSession(id: string, at: number, expiresAt: number): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: at, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  }

  /** Live sessions of a user with their device, newest activity first. */
  async listWithDevices(userId: string, now: number) {
    return this.db
      .selectFrom('sessions')
      .innerJoin('devices', 'devices.id', 'sessions.device_id')
      .select([
        'sessions.id',
        'sessions.created_at',
        'sessions.last_seen_at',
        'sessions.ip_region',
        'devices.id as device_id',
        'devices.name as device_name',
        'devices.platform as device_platform',
      ])
      .where('sessions.user_id', '=', userId)
      .where('sessions.expires_at', '>', now)
      .orderBy('sessions.last_seen_at', 'desc')
      .execute();
  }

  /** Ends one session of a user; false when it is not theirs or already gone. */
  async delete(userId: string, sessionId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('id', '=', sessionId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Of `ids`, the sessions that still exist and have not expired by `now`. */
  async liveAmong(ids: string[], now: number): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('sessions')
      .select('id')
      .where('id', 'in', ids)
      .where('expires_at', '>', now)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Ends every session of a user except `keep`; returns how many ended. */
  async deleteAllExcept(userId: string, keep: string | null): Promise<number> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keep) query = query.where('id', '!=', keep);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
