import type { RightsRequest } from '@carillon/protocol/rights';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';

/**
 * The parts of a request sent to organizations, which control that data
 * (ORG-4): each organization's status, its deadline while open, and its
 * answer or reason for refusing.
 */
export function RoutedParts({ parts }: { parts: RightsRequest['organizations'] }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  if (parts.length === 0) return null;
  const date = (ms: number) => formatDateTime(ms, locale);
  return (
    <section aria-label={t('privacy.routed.title')}>
      <h4>{t('privacy.routed.title')}</h4>
      <ul className="card-list">
        {parts.map((part) => (
          <li key={part.organizationId}>
            <strong>{part.organizationName ?? t('privacy.routed.unnamed')}</strong>{' '}
            <span className="tag">{t(`privacy.routed.status.${part.status}`)}</span>
            {part.overdue && part.status === 'open' ? (
              <span className="tag tag-warning">{t('privacy.requests.overdue')}</span>
            ) : null}
            <br />
            <span className="hint">
              {part.daysLeft === null
                ? t('privacy.routed.answeredAt', { date: date(part.answeredAt ?? part.deadlineAt) })
                : t('privacy.requests.deadline', {
                    date: date(part.deadlineAt),
                    count: part.daysLeft,
                  })}
            </span>
            {part.answer ? <p>{part.answer}</p> : null}
            {part.refusalReason ? (
              <p>{t('privacy.requests.refused', { reason: part.refusalReason })}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
