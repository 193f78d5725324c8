import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../realtime/realtime-context';

/** The visible connection state; a live region, so screen readers hear a drop too. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const state = useConnectionState();
  return (
    <p role="status" className={`connection connection-${state}`} data-state={state}>
      <span aria-hidden="true" className="connection-dot" />
      {t(`connection.${state}`)}
    </p>
  );
}
