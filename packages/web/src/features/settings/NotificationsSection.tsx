import { SecurityNoticeList } from '@carillon/protocol/auth';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Switch } from '../../ui/Switch';
import {
  chooseDesktopNotifications,
  desktopNotificationsChosen,
  desktopPermission,
  requestDesktopPermission,
  type DesktopPermission,
} from '../notifications/desktop-notifications';

type Notice = z.infer<typeof SecurityNoticeList>['notices'][number];

/** How many notices show before "Show all". */
const FIRST_NOTICES = 5;

/**
 * Notifications: the desktop pop-up switch for this browser, and the
 * account's security notices, which are service notices and cannot be
 * turned off (NOTIF-1).
 */
export function NotificationsSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="notifications-title" className="stack">
      <h2 id="notifications-title">{t('notifications.title')}</h2>
      <DesktopSwitch />
      <p className="hint">{t('notifications.noMarketing')}</p>
      <SecurityNotices />
    </section>
  );
}

function DesktopSwitch() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState<DesktopPermission>(desktopPermission);
  const [chosen, setChosen] = useState(desktopNotificationsChosen);

  const handleChange = async (on: boolean) => {
    if (!on) {
      chooseDesktopNotifications(false);
      setChosen(false);
      return;
    }
    const answer = await requestDesktopPermission();
    setPermission(answer);
    chooseDesktopNotifications(answer === 'granted');
    setChosen(answer === 'granted');
  };

  const blocked = permission === 'denied' || permission === 'unsupported';
  return (
    <div className="stack">
      <Switch
        checked={chosen && permission === 'granted'}
        disabled={blocked}
        onChange={(on) => void handleChange(on)}
      >
        {t('notifications.desktop')}
      </Switch>
      <p className="hint">{t(`notifications.desktopHint.${blocked ? permission : 'allowed'}`)}</p>
    </div>
  );
}

function SecurityNotices() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [notices, setNotices] = useState<Notice[] | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get('/api/account/security-notices', { schema: SecurityNoticeList })
      .then((list) => setNotices(list.notices), setError);
  }, [api]);

  const shown = showAll ? notices : notices?.slice(0, FIRST_NOTICES);
  return (
    <div className="stack">
      <h3 id="security-notices">{t('notifications.security')}</h3>
      <p className="hint">{t('notifications.securityHint')}</p>
      {notices?.length === 0 ? <p>{t('notifications.noNotices')}</p> : null}
      {shown && shown.length > 0 ? (
        <ul className="people-list" aria-labelledby="security-notices">
          {shown.map((notice) => (
            <li key={notice.id}>
              <span>{noticeText(t, notice)}</span>
              <time className="hint" dateTime={new Date(notice.createdAt).toISOString()}>
                {formatDateTime(notice.createdAt, locale)}
              </time>
            </li>
          ))}
        </ul>
      ) : null}
      {notices && !showAll && notices.length > FIRST_NOTICES ? (
        <button type="button" onClick={() => setShowAll(true)}>
          {t('notifications.showAll', { count: notices.length })}
        </button>
      ) : null}
      <ErrorMessage error={error} />
    </div>
  );
}

/** One notice in words; a password change says whether it was reset with a code. */
function noticeText(t: (key: string, values?: Record<string, string>) => string, notice: Notice) {
  if (notice.kind === 'password_changed')
    return t(`notifications.notice.password_${notice.detail.how === 'reset' ? 'reset' : 'change'}`);
  if (notice.kind === 'new_device')
    return t('notifications.notice.new_device', {
      device: notice.detail.device ?? '',
      where: notice.detail.ipRegion ?? '',
    });
  return t(`notifications.notice.${notice.kind}`);
}
