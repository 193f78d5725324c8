import type { MemberRow } from './organizations.repository';
import { memberSearchKey } from './search-key';

/** A fresh membership: the person's nickname as their name until an administrator sets one. */
export function newMemberRow(
  organizationId: string,
  userId: string,
  name: string,
  role: MemberRow['role'],
  joinedAt: number,
): MemberRow {
  return {
    organization_id: organizationId,
    user_id: userId,
    role,
    admin_scope: null,
    name,
    search_key: memberSearchKey({ name }),
    position: null,
    job_number: null,
    office_email: null,
    office_phone: null,
    joined_at: joinedAt,
  };
}
