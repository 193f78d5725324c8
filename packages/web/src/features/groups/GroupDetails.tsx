import { Conversation } from '@carillon/protocol/messaging';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Switch } from '../../ui/Switch';
import { TextField } from '../../ui/TextField';
import { canManage } from './use-group';

/** Name, announcement and the join-approval switch: editable by owners and admins, read by all. */
export function GroupDetails({
  group,
  onChanged,
}: {
  group: Conversation;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [name, setName] = useState(group.name ?? '');
  const [announcement, setAnnouncement] = useState(group.announcement ?? '');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const update = async (body: Record<string, unknown>) => {
    setError(null);
    setSaved(false);
    try {
      await api.patch(`/api/conversations/${group.id}`, { body, schema: Conversation });
      setSaved(true);
      await onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const handleSave = (event: FormEvent) => {
    event.preventDefault();
    void update({ name, announcement: announcement.trim() ? announcement : null });
  };

  if (!canManage(group.role))
    return (
      <section aria-labelledby="announcement-title">
        <h2 id="announcement-title">{t('groups.announcement')}</h2>
        <p>{group.announcement ?? t('groups.noAnnouncement')}</p>
      </section>
    );
  return (
    <form onSubmit={handleSave} className="stack" aria-labelledby="details-title">
      <h2 id="details-title">{t('groups.details')}</h2>
      <TextField
        label={t('groups.name')}
        required
        maxLength={100}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <div className="field">
        <label htmlFor="group-announcement">{t('groups.announcement')}</label>
        <textarea
          id="group-announcement"
          maxLength={2000}
          rows={3}
          value={announcement}
          onChange={(event) => setAnnouncement(event.target.value)}
        />
      </div>
      <button type="submit">{t('groups.save')}</button>
      <Switch
        checked={group.joinApproval}
        onChange={(value) => void update({ joinApproval: value })}
      >
        {t('groups.joinApproval')}
      </Switch>
      <p className="hint">{t('groups.joinApprovalHint')}</p>
      <ErrorMessage error={error} />
      {saved ? <p role="status">{t('groups.saved')}</p> : null}
    </form>
  );
}
