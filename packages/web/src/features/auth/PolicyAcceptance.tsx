import type { PolicyDocument } from '@carillon/protocol/privacy';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { FoldedPolicyText } from '../../ui/PolicyMarkdown';

/**
 * The policy to accept: its summary up front, the full text one click away,
 * and an explicit checkbox (never pre-ticked) naming the version.
 */
export function PolicyAcceptance({
  policy,
  accepted,
  onChange,
}: {
  policy: PolicyDocument;
  accepted: boolean;
  onChange: (accepted: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  return (
    <section className="policy" aria-labelledby="policy-title">
      <h2 id="policy-title">{t('signup.policyTitle')}</h2>
      <p className="hint">
        {t('signup.policyVersion', {
          version: policy.version,
          date: formatDateTime(policy.publishedAt, locale),
        })}
      </p>
      <p className="policy-summary">{policy.summary}</p>
      <FoldedPolicyText policy={policy} topLevel={3} />
      <label className="checkbox">
        <input
          type="checkbox"
          required
          checked={accepted}
          onChange={(event) => onChange(event.target.checked)}
        />
        {t('signup.policyAccept', { version: policy.version })}
      </label>
    </section>
  );
}
