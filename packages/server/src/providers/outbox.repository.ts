import type { Kysely } from 'kysely';
import type { OutboxEntry } from '@carillon/protocol/operator';
import type { Database } from '../platform/db/schema';

/** The local delivery log that default SMS and e-mail providers write to. */
export class OutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(entry: OutboxEntry): Promise<void> {
    await this.db
      .insertInto('outbox')
      .values({
        id: entry.id,
        channel: entry.channel,
        destination: entry.destination,
        subject: entry.subject,
        body: entry.body,
        created_at: entry.createdAt,
      })
      .execute();
  }

  /** Newest first. */
  async latest(limit: number): Promise<OutboxEntry[]> {
    const rows = await this.db
      .selectFrom('outbox')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      destination: r.destination,
      subject: r.subject,
      body: r.body,
      createdAt: r.created_at,
    }));
  }
}
