import { InviteLink } from '@carillon/protocol/messaging';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** The web address an invite token opens in this client. */
export function groupJoinUrl(token: string): string {
  return `${window.location.origin}/groups/join?token=${encodeURIComponent(token)}`;
}

/** Owners and admins make an invite link (a week) and show it as text and as a QR code. */
export function GroupInvite({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [invite, setInvite] = useState<InviteLink | null>(null);
  const [error, setError] = useState<unknown>(null);

  const handleCreate = async () => {
    setError(null);
    try {
      setInvite(
        await api.post(`/api/conversations/${groupId}/invites`, {
          body: { ttlHours: 168 },
          schema: InviteLink,
        }),
      );
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="invite-title" className="stack">
      <h2 id="invite-title">{t('groups.invite')}</h2>
      <button type="button" onClick={() => void handleCreate()}>
        {t(invite ? 'groups.inviteAgain' : 'groups.inviteCreate')}
      </button>
      <ErrorMessage error={error} />
      {invite ? (
        <>
          <div className="field">
            <label htmlFor="group-invite-link">{t('groups.inviteLink')}</label>
            <input id="group-invite-link" readOnly value={groupJoinUrl(invite.token)} />
          </div>
          <p className="hint">
            {t('groups.inviteExpires', { when: formatDateTime(invite.expiresAt, locale) })}
          </p>
          <img
            className="qr"
            src={api.url(`/api/conversations/${groupId}/invite.svg`, { token: invite.token })}
            alt={t('groups.inviteQr')}
            width={200}
            height={200}
          />
        </>
      ) : null}
    </section>
  );
}
