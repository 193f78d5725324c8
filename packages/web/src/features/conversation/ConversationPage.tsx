import { MemberList, type Conversation, type Message } from '@carillon/protocol/messaging';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useServices } from '../../app/services';
import { useSession } from '../../session/session-context';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useConversations } from '../chats/conversations';
import { useConversationName } from '../chats/use-conversation-name';
import { Composer } from './Composer';
import { ForwardDialog } from './ForwardDialog';
import { MessageList } from './MessageList';
import { PresenceLine } from './PresenceLine';
import { TypingIndicator } from './TypingIndicator';
import { useMarkRead } from './use-mark-read';
import { useMessages } from './use-messages';
import { useReceipts } from './use-receipts';
import { useTyping } from './use-typing';

/**
 * The only recall the screen offers and the server refuses with `forbidden`
 * is one whose 24 hours ran out while it was on screen: say that.
 */
const RECALL_WORDING = { forbidden: 'conversationMore.recallTooLate' };

/** The member ids of a conversation, for @mentions. */
function useMemberIds(conversationId: string): string[] {
  const { api } = useServices();
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    api
      .get(`/api/conversations/${conversationId}/members`, { schema: MemberList })
      .then((list) => setIds(list.members.map((m) => m.userId)))
      .catch(() => setIds([]));
  }, [api, conversationId]);
  return ids;
}

/** An open conversation: header, messages, who is typing, and the composer. */
function ConversationView({ conversation, myId }: { conversation: Conversation; myId: string }) {
  const { t } = useTranslation();
  const { now } = useServices();
  const { patch } = useConversations();
  const name = useConversationName(conversation);
  const { messages, pending, error, send, retry, recall } = useMessages(conversation.id);
  const receipts = useReceipts(conversation.id, messages, myId);
  const { typing, notifyTyping } = useTyping(conversation.id, now);
  const memberIds = useMemberIds(conversation.id).filter((id) => id !== myId);
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [forwarding, setForwarding] = useState<Message | null>(null);
  const [forwardedTo, setForwardedTo] = useState<string | null>(null);
  const closeForward = useCallback(() => setForwarding(null), []);
  const newest = messages.at(-1)?.seq ?? 0;
  useMarkRead(conversation.id, newest, (readSeq) =>
    patch(conversation.id, { readSeq, unread: Math.max(0, conversation.lastSeq - readSeq) }),
  );

  const handleRecall = (message: Message) => {
    setActionError(null);
    recall(message.seq).catch(setActionError);
  };

  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <header className="conversation-header">
        <Link to="/chats" className="back-link">
          {t('conversation.back')}
        </Link>
        <h2 id="conversation-title">{name}</h2>
        {conversation.peerId ? <PresenceLine userId={conversation.peerId} /> : null}
      </header>
      <ErrorMessage error={error ?? actionError} wording={RECALL_WORDING} />
      <MessageList
        conversation={conversation}
        messages={messages}
        pending={pending}
        receipts={receipts}
        myId={myId}
        onReply={setReplyTo}
        onRecall={handleRecall}
        onForward={(message) => {
          setForwardedTo(null);
          setForwarding(message);
        }}
        onRetry={retry}
      />
      {forwarding ? (
        <ForwardDialog
          message={forwarding}
          onClose={closeForward}
          onForwarded={(target) => {
            setForwarding(null);
            setForwardedTo(target);
          }}
        />
      ) : null}
      <p role="status" className="forward-status">
        {forwardedTo ? t('conversationMore.forward.done', { name: forwardedTo }) : null}
      </p>
      <TypingIndicator userIds={typing} />
      {conversation.ended ? (
        // The colleague left the organization: the organization keeps the history, read-only.
        <p role="status" className="conversation-ended">
          {t('conversation.ended')}
        </p>
      ) : (
        <Composer
          memberIds={memberIds}
          canMentionEveryone={conversation.kind === 'group' && conversation.role !== 'member'}
          replyTo={replyTo}
          onCancelReply={() => setReplyTo(null)}
          onSend={send}
          onTyping={notifyTyping}
        />
      )}
    </section>
  );
}

/** The route `/chats/:conversationId`; waits for the list, says so when the chat is not one of ours. */
export function ConversationPage() {
  const { t } = useTranslation();
  const { conversationId } = useParams();
  const { conversations } = useConversations();
  const { account } = useSession();
  if (!account || !conversationId) return null;
  if (conversations === null) return <p role="status">{t('app.loading')}</p>;
  const conversation = conversations.find((c) => c.id === conversationId);
  if (!conversation)
    return (
      <section className="conversation">
        <p>{t('conversation.notFound')}</p>
      </section>
    );
  return <ConversationView key={conversation.id} conversation={conversation} myId={account.id} />;
}
