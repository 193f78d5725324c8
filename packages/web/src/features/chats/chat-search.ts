import type { Conversation } from '@carillon/protocol/messaging';
import type { ProfileCache } from '../people/profile-cache';

/**
 * The chats whose name (a group's name, or the other person's nickname)
 * contains `query`, ignoring case and surrounding spaces; all of them for
 * an empty query. Order is kept.
 */
export function searchChats(
  conversations: Conversation[],
  query: string,
  profiles: ProfileCache,
): Conversation[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return conversations;
  return conversations.filter((c) => {
    const name = c.kind === 'direct' ? profiles.get(c.peerId ?? '')?.nickname : c.name;
    return (name ?? '').toLowerCase().includes(needle);
  });
}
