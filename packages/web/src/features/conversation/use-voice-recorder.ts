import { MAX_VOICE_MS } from '@carillon/protocol/messaging';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../app/services';
import { consentGranted } from '../privacy/consent-state';

/** A recording the person finished: the audio as a file and how long it is. */
export interface Recording {
  file: File;
  durationMs: number;
}

export type RecorderState =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'consentOff' }
  | { step: 'problem'; key: 'denied' | 'unsupported' }
  | { step: 'failed'; error: unknown }
  | { step: 'recording'; elapsedMs: number };

/** Containers browsers record in, best first; WebM/Opus is what Chromium and Firefox make. */
const TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];

function extensionOf(type: string): string {
  if (type.startsWith('audio/ogg')) return 'ogg';
  if (type.startsWith('audio/mp4')) return 'm4a';
  return 'webm';
}

interface Session {
  recorder: MediaRecorder;
  stream: MediaStream;
  chunks: Blob[];
  startedAt: number;
  timer: ReturnType<typeof setInterval>;
  keep: boolean;
}

/**
 * Records a voice message with MediaRecorder. The microphone is asked for
 * only when recording starts, and only with the camera-and-microphone switch
 * of the privacy center on; recording stops by itself at five minutes.
 * The elapsed time comes from `performance.now()`, as the clock is for dates.
 */
export function useVoiceRecorder(onRecorded: (recording: Recording) => void) {
  const { api } = useServices();
  const [state, setState] = useState<RecorderState>({ step: 'idle' });
  const session = useRef<Session | null>(null);
  const recorded = useRef(onRecorded);
  recorded.current = onRecorded;

  const finish = useCallback((keep: boolean) => {
    const current = session.current;
    if (!current) return;
    current.keep = keep;
    clearInterval(current.timer);
    if (current.recorder.state !== 'inactive') current.recorder.stop();
  }, []);

  const start = useCallback(async () => {
    setState({ step: 'busy' });
    try {
      if (!(await consentGranted(api, 'camera_microphone')))
        return setState({ step: 'consentOff' });
    } catch (error) {
      return setState({ step: 'failed', error });
    }
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia)
      return setState({ step: 'problem', key: 'unsupported' });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      return setState({ step: 'problem', key: 'denied' });
    }
    const mimeType = TYPES.find((type) => MediaRecorder.isTypeSupported(type));
    const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
    const startedAt = performance.now();
    const current: Session = {
      recorder,
      stream,
      chunks: [],
      startedAt,
      keep: false,
      timer: setInterval(() => {
        const elapsedMs = performance.now() - startedAt;
        if (elapsedMs >= MAX_VOICE_MS) finish(true);
        else setState({ step: 'recording', elapsedMs });
      }, 250),
    };
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) current.chunks.push(event.data);
    };
    recorder.onstop = () => {
      for (const track of stream.getTracks()) track.stop();
      session.current = null;
      setState({ step: 'idle' });
      if (!current.keep || current.chunks.length === 0) return;
      const type = recorder.mimeType || current.chunks[0]?.type || 'audio/webm';
      const durationMs = Math.min(
        MAX_VOICE_MS,
        Math.max(1, Math.round(performance.now() - startedAt)),
      );
      const file = new File(current.chunks, `voice.${extensionOf(type)}`, { type });
      recorded.current({ file, durationMs });
    };
    session.current = current;
    recorder.start();
    setState({ step: 'recording', elapsedMs: 0 });
  }, [api, finish]);

  // Leaving the chat mid-recording discards it and frees the microphone.
  useEffect(() => () => finish(false), [finish]);

  return { state, start, stop: () => finish(true), discard: () => finish(false) };
}
