import { OrgInvite } from '@carillon/protocol/organizations';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useServices } from '../../../app/services';
import { formatDateTime } from '../../../i18n/format';
import { useFormatLocale } from '../../../i18n/use-format-locale';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';

/** The web address an organization invite token opens in this client. */
export function orgJoinUrl(token: string): string {
  return `${window.location.origin}/org/join?token=${encodeURIComponent(token)}`;
}

/**
 * Inviting: a link or an 8-character code (7 days), or a phone number (the
 * invitation waits for whoever signs in with it; the answer never says
 * whether the number is registered).
 */
export function InvitesAdmin({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [invite, setInvite] = useState<z.infer<typeof OrgInvite> | null>(null);
  const [phone, setPhone] = useState('');
  const [phoneSent, setPhoneSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const base = `/api/organizations/${organizationId}`;

  const create = async (kind: 'link' | 'code') => {
    setError(null);
    try {
      setInvite(await api.post(`${base}/invites`, { body: { kind }, schema: OrgInvite }));
    } catch (failure) {
      setError(failure);
    }
  };
  const handlePhone = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setPhoneSent(false);
    try {
      await api.post(`${base}/phone-invitations`, { body: { phone } });
      setPhoneSent(true);
      setPhone('');
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="invites-admin" className="stack">
      <h2 id="invites-admin">{t('org.invite')}</h2>
      <div className="button-row">
        <button type="button" onClick={() => void create('link')}>
          {t('org.inviteLink')}
        </button>
        <button type="button" className="secondary" onClick={() => void create('code')}>
          {t('org.inviteCode')}
        </button>
      </div>
      {invite?.token ? (
        <div className="field">
          <label htmlFor="org-invite-link">{t('org.inviteLinkLabel')}</label>
          <input id="org-invite-link" readOnly value={orgJoinUrl(invite.token)} />
        </div>
      ) : null}
      {invite?.code ? (
        <p>
          {t('org.inviteCodeLabel')} <strong className="invite-code">{invite.code}</strong>
        </p>
      ) : null}
      {invite ? (
        <p className="hint">
          {t('org.inviteExpires', { when: formatDateTime(invite.expiresAt, locale) })}
        </p>
      ) : null}
      <form onSubmit={(event) => void handlePhone(event)} className="stack">
        <TextField
          label={t('org.invitePhone')}
          type="tel"
          required
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
        />
        <button type="submit" className="secondary">
          {t('org.invitePhoneButton')}
        </button>
        {phoneSent ? <p role="status">{t('org.invitePhoneSent')}</p> : null}
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}
