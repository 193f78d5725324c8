import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDegrees } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { consentGranted } from '../privacy/consent-state';
import { ConsentNeeded } from './ConsentNeeded';
import type { Draft } from './use-messages';

type Step =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'consentOff' }
  | { step: 'problem'; key: 'denied' | 'unsupported' }
  | { step: 'failed'; error: unknown }
  | { step: 'confirm'; latitude: number; longitude: number };

function currentPosition(): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(resolve, reject, {
      enableHighAccuracy: true,
      timeout: 15_000,
    }),
  );
}

/**
 * Shares where I am: only with the location switch of the privacy center on
 * (otherwise it says so and links to it); the browser asks for the position
 * only then, and the person sees it, may name the place, and sends it.
 */
export function LocationShare({ onSend }: { onSend: (draft: Draft) => void }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const labelId = useId();
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [label, setLabel] = useState('');
  const labelInput = useRef<HTMLInputElement>(null);
  const confirming = state.step === 'confirm';
  useEffect(() => {
    if (confirming) labelInput.current?.focus();
  }, [confirming]);

  const start = async () => {
    setState({ step: 'busy' });
    try {
      if (!(await consentGranted(api, 'location'))) return setState({ step: 'consentOff' });
    } catch (error) {
      return setState({ step: 'failed', error });
    }
    if (!('geolocation' in navigator)) return setState({ step: 'problem', key: 'unsupported' });
    try {
      const { coords } = await currentPosition();
      setLabel('');
      setState({ step: 'confirm', latitude: coords.latitude, longitude: coords.longitude });
    } catch {
      setState({ step: 'problem', key: 'denied' });
    }
  };

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (state.step !== 'confirm') return;
    const place = label.trim();
    onSend({
      kind: 'location',
      latitude: state.latitude,
      longitude: state.longitude,
      ...(place ? { label: place } : {}),
    });
    setState({ step: 'idle' });
  };

  if (state.step === 'confirm')
    return (
      <form className="composer-panel" onSubmit={send} aria-labelledby={`${labelId}-title`}>
        <p id={`${labelId}-title`}>
          <strong>{t('conversationMore.location.confirm')}</strong>{' '}
          {t('conversationMore.location.coordinates', {
            latitude: formatDegrees(state.latitude, locale),
            longitude: formatDegrees(state.longitude, locale),
          })}
        </p>
        <label htmlFor={labelId}>{t('conversationMore.location.label')}</label>
        <input
          id={labelId}
          ref={labelInput}
          value={label}
          maxLength={200}
          onChange={(event) => setLabel(event.target.value)}
        />
        <div className="composer-panel-actions">
          <button type="submit">{t('conversationMore.location.send')}</button>
          <button type="button" onClick={() => setState({ step: 'idle' })}>
            {t('conversationMore.location.cancel')}
          </button>
        </div>
      </form>
    );

  return (
    <div className="composer-tool">
      <button type="button" disabled={state.step === 'busy'} onClick={() => void start()}>
        {t('conversationMore.location.share')}
      </button>
      {state.step === 'busy' ? (
        <p role="status" className="composer-notice">
          {t('conversationMore.location.finding')}
        </p>
      ) : null}
      {state.step === 'consentOff' ? (
        <ConsentNeeded
          purpose="location"
          message={t('conversationMore.location.consentOff')}
          linkText={t('conversationMore.location.consentLink')}
        />
      ) : null}
      {state.step === 'problem' ? (
        <p role="alert" className="composer-notice">
          {t(`conversationMore.location.${state.key}`)}
        </p>
      ) : null}
      {state.step === 'failed' ? <ErrorMessage error={state.error} /> : null}
    </div>
  );
}
