import { Conversation } from '@carillon/protocol/messaging';
import { useRef } from 'react';
import { useServices } from '../../app/services';
import { useConversations } from '../chats/conversations';

/**
 * Finds the chat an event names in the conversation list the app keeps (it
 * knows mute state, name and kind), so a busy chat costs no request per
 * message. Only a chat the list does not know yet (just made or joined, the
 * list not re-read) is asked for, once for all the events that arrive while
 * that answer is on its way.
 */
export function useConversationLookup(): (id: string) => Promise<Conversation> {
  const { api } = useServices();
  const { conversations } = useConversations();
  const asking = useRef(new Map<string, Promise<Conversation>>());

  return (id) => {
    const known = conversations?.find((conversation) => conversation.id === id);
    if (known) return Promise.resolve(known);
    const pending = asking.current.get(id);
    if (pending) return pending;
    const answer = api
      .get(`/api/conversations/${id}`, { schema: Conversation })
      .finally(() => asking.current.delete(id));
    asking.current.set(id, answer);
    return answer;
  };
}
