import type { Dissolution } from '@carillon/protocol/org-data';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';

const DAY_MS = 86_400_000;

/** Where a dissolution stands; while scheduled, when the data goes and how long the grace is. */
export function DissolutionStatus({ dissolution }: { dissolution: Dissolution }) {
  const { t, i18n } = useTranslation();
  if (dissolution.status !== 'scheduled')
    return <p role="status">{t(`orgAdmin.dissolve.${dissolution.status}`)}</p>;
  return (
    <p role="status" className="tag-warning">
      {t('orgAdmin.dissolve.scheduled', {
        requested: formatDateTime(dissolution.requestedAt, i18n.language),
        when: formatDateTime(dissolution.eraseAfter, i18n.language),
        count: Math.round((dissolution.eraseAfter - dissolution.requestedAt) / DAY_MS),
      })}
    </p>
  );
}
