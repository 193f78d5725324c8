import { Message, type Conversation } from '@carillon/protocol/messaging';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useModalFocus } from '../../ui/use-modal-focus';
import { searchChats } from '../chats/chat-search';
import { useConversations } from '../chats/conversations';
import { useConversationName } from '../chats/use-conversation-name';

/** One chat to forward into, named as the chat list names it. */
function ForwardTarget({
  conversation,
  busy,
  onPick,
}: {
  conversation: Conversation;
  busy: boolean;
  onPick: (conversation: Conversation, name: string) => void;
}) {
  const { t } = useTranslation();
  const name = useConversationName(conversation);
  return (
    <li>
      <button type="button" disabled={busy} onClick={() => onPick(conversation, name)}>
        {t('conversationMore.forward.to', { name })}
      </button>
    </li>
  );
}

/**
 * Picks one of my other chats and forwards `message` there
 * (POST /api/conversations/:target/forward). A client id per target makes a
 * second try after a lost answer return the first copy. Escape or Cancel
 * closes; focus goes back where it was.
 */
export function ForwardDialog({
  message,
  onClose,
  onForwarded,
}: {
  message: Message;
  onClose: () => void;
  onForwarded: (name: string) => void;
}) {
  const { t } = useTranslation();
  const { api, profiles } = useServices();
  const { conversations } = useConversations();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const clientIds = useRef(new Map<string, string>());
  const dialog = useRef<HTMLDivElement>(null);
  const targets = (conversations ?? []).filter((c) => c.id !== message.conversationId && !c.ended);
  const shown = searchChats(targets, query, profiles);

  useModalFocus(dialog, onClose);

  const forward = async (target: Conversation, name: string) => {
    const clientId = clientIds.current.get(target.id) ?? crypto.randomUUID();
    clientIds.current.set(target.id, clientId);
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/conversations/${target.id}/forward`, {
        body: { clientId, from: { conversationId: message.conversationId, seq: message.seq } },
        schema: Message,
      });
      onForwarded(name);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <div className="overlay">
      <div
        ref={dialog}
        className="dialog-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="forward-title"
        aria-describedby="forward-hint"
      >
        <h2 id="forward-title">{t('conversationMore.forward.title')}</h2>
        <p id="forward-hint" className="hint">
          {t('conversationMore.forward.hint')}
        </p>
        <ErrorMessage error={error} />
        {targets.length === 0 ? (
          <p>{t('conversationMore.forward.none')}</p>
        ) : (
          <div role="search" className="field">
            <label htmlFor={searchId}>{t('chats.search')}</label>
            <input
              id={searchId}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
        )}
        {targets.length > 0 && shown.length === 0 ? <p>{t('chats.noMatch')}</p> : null}
        <ul className="forward-targets">
          {shown.map((c) => (
            <ForwardTarget
              key={c.id}
              conversation={c}
              busy={busy}
              onPick={(target, name) => void forward(target, name)}
            />
          ))}
        </ul>
        <button type="button" onClick={onClose}>
          {t('conversationMore.forward.close')}
        </button>
      </div>
    </div>
  );
}
