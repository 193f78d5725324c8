import { act, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionStatus } from '../app/ConnectionStatus';
import { createI18n } from '../i18n/i18n';
import { fakeRealtime, type FakeSocket } from '../../test/render-app';
import { RealtimeProvider, type RealtimeFactory } from './realtime-context';

/** Sockets the test drives; `frame` hands the newest one a server frame. */
function handSockets() {
  const sockets: FakeSocket[] = [];
  const factory = fakeRealtime(0, (socket) => sockets.push(socket));
  const frame = (data: unknown) =>
    act(() => {
      const socket = sockets.at(-1)!;
      socket.readyState = 1;
      socket.onmessage?.({ data: JSON.stringify(data) } as MessageEvent);
    });
  return { sockets, factory, frame };
}

function renderStatus(factory: RealtimeFactory) {
  return render(
    <I18nextProvider i18n={createI18n(['en-GB'])}>
      <RealtimeProvider userId="u1" factory={factory}>
        <ConnectionStatus />
      </RealtimeProvider>
    </I18nextProvider>,
  );
}

const browserGoes = (what: 'offline' | 'online') =>
  act(() => {
    window.dispatchEvent(new Event(what));
  });

describe('the connection line and the browser network', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says offline the moment the browser loses the network, and reconnects as soon as it is back', () => {
    const { sockets, factory, frame } = handSockets();
    renderStatus(factory);
    frame({ type: 'ready', cursor: 3 });
    expect(screen.getByRole('status').textContent).toBe('Online');

    browserGoes('offline');
    expect(screen.getByRole('status').textContent).toBe('Offline — reconnecting');
    expect(sockets[0]!.readyState).toBe(3);

    browserGoes('online');
    expect(sockets).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toBe('Connecting…');
    frame({ type: 'ready', cursor: 3 });
    expect(screen.getByRole('status').textContent).toBe('Online');
  });

  it('leaves no timer or network listener behind once signed out', () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const network = (spy: typeof added) =>
      spy.mock.calls.filter(([type]) => type === 'online' || type === 'offline');
    const { sockets, factory, frame } = handSockets();
    const { unmount } = renderStatus(factory);
    frame({ type: 'ready', cursor: 3 });
    expect(network(added)).toHaveLength(2);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
    expect(network(removed)).toEqual(network(added));
    browserGoes('offline');
    browserGoes('online');
    expect(sockets).toHaveLength(1);
  });
});
