import { OrgRightsRequestList, RightsRequestDue } from '@carillon/protocol/org-data';
import { OrganizationList } from '@carillon/protocol/organizations';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { useStream } from '../../realtime/use-stream';
import { useSession } from '../../session/session-context';
import '../privacy/privacy.css';
import { useServices } from '../../app/services';
import { useRightsAnswers } from './rights-answers';
import { dueReminders, localDismissals } from './rights-reminders';

/**
 * Atop every screen, for an organization's main administrator: members'
 * data-rights requests to the organization that are due within days or
 * overdue, each with a link to the console's Data-rights requests section,
 * until dismissed or answered. Read from the organizations' queues when the
 * app opens, so a browser that was away hears of them too, and live from
 * `organization.rights_request_due` events; a part answered in the console
 * leaves at once.
 */
export function RightsReminders() {
  const session = useSession();
  return session.account ? (
    <ReminderList key={session.account.id} userId={session.account.id} />
  ) : null;
}

function ReminderList({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const { api, now } = useServices();
  const dismissals = useMemo(() => localDismissals(userId), [userId]);
  const [due, setDue] = useState<RightsRequestDue[]>([]);
  const [, redraw] = useState(0);

  const load = useCallback(async () => {
    try {
      const { organizations } = await api.get('/api/organizations', { schema: OrganizationList });
      const queues = await Promise.all(
        organizations
          .filter((o) => o.myRole === 'main_admin')
          .map(async (organization) => {
            const path = `/api/organizations/${organization.id}/rights-requests`;
            const { requests } = await api.get(path, { schema: OrgRightsRequestList });
            return dueReminders(organization, requests, now());
          }),
      );
      setDue(queues.flat());
    } catch {
      // Reminders are a courtesy: the console's section lists every request either way.
    }
  }, [api, now]);
  useEffect(() => {
    void load();
  }, [load]);
  useStream((event) => {
    if (event.type !== 'organization.rights_request_due') return;
    const reminder = RightsRequestDue.safeParse(event.payload);
    if (!reminder.success) return;
    const fresh = reminder.data;
    // A late copy of an earlier stage does not undo "overdue".
    setDue((current) =>
      current.some((r) => r.id === fresh.id && r.overdue && !fresh.overdue)
        ? current
        : [...current.filter((r) => r.id !== fresh.id), fresh],
    );
  });
  // Answered in the console on this page: the server sends no event for that.
  useRightsAnswers(
    useCallback((id: string) => setDue((current) => current.filter((r) => r.id !== id)), []),
  );
  useEffect(() => {
    // Another tab of this account dismissed one.
    const handleStorage = () => redraw((n) => n + 1);
    window.addEventListener('storage', handleStorage);
    return () => window.removeEventListener('storage', handleStorage);
  }, []);

  const reminders = dismissals.shown(due);
  if (reminders.length === 0) return null;
  return (
    <section aria-label={t('orgAdmin.reminders.label')}>
      <ul className="card-list">
        {reminders.map((reminder) => (
          <Reminder
            key={reminder.id}
            reminder={reminder}
            onDismiss={() => {
              dismissals.dismiss(reminder);
              redraw((n) => n + 1);
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function Reminder({ reminder, onDismiss }: { reminder: RightsRequestDue; onDismiss: () => void }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const name = reminder.name ?? t('orgAdmin.reminders.unnamed');
  const date = formatDateTime(reminder.deadlineAt, locale);
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
