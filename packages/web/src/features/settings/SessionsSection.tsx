import { EndedCount, SessionList } from '@carillon/protocol/sessions';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';

type Session = z.infer<typeof SessionList>['sessions'][number];

/** Signed-in devices: when and roughly where, ending one, or every one but this. */
export function SessionsSection() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [sessions, setSessions] = useState<Session[]>([]);
  const [ended, setEnded] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setSessions((await api.get('/api/sessions', { schema: SessionList })).sessions);
    } catch (failure) {
      setError(failure);
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const handleEnd = async (id: string) => {
    setError(null);
    await api.delete(`/api/sessions/${id}`).catch(setError);
    await load();
  };
  const handleEndOthers = async () => {
    setError(null);
    try {
      setEnded((await api.post('/api/sessions/end-others', { schema: EndedCount })).ended);
    } catch (failure) {
      setError(failure);
    }
    await load();
  };

  return (
    <section aria-labelledby="sessions-title" className="stack">
      <h2 id="sessions-title">{t('settings.sessions')}</h2>
      <ul className="people-list" aria-label={t('settings.sessions')}>
        {sessions.map((session) => (
          <li key={session.id}>
            <span className="person-name">
              {session.device.name}
              {session.current ? ` (${t('settings.thisDevice')})` : ''}
            </span>
            <span className="hint">
              {t('settings.lastSeen', {
                when: formatDateTime(session.lastSeenAt, locale),
                where: session.ipRegion,
              })}
            </span>
            {session.current ? null : (
              <button
                type="button"
                className="secondary"
                aria-label={t('settings.endSession', { name: session.device.name })}
                onClick={() => void handleEnd(session.id)}
              >
                {t('settings.endSessionShort')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void handleEndOthers()}>
        {t('settings.endOthers')}
      </button>
      {ended !== null ? <p role="status">{t('settings.ended', { count: ended })}</p> : null}
      <ErrorMessage error={error} />
    </section>
  );
}
