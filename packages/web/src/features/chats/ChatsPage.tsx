import { Outlet, useParams } from 'react-router';
import { ChatList } from './ChatList';
import { ConversationsProvider } from './conversations';

/** Chats: the list beside the open conversation (on phones, one or the other). */
export function ChatsPage() {
  const { conversationId } = useParams();
  return (
    <ConversationsProvider>
      <div className="chats" data-open={conversationId ? 'true' : 'false'}>
        <ChatList />
        <Outlet />
      </div>
    </ConversationsProvider>
  );
}
