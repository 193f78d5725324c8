import { SessionGrant } from '@carillon/protocol/auth';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useServices } from '../../app/services';
import { useSession } from '../../session/session-context';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { ageRuleKey, birthYearBounds } from './age-rule';
import { CodeField } from './CodeField';
import type { SentCode } from './codes';
import type { IdentityValue } from './IdentityField';
import { identityBody, rememberDevice, thisDevice } from './identity';
import { NewPasswordField } from './NewPasswordField';
import { PolicyAcceptance } from './PolicyAcceptance';
import { useCurrentPolicy } from './use-current-policy';
import { deviceName } from './device-name';

/** Step two of sign-up: the code, a nickname, a password, the birth year and the policy. */
export function RegisterStep({
  identity,
  sent,
  onDone,
}: {
  identity: IdentityValue;
  sent: SentCode;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { api, now } = useServices();
  const session = useSession();
  const { policy, error: policyError, reload } = useCurrentPolicy(i18n.language);
  const [form, setForm] = useState({ code: '', nickname: '', password: '', birthYear: '' });
  const [accepted, setAccepted] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const years = birthYearBounds(now());
  const update = (key: keyof typeof form, value: string) =>
    setForm((current) => ({ ...current, [key]: value }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!policy) return;
    setBusy(true);
    setError(null);
    try {
      const grant = await api.post('/api/auth/register', {
        body: {
          ...identityBody(identity),
          code: form.code.trim(),
          nickname: form.nickname,
          password: form.password,
          birthYear: Number(form.birthYear),
          acceptPolicyVersion: policy.version,
          device: thisDevice(deviceName(t)),
        },
        schema: SessionGrant,
      });
      rememberDevice(grant.deviceId);
      await session.refresh();
      onDone();
    } catch (failure) {
      // A newer policy was published meanwhile: show it, and ask again.
      if (failure instanceof ApiError && failure.id === 'conflict') {
        setAccepted(false);
        await reload();
      }
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="stack">
      <p role="status">{t('signup.codeSent', { to: sent.sentTo })}</p>
      <p className="hint">{t('signup.outboxHelp')}</p>
      <CodeField value={form.code} onChange={(code) => update('code', code)} />
      <TextField
        label={t('signup.nickname')}
        autoComplete="nickname"
        maxLength={40}
        required
        value={form.nickname}
        onChange={(event) => update('nickname', event.target.value)}
      />
      <NewPasswordField
        label={t('auth.password')}
        value={form.password}
        onChange={(password) => update('password', password)}
      />
      <TextField
        label={t('signup.birthYear')}
        hint={t(ageRuleKey(session.edition))}
        type="number"
        min={years.min}
        max={years.max}
        required
        value={form.birthYear}
        onChange={(event) => update('birthYear', event.target.value)}
      />
      <ErrorMessage error={policyError} />
      {policy ? (
        <PolicyAcceptance policy={policy} accepted={accepted} onChange={setAccepted} />
      ) : null}
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy || !policy || !accepted}>
        {t('signup.create')}
      </button>
    </form>
  );
}
