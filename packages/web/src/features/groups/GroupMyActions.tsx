import type { Conversation } from '@carillon/protocol/messaging';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServices } from '../../app/services';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Switch } from '../../ui/Switch';
import { useConversations } from '../chats/conversations';

/** Mute and pin (for me only), leave (not the owner: hand it over first), dissolve (owner). */
export function GroupMyActions({
  group,
  onChanged,
}: {
  group: Conversation;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const { reload } = useConversations();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const base = `/api/conversations/${group.id}`;

  const setting = async (key: 'muted' | 'pinned', value: boolean) => {
    setError(null);
    await api.put(`${base}/settings`, { body: { [key]: value } }).catch(setError);
    await onChanged();
  };
  const finish = async (call: Promise<unknown>) => {
    setError(null);
    try {
      await call;
      // My groups (the app's conversation list) open without the group just left.
      await reload();
      void navigate('/groups');
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="my-actions-title" className="stack">
      <h2 id="my-actions-title">{t('groups.forMe')}</h2>
      <Switch checked={group.muted} onChange={(value) => void setting('muted', value)}>
        {t('groups.mute')}
      </Switch>
      <Switch checked={group.pinned} onChange={(value) => void setting('pinned', value)}>
        {t('groups.pin')}
      </Switch>
      {group.role === 'owner' ? (
        <ConfirmButton
          label={t('groups.dissolve')}
          question={t('groups.dissolveQuestion')}
          confirmLabel={t('groups.dissolveConfirm')}
          cancelLabel={t('groups.cancel')}
          onConfirm={() => void finish(api.delete(base))}
        />
      ) : (
        <ConfirmButton
          label={t('groups.leave')}
          question={t('groups.leaveQuestion')}
          confirmLabel={t('groups.leaveConfirm')}
          cancelLabel={t('groups.cancel')}
          onConfirm={() => void finish(api.post(`${base}/leave`))}
        />
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
