import { RightsRequestDue } from '@carillon/protocol/org-data';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { useStream } from '../../realtime/use-stream';
import { useSession } from '../../session/session-context';
import '../privacy/privacy.css';
import { localReminders } from './rights-reminders';

/**
 * Atop every screen, for an organization's main administrator: members'
 * data-rights requests to the organization that are due within days or
 * overdue (`organization.rights_request_due`), each with a link to the
 * console's Data-rights requests section, until dismissed.
 */
export function RightsReminders() {
  const session = useSession();
  return session.account ? (
    <ReminderList key={session.account.id} userId={session.account.id} />
  ) : null;
}

function ReminderList({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const store = useMemo(() => localReminders(userId), [userId]);
  const [reminders, setReminders] = useState(() => store.list());
  useStream((event) => {
    if (event.type !== 'organization.rights_request_due') return;
    const reminder = RightsRequestDue.safeParse(event.payload);
    if (reminder.success) setReminders(store.add(reminder.data));
  });
  useEffect(() => {
    // Another tab of this account added or dismissed one.
    const handleStorage = () => setReminders(store.list());
    window.addEventListener('storage', handleStorage);
    return () => window.removeEventListener('storage', handleStorage);
  }, [store]);
  if (reminders.length === 0) return null;
  return (
    <section aria-label={t('orgAdmin.reminders.label')}>
      <ul className="card-list">
        {reminders.map((reminder) => (
          <Reminder
            key={reminder.id}
            reminder={reminder}
            onDismiss={() => setReminders(store.dismiss(reminder.id))}
          />
        ))}
      </ul>
    </section>
  );
}

function Reminder({ reminder, onDismiss }: { reminder: RightsRequestDue; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const name = reminder.name ?? t('orgAdmin.reminders.unnamed');
  const date = formatDateTime(reminder.deadlineAt, i18n.language);
  const text = reminder.overdue
    ? t('orgAdmin.reminders.overdue', { name, date })
    : reminder.daysLeft <= 0
      ? t('orgAdmin.reminders.dueToday', { name, date })
      : t('orgAdmin.reminders.dueIn', { name, date, count: reminder.daysLeft });
  return (
    <li className="notice-banner">
      <p role="status">{text}</p>
      <Link to={`/org/${reminder.organizationId}/admin/rights`}>
        {t('orgAdmin.section.rights')}
      </Link>
      <button
        type="button"
        className="secondary"
        aria-label={t('orgAdmin.reminders.dismiss', { name, date })}
        onClick={onDismiss}
      >
        {t('orgAdmin.reminders.dismissShort')}
      </button>
    </li>
  );
}
