import type { Kysely } from 'kysely';
import type {
  Database,
  OrganizationApplicationsTable,
  OrganizationInvitationsTable,
} from '../../platform/db/schema';

export type InvitationRow = OrganizationInvitationsTable;
export type ApplicationRow = OrganizationApplicationsTable;

/** Phone invitations, short join codes and applications to join. */
export class JoiningRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertInvitation(row: InvitationRow): Promise<void> {
    await this.db.insertInto('organization_invitations').values(row).execute();
  }

  async findCode(code: string): Promise<InvitationRow | undefined> {
    return this.db
      .selectFrom('organization_invitations')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirst();
  }

  /** Unanswered, unexpired invitations to a phone number, with the organization's name. */
  async pendingFor(phone: string, now: number) {
    return this.db
      .selectFrom('organization_invitations as i')
      .innerJoin('organizations as o', 'o.id', 'i.organization_id')
      .select(['i.id', 'i.organization_id', 'i.expires_at', 'o.name'])
      .where('i.phone', '=', phone)
      .where('i.answered_at', 'is', null)
      .where('i.expires_at', '>', now)
      .orderBy('i.created_at')
      .execute();
  }

  async findInvitation(id: string): Promise<InvitationRow | undefined> {
    return this.db
      .selectFrom('organization_invitations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Marks an invitation answered; false when someone answered it first. */
  async answer(id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('organization_invitations')
      .set({ answered_at: at })
      .where('id', '=', id)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The caller's own registered phone number, to find invitations addressed to it. */
  async phoneOf(userId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('users')
      .select('phone')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.phone ?? null;
  }

  async insertApplication(row: ApplicationRow): Promise<void> {
    await this.db.insertInto('organization_applications').values(row).execute();
  }

  async pendingApplication(organizationId: string, userId: string) {
    return this.db
      .selectFrom('organization_applications')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
  }

  async findApplication(organizationId: string, id: string): Promise<ApplicationRow | undefined> {
    return this.db
      .selectFrom('organization_applications')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Pending applications with the applicant's nickname, oldest first. */
  async listPending(organizationId: string) {
    return this.db
      .selectFrom('organization_applications as a')
      .innerJoin('profiles as p', 'p.user_id', 'a.user_id')
      .selectAll('a')
      .select('p.nickname')
      .where('a.organization_id', '=', organizationId)
      .where('a.status', '=', 'pending')
      .orderBy('a.created_at')
      .execute();
  }

  /** Decides a pending application; false when it was decided already. */
  async decide(id: string, status: 'approved' | 'declined', at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('organization_applications')
      .set({ status, decided_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
