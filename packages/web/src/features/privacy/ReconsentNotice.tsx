import { PolicyStatus } from '@carillon/protocol/privacy';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServices } from '../../app/services';
import { useCurrentPolicy } from '../auth/use-current-policy';
import { useSession } from '../../session/session-context';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { FoldedPolicyText } from '../../ui/PolicyMarkdown';
import { useModalFocus } from '../../ui/use-modal-focus';

/**
 * The significant-change pop-up (PRIV-3): while the account's
 * `policy.reconsentRequired` is set, a dialog shows what changed, the summary
 * and the full text, and asks to accept. "Not now" leaves a banner: basic
 * functions keep working, additional ones stay paused (the server refuses
 * them) until the current version is accepted.
 */
export function ReconsentNotice() {
  const session = useSession();
  return session.account?.policy.reconsentRequired ? <ReconsentDialog /> : null;
}

/** The dialog (and banner) itself; it reads the current policy only when it is needed. */
function ReconsentDialog() {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const session = useSession();
  const { policy, error: policyError } = useCurrentPolicy(i18n.language);
  const [open, setOpen] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const acceptRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open && policy) acceptRef.current?.focus();
  }, [open, policy]);

  const handleAccept = async () => {
    if (!policy) return;
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/privacy/policy/accept', {
        body: { version: policy.version },
        schema: PolicyStatus,
      });
      await session.refresh();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (!open)
    return (
      <div className="notice-banner" role="region" aria-label={t('privacy.reconsent.banner')}>
        <span>{t('privacy.reconsent.paused')}</span>
        <button type="button" onClick={() => setOpen(true)}>
          {t('privacy.reconsent.review')}
        </button>
      </div>
    );
  return (
    <ModalBox labelledBy="reconsent-title" onEscape={() => setOpen(false)}>
      <h2 id="reconsent-title">{t('privacy.reconsent.title')}</h2>
      <p>{t('privacy.reconsent.explain')}</p>
      <ErrorMessage error={policyError} />
      {policy ? (
        <>
          <h3>{t('privacy.reconsent.changes', { version: policy.version })}</h3>
          <ul>
            {policy.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
          <h3>{t('privacy.policy.summary')}</h3>
          <p lang={policy.language}>{policy.summary}</p>
          <FoldedPolicyText policy={policy} topLevel={4} />
          <p className="hint">
            <Link to="/privacy/policy" onClick={() => setOpen(false)}>
              {t('privacy.reconsent.allVersions')}
            </Link>
          </p>
        </>
      ) : null}
      <ErrorMessage error={error} />
      <div className="card-actions">
        <button
          ref={acceptRef}
          type="button"
          disabled={!policy || busy}
          onClick={() => void handleAccept()}
        >
          {t('privacy.reconsent.accept', { version: policy?.version ?? '' })}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('privacy.reconsent.later')}
        </button>
      </div>
    </ModalBox>
  );
}

/** The dialog over the page: focus moves in and stays, Escape leaves the banner. */
function ModalBox({
  labelledBy,
  onEscape,
  children,
}: {
  labelledBy: string;
  onEscape: () => void;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useModalFocus(box, onEscape);
  return (
    <div className="modal">
      <div
        ref={box}
        className="modal-box"
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
      >
        {children}
      </div>
    </div>
  );
}
