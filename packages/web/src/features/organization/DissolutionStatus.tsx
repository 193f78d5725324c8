import type { Dissolution } from '@carillon/protocol/org-data';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';

const DAY_MS = 86_400_000;

/** Where a dissolution stands; while scheduled, when the data goes and how long the grace is. */
export function DissolutionStatus({ dissolution }: { dissolution: Dissolution }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  if (dissolution.status !== 'scheduled')
    return <p role="status">{t(`orgAdmin.dissolve.${dissolution.status}`)}</p>;
  return (
    <p role="status" className="tag-warning">
      {t('orgAdmin.dissolve.scheduled', {
        requested: formatDateTime(dissolution.requestedAt, locale),
        when: formatDateTime(dissolution.eraseAfter, locale),
        count: Math.round((dissolution.eraseAfter - dissolution.requestedAt) / DAY_MS),
      })}
    </p>
  );
}
