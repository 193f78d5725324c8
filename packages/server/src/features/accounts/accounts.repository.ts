import type { Kysely } from 'kysely';
import type { Database, UsersTable } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Identifier } from './identifiers';

export type UserRow = UsersTable;

/** Unique-constraint violations, as SQLite and PostgreSQL report them. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Users and their profile row, created together. */
export class AccountsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates the user and an empty profile in one transaction; `account_exists` on a taken identifier. */
  async create(user: UserRow, profile: { nickname: string; visibility: string }): Promise<void> {
    try {
      await this.db.transaction().execute(async (tx) => {
        await tx.insertInto('users').values(user).execute();
        await tx
          .insertInto('profiles')
          .values({
            user_id: user.id,
            nickname: profile.nickname,
            avatar_hash: null,
            real_name: null,
            gender: null,
            birthday: null,
            work_region: null,
            enterprise_email: null,
            visibility: profile.visibility,
            updated_at: user.created_at,
          })
          .execute();
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('account_exists', 'An account with this phone number or e-mail exists.');
      throw error;
    }
  }

  async findByIdentifier(id: Identifier): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where(id.kind === 'phone' ? 'phone' : 'email', '=', id.value)
      .executeTakeFirst();
  }

  async findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Which of these phone numbers and e-mail addresses belong to an account: contact → user id. */
  async usersByContact(contacts: string[]): Promise<Map<string, string>> {
    const owners = new Map<string, string>();
    if (contacts.length === 0) return owners;
    const wanted = new Set(contacts);
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'phone', 'email'])
      .where((eb) => eb.or([eb('phone', 'in', contacts), eb('email', 'in', contacts)]))
      .execute();
    for (const row of rows)
      for (const contact of [row.phone, row.email])
        if (contact !== null && wanted.has(contact)) owners.set(contact, row.id);
    return owners;
  }

  async setPassword(id: string, passwordHash: string, at: number): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: at })
      .where('id', '=', id)
      .execute();
  }

  async setFrozen(id: string, frozenAt: number | null): Promise<void> {
    await this.db.updateTable('users').set({ frozen_at: frozenAt }).where('id', '=', id).execute();
  }
}
