import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../test/fake-fetch';
import { fakeXhr } from '../../../test/fake-xhr';
import { renderApp } from '../../../test/render-app';
import { chatRoutes, cid, consents, me, stored } from './conversation.fixtures';

const fileId = '01900000-0000-7000-8000-0000000000a1';
const audioFile = {
  id: fileId,
  name: 'voice.webm',
  mediaType: 'audio/webm',
  kind: 'audio',
  size: 15,
  width: null,
  height: null,
  thumbnail: false,
  createdAt: 1,
};

/** The browser's recorder: hands over its bytes on stop, as MediaRecorder does. */
class FakeMediaRecorder {
  static isTypeSupported = (type: string) => type === 'audio/webm;codecs=opus';
  state: 'inactive' | 'recording' = 'inactive';
  mimeType: string;
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  constructor(_stream: unknown, options: { mimeType?: string }) {
    this.mimeType = options.mimeType ?? '';
  }
  start() {
    this.state = 'recording';
  }
  stop() {
    this.state = 'inactive';
    this.ondataavailable?.({ data: new Blob(['webm-opus-bytes'], { type: this.mimeType }) });
    this.onstop?.();
  }
}

/** A microphone whose track records whether it was released. */
function stubMicrophone() {
  const track = { stop: vi.fn() };
  const getUserMedia = vi.fn(async () => ({ getTracks: () => [track] }));
  Object.defineProperty(navigator, 'mediaDevices', {
    value: { getUserMedia },
    configurable: true,
  });
  vi.stubGlobal('MediaRecorder', FakeMediaRecorder);
  return { getUserMedia, track };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

describe('voice messages', () => {
  it('with the microphone switch off, never asks for the microphone and links to the switch', async () => {
    const { getUserMedia } = stubMicrophone();
    const { fetch } = fakeFetch({
      ...chatRoutes([]),
      'GET /api/privacy/consents': consents({ camera_microphone: false }),
      'GET /api/privacy/consents/history': { body: { records: [] } },
    });
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Record a voice message' }));
    expect(await screen.findByText('The microphone is off in the privacy center.')).toBeDefined();
    expect(getUserMedia).not.toHaveBeenCalled();

    // The link lands on that very switch in the privacy center.
    await user.click(
      screen.getByRole('link', { name: 'Turn on the camera and microphone switch' }),
    );
    const toggle = await screen.findByRole('switch', { name: 'Camera and microphone' });
    expect(document.activeElement).toBe(toggle.closest('li'));
  });

  it('records with the elapsed time, uploads the audio, sends it with its length, and plays it back', async () => {
    const { getUserMedia, track } = stubMicrophone();
    let clock = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const xhr = fakeXhr(() => ({ status: 201, body: audioFile }));
    vi.stubGlobal('XMLHttpRequest', xhr.XMLHttpRequest);
    const { fetch, sent } = fakeFetch({
      ...chatRoutes([]),
      'GET /api/privacy/consents': consents({ camera_microphone: true }),
      [`POST /api/conversations/${cid}/messages`]: (request) => {
        const body = request.body as { clientId: string; durationMs: number };
        return {
          status: 201,
          body: {
            ...stored(1, body.clientId, me, ''),
            kind: 'voice',
            text: null,
            durationMs: body.durationMs,
            file: audioFile,
          },
        };
      },
    });
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Record a voice message' }));
    const stop = await screen.findByRole('button', { name: 'Stop and send' });
    expect(getUserMedia).toHaveBeenCalledWith({ audio: true });
    expect(document.activeElement).toBe(stop);
    clock += 7200;
    expect(await screen.findByRole('timer')).toBeDefined();
    await screen.findByText('Recording 0:07');
    await user.click(stop);

    const log = screen.getByRole('log', { name: 'Messages' });
    const player = await within(log).findByLabelText('Voice message, 0:07');
    expect(player.tagName).toBe('AUDIO');
    expect(player.getAttribute('src')).toBe(`/api/files/${fileId}`);
    expect(track.stop).toHaveBeenCalled();
    expect(xhr.sent[0]!.file!.type).toBe('audio/webm;codecs=opus');
    expect(xhr.sent[0]!.file!.name).toBe('voice.webm');
    const body = sent.find((r) => r.method === 'POST' && r.path.endsWith('/messages'))!.body;
    expect(body).toMatchObject({ kind: 'voice', fileId, durationMs: 7200 });
  });
});
