import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ConsentNeeded } from './ConsentNeeded';
import type { Draft } from './use-messages';
import { useVoiceRecorder } from './use-voice-recorder';

/** Record / stop-and-send with the elapsed time; sends the recording as a voice message. */
export function VoiceRecorder({ onSend }: { onSend: (draft: Draft) => void }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { state, start, stop, discard } = useVoiceRecorder(({ file, durationMs }) =>
    onSend({ kind: 'voice', file, durationMs }),
  );
  const recording = state.step === 'recording';
  const stopButton = useRef<HTMLButtonElement>(null);
  // The record button goes away when recording starts: keyboard focus moves to "stop".
  useEffect(() => {
    if (recording) stopButton.current?.focus();
  }, [recording]);
  if (state.step === 'recording')
    return (
      <div className="composer-tool recording">
        {/* A timer is not announced on every tick, unlike a status line. */}
        <p role="timer" className="composer-notice">
          <span className="recording-dot" aria-hidden="true" />
          {t('conversationMore.voice.recording', {
            elapsed: formatDuration(state.elapsedMs, locale),
          })}
        </p>
        <button ref={stopButton} type="button" onClick={stop}>
          {t('conversationMore.voice.stop')}
        </button>
        <button type="button" onClick={discard}>
          {t('conversationMore.voice.cancel')}
        </button>
      </div>
    );
  return (
    <div className="composer-tool">
      <button type="button" disabled={state.step === 'busy'} onClick={() => void start()}>
        {t('conversationMore.voice.record')}
      </button>
      {state.step === 'consentOff' ? (
        <ConsentNeeded
          purpose="camera_microphone"
          message={t('conversationMore.voice.consentOff')}
          linkText={t('conversationMore.voice.consentLink')}
        />
      ) : null}
      {state.step === 'problem' ? (
        <p role="alert" className="composer-notice">
          {t(`conversationMore.voice.${state.key}`)}
        </p>
      ) : null}
      {state.step === 'failed' ? <ErrorMessage error={state.error} /> : null}
    </div>
  );
}
