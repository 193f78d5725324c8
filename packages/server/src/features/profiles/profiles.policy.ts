import type { Visibility } from '@carillon/protocol/profiles';

/** Whether two people are contacts; the messaging feature's friend list answers it. */
export interface ContactsDirectory {
  areContacts(a: string, b: string): Promise<boolean>;
}

/** The relation a viewer has to a profile's owner. */
export type Relation = 'self' | 'contact' | 'stranger';

/** Works out the relation once, so each field check is a table lookup. */
export async function relationOf(
  viewerId: string | undefined,
  ownerId: string,
  contacts: ContactsDirectory,
): Promise<Relation> {
  if (viewerId === ownerId) return 'self';
  if (viewerId && (await contacts.areContacts(viewerId, ownerId))) return 'contact';
  return 'stranger';
}

/** The one rule for optional profile fields (ACC-3, PRIV-19). */
export function canSee(relation: Relation, visibility: Visibility): boolean {
  if (relation === 'self') return true;
  if (visibility === 'public') return true;
  return visibility === 'contacts' && relation === 'contact';
}
