import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';

export type NoticeKind =
  | 'new_device'
  | 'password_changed'
  | 'account_frozen'
  | 'account_unfrozen'
  | 'cancellation_withdrawn';

export interface SecurityNotice {
  id: string;
  kind: NoticeKind;
  detail: Record<string, string>;
  createdAt: number;
}

/** Security events recorded for the account owner to review (ACC-7). */
export class SecurityNoticesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(userId: string, notice: SecurityNotice): Promise<void> {
    await this.db
      .insertInto('security_notices')
      .values({
        id: notice.id,
        user_id: userId,
        kind: notice.kind,
        detail: JSON.stringify(notice.detail),
        created_at: notice.createdAt,
      })
      .execute();
  }

  /** Newest first. */
  async list(userId: string, limit = 100): Promise<SecurityNotice[]> {
    const rows = await this.db
      .selectFrom('security_notices')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as NoticeKind,
      detail: JSON.parse(r.detail) as Record<string, string>,
      createdAt: r.created_at,
    }));
  }
}
