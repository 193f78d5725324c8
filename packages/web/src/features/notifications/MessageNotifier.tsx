import { MessageKind } from '@carillon/protocol/messaging';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useServices } from '../../app/services';
import { useStream } from '../../realtime/use-stream';
import { useSession } from '../../session/session-context';
import { desktopNotificationsActive, showDesktopNotification } from './desktop-notifications';
import { useConversationLookup } from './use-conversation-lookup';

/**
 * Events older than this are catch-up after being away (a resume replays
 * them): the chat list's unread counts tell of those, not a burst of pop-ups.
 */
const FRESH_MS = 2 * 60 * 1000;

/** Whether a message mentions the person, by name or with @all (`message.created` says). */
type Mention = 'you' | 'all' | 'none';

function mentionIn(payload: Record<string, unknown>, myId: string | undefined): Mention {
  if (Array.isArray(payload.mentions) && payload.mentions.includes(myId)) return 'you';
  return payload.mentionAll === true ? 'all' : 'none';
}

/**
 * Pops up a desktop notification for a message from someone else, when
 * desktop notifications are on in this browser, the chat is not muted (or
 * the message mentions the person), and the person is not looking at that
 * chat. Events carry no message text, so the pop-up names the chat, the
 * sender and the kind, not the content.
 * Mute state, name and kind come from the conversation list the app keeps.
 */
export function MessageNotifier() {
  const { t } = useTranslation();
  const { profiles, now } = useServices();
  const lookUp = useConversationLookup();
  const { account } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const openPath = useRef(pathname);
  useEffect(() => {
    openPath.current = pathname;
  }, [pathname]);

  const announce = async (
    conversationId: string,
    senderId: string,
    kind: MessageKind,
    mention: Mention,
  ) => {
    const conversation = await lookUp(conversationId);
    // Muting silences a chat's chatter, not a message addressed to the person.
    if (conversation.muted && mention === 'none') return;
    const sender = (await profiles.fetch(senderId))?.nickname ?? t('people.someone');
    const what = t(`notifications.kind.${kind}`);
    const group = conversation.kind === 'group';
    const groupLine =
      mention === 'none'
        ? t('notifications.inGroup', { sender, what })
        : t(`notifications.mentioned.${mention}`, { sender });
    showDesktopNotification(group ? (conversation.name ?? sender) : sender, {
      body: group ? groupLine : what,
      tag: `conversation-${conversationId}`,
      onClick: () => void navigate(`/chats/${conversationId}`),
    });
  };

  useStream((event) => {
    if (event.type !== 'message.created' || !desktopNotificationsActive()) return;
    if (now() - event.createdAt > FRESH_MS) return;
    const { conversationId, senderId } = event.payload;
    const kind = MessageKind.safeParse(event.payload.kind);
    if (typeof conversationId !== 'string' || typeof senderId !== 'string' || !kind.success) return;
    if (senderId === account?.id) return;
    const looking =
      document.visibilityState === 'visible' && openPath.current === `/chats/${conversationId}`;
    if (looking) return;
    const mention = mentionIn(event.payload, account?.id);
    // A chat left or gone since the event: nothing to announce.
    announce(conversationId, senderId, kind.data, mention).catch(() => undefined);
  });
  return null;
}
