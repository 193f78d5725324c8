import { Outlet, useParams } from 'react-router';
import { ChatList } from './ChatList';

/**
 * Chats: the list beside the open conversation (on phones, one or the other).
 * The list itself is AppShell's, shared with the rest of the signed-in app.
 */
export function ChatsPage() {
  const { conversationId } = useParams();
  return (
    <div className="chats" data-open={conversationId ? 'true' : 'false'}>
      <ChatList />
      <Outlet />
    </div>
  );
}
