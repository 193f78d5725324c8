import type { Conversation } from '@carillon/protocol/messaging';
import { useDisplayName } from '../people/use-profile';

/** A group's name, or the other person's nickname for a one-to-one chat. */
export function useConversationName(conversation: Conversation): string {
  const peer = useDisplayName(conversation.peerId);
  return conversation.kind === 'direct' ? peer : (conversation.name ?? peer);
}
