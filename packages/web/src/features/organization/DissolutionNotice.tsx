import { Dissolution } from '@carillon/protocol/org-data';
import type { Organization } from '@carillon/protocol/organizations';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';

/** Tells every member, on the directory, that the organization is being dissolved and when. */
export function DissolutionNotice({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [dissolution, setDissolution] = useState<Dissolution | null>(null);
  useEffect(() => {
    // 404 (nothing scheduled) and any other failure leave the notice away.
    api
      .get(`/api/organizations/${organization.id}/dissolution`, { schema: Dissolution })
      .then(setDissolution, () => setDissolution(null));
  }, [api, organization.id]);
  if (dissolution?.status !== 'scheduled') return null;
  return (
    <p role="status" className="notice-banner">
      {t('orgAdmin.dissolve.notice', {
        name: organization.name,
        when: formatDateTime(dissolution.eraseAfter, locale),
      })}
    </p>
  );
}
