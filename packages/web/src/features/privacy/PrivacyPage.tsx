import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import './privacy.css';

/** The sections of the privacy center, each its own route under /privacy. */
const sections = ['policy', 'consents', 'requests', 'access-log', 'cancel'] as const;

/** The privacy center: the policy, permission switches, data rights, access log, cancellation. */
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <div className="privacy">
      <h1>{t('privacy.title')}</h1>
      <nav aria-label={t('privacy.sections')} className="sub-nav">
        {sections.map((section) => (
          <NavLink key={section} to={`/privacy/${section}`}>
            {t(`privacy.section.${section}`)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
