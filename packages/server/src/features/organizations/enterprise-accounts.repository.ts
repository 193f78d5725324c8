import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, EnterpriseAccountsTable, UsersTable } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { defaultVisibility } from '../profiles/visibility';
import type { MemberRow } from './organizations.repository';

export type EnterpriseAccountRow = EnterpriseAccountsTable;

/** Letters and digits that cannot be mistaken for one another when read aloud or typed. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

/** Unique-constraint violations, as SQLite and PostgreSQL report them. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Everything one new enterprise account is made of, written together. */
export interface NewEnterpriseAccount {
  user: UsersTable;
  nickname: string;
  account: EnterpriseAccountRow;
  member: MemberRow;
  departmentIds: string[];
}

/** Enterprise accounts (ORG-3) and the organization code they sign in with. */
export class EnterpriseAccountsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The organization's code, given out on first use and stable afterwards.
   * A concurrent first use or a (rare) collision with another organization's
   * code just tries again.
   */
  async codeOf(organizationId: string): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await this.db
        .selectFrom('organizations')
        .select('code')
        .where('id', '=', organizationId)
        .executeTakeFirstOrThrow();
      if (row.code) return row.code;
      const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(32)]).join('');
      try {
        await this.db
          .updateTable('organizations')
          .set({ code })
          .where('id', '=', organizationId)
          .where('code', 'is', null)
          .execute();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    throw new Error('Could not give out an organization code.');
  }

  /** Creates the user, profile, enterprise account and membership in one transaction. */
  async create(input: NewEnterpriseAccount): Promise<void> {
    try {
      await this.db.transaction().execute(async (tx) => {
        await tx.insertInto('users').values(input.user).execute();
        await tx
          .insertInto('profiles')
          .values({
            user_id: input.user.id,
            nickname: input.nickname,
            avatar_hash: null,
            real_name: null,
            gender: null,
            birthday: null,
            work_region: null,
            enterprise_email: null,
            visibility: JSON.stringify(defaultVisibility),
            updated_at: input.user.created_at,
          })
          .execute();
        await tx.insertInto('enterprise_accounts').values(input.account).execute();
        await tx.insertInto('organization_members').values(input.member).execute();
        if (input.departmentIds.length > 0)
          await tx
            .insertInto('organization_department_members')
            .values(
              input.departmentIds.map((department_id) => ({
                department_id,
                organization_id: input.account.organization_id,
                user_id: input.user.id,
              })),
            )
            .execute();
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('conflict', 'This organization has an account with this name.');
      throw error;
    }
  }

  /** The account an organization code and account name sign in to, with its password hash. */
  async findForLogin(code: string, accountName: string) {
    return this.db
      .selectFrom('enterprise_accounts as e')
      .innerJoin('organizations as o', 'o.id', 'e.organization_id')
      .innerJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.user_id', 'e.disabled_at', 'u.password_hash'])
      .where('o.code', '=', code.toUpperCase())
      .where('e.account_key', '=', accountName.toLowerCase())
      .executeTakeFirst();
  }

  /** The enterprise account a user signs in with, if theirs is one. */
  async findByUser(userId: string): Promise<EnterpriseAccountRow | undefined> {
    return this.db
      .selectFrom('enterprise_accounts')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /** One of the organization's enterprise accounts, with the member's name there. */
  async find(organizationId: string, userId: string) {
    return this.listQuery(organizationId).where('e.user_id', '=', userId).executeTakeFirst();
  }

  /** The organization's enterprise accounts, by account name. */
  async list(organizationId: string) {
    return this.listQuery(organizationId).orderBy('e.account_key').execute();
  }

  private listQuery(organizationId: string) {
    return this.db
      .selectFrom('enterprise_accounts as e')
      .leftJoin('organization_members as m', (join) =>
        join
          .onRef('m.user_id', '=', 'e.user_id')
          .onRef('m.organization_id', '=', 'e.organization_id'),
      )
      .innerJoin('profiles as p', 'p.user_id', 'e.user_id')
      .selectAll('e')
      .select(['m.name as member_name', 'p.nickname'])
      .where('e.organization_id', '=', organizationId);
  }

  async setDisabled(userId: string, disabledAt: number | null): Promise<void> {
    await this.db
      .updateTable('enterprise_accounts')
      .set({ disabled_at: disabledAt })
      .where('user_id', '=', userId)
      .execute();
  }

  /**
   * Sets the password the organization chose, and lifts a freeze the holder
   * put on: with no phone or e-mail to send a code to, the new password is
   * how the holder proves who they are again. Answers whether it was frozen.
   */
  async replacePassword(userId: string, passwordHash: string, at: number): Promise<boolean> {
    const before = await this.db
      .selectFrom('users')
      .select('frozen_at')
      .where('id', '=', userId)
      .executeTakeFirst();
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: at, frozen_at: null })
      .where('id', '=', userId)
      .execute();
    return before?.frozen_at != null;
  }

  /** The account's live sessions with their devices, newest activity first. */
  async sessions(userId: string, now: number) {
    return this.db
      .selectFrom('sessions as s')
      .innerJoin('devices as d', 'd.id', 's.device_id')
      .select([
        's.created_at',
        's.last_seen_at',
        's.ip_region',
        'd.name as device_name',
        'd.platform as device_platform',
      ])
      .where('s.user_id', '=', userId)
      .where('s.expires_at', '>', now)
      .orderBy('s.last_seen_at', 'desc')
      .execute();
  }
}
