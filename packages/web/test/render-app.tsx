import { act, render, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { createMemoryRouter } from 'react-router';
import { ApiClient } from '../src/api/api-client';
import { App } from '../src/app/App';
import { appRoutes } from '../src/app/routes';
import { createI18n } from '../src/i18n/i18n';
import { ProfileCache } from '../src/features/people/profile-cache';
import type { RealtimeFactory } from '../src/realtime/realtime-context';
import { RealtimeClient, type SocketLike } from '../src/realtime/realtime-client';

/** A socket that tests hold: inert until they set its `readyState` or call its handlers. */
export type FakeSocket = SocketLike & { readyState: number };

/** Realtime clients over fake sockets that start in `readyState`; each one made goes to `made`. */
export function fakeRealtime(
  readyState: number,
  made: (socket: FakeSocket) => void = () => undefined,
): RealtimeFactory {
  return () =>
    new RealtimeClient({
      url: () => 'ws://test/api/ws',
      connect: () => {
        const socket: FakeSocket = {
          readyState,
          onopen: null,
          onclose: null,
          onmessage: null,
          onerror: null,
          send: () => undefined,
          close: () => {
            socket.readyState = 3;
          },
        };
        made(socket);
        return socket;
      },
    });
}

/** A socket that never connects: screens under test see "connecting". */
export const idleRealtime: RealtimeFactory = fakeRealtime(0);

/**
 * A socket the test drives: `deliver` hands the app a server frame (an
 * `event`, a `ready`) as if it came over the WebSocket; `send` does so
 * inside `act`; `goOnline` says "ready" until a status line shows `online`
 * (the socket opens only once the session is read).
 */
export function handRealtime() {
  const sockets: FakeSocket[] = [];
  const factory = fakeRealtime(1, (socket) => sockets.push(socket));
  const deliver = (frame: unknown) => {
    for (const socket of sockets.filter((s) => s.readyState === 1))
      socket.onmessage?.({ data: JSON.stringify(frame) } as MessageEvent);
  };
  const send = (frame: unknown) => act(() => deliver(frame));
  const goOnline = (online = 'Online', cursor = 9) =>
    waitFor(() => {
      send({ type: 'ready', cursor });
      expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain(online);
    });
  return { factory, deliver, send, goOnline };
}

/** Renders the whole app at `path` with the given fetch, in `languages` order. */
export function renderApp(
  path: string,
  fetch: typeof globalThis.fetch,
  options: { languages?: string[]; realtime?: RealtimeFactory; csrf?: string } = {},
) {
  const api = new ApiClient({ fetch, csrfToken: () => options.csrf ?? 'csrf-test' });
  const router = createMemoryRouter(appRoutes({ realtime: options.realtime ?? idleRealtime }), {
    initialEntries: [path],
  });
  const languages = options.languages ?? ['en-GB'];
  const i18n = createI18n(languages);
  const services = {
    api,
    profiles: new ProfileCache(api),
    now: () => Date.UTC(2026, 11, 2, 9),
    languages,
  };
  return { ...render(<App services={services} i18n={i18n} router={router} />), router, i18n };
}
