import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import '../privacy/privacy.css';
import { OperatorLogin } from './OperatorLogin';
import { OperatorProvider, useOperator } from './operator-session';

const sections = ['outbox', 'requests', 'certifications', 'policies', 'audit'] as const;

/** The operator console at /operator: its own sign-in, then outbox, queue, certifications, policies, audit. */
export function OperatorPage() {
  return (
    <OperatorProvider>
      <OperatorFrame />
    </OperatorProvider>
  );
}

function OperatorFrame() {
  const { t } = useTranslation();
  const operator = useOperator();
  return (
    <div className="operator-page">
      <header className="shell-header">
        <span className="brand">{t('operator.title')}</span>
        <LanguageSwitch />
        {operator.signedIn ? (
          <button type="button" onClick={() => void operator.signOut()}>
            {t('app.signOut')}
          </button>
        ) : null}
      </header>
      <main id="main">
        {operator.signedIn ? (
          <>
            <nav aria-label={t('operator.sections')} className="sub-nav">
              {sections.map((section) => (
                <NavLink key={section} to={`/operator/${section}`}>
                  {t(`operator.section.${section}`)}
                </NavLink>
              ))}
            </nav>
            <Outlet />
          </>
        ) : (
          <OperatorLogin />
        )}
      </main>
    </div>
  );
}
