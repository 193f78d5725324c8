import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { chatRoutes, cid, consents, me, stored } from './conversation.fixtures';

/** The browser's geolocation, answering with Singapore's Marina Bay. */
function stubGeolocation() {
  const getCurrentPosition = vi.fn((success: PositionCallback) =>
    success({ coords: { latitude: 1.28967, longitude: 103.85007 } } as GeolocationPosition),
  );
  Object.defineProperty(navigator, 'geolocation', {
    value: { getCurrentPosition },
    configurable: true,
  });
  return getCurrentPosition;
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'geolocation');
});

describe('sharing my location', () => {
  it('with the location switch off, says so and links to it without asking the browser', async () => {
    const getCurrentPosition = stubGeolocation();
    const { fetch } = fakeFetch({
      ...chatRoutes([]),
      'GET /api/privacy/consents': consents({ location: false }),
    });
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Share my location' }));
    expect(
      await screen.findByText('Sharing your location is off in the privacy center.'),
    ).toBeDefined();
    const link = screen.getByRole('link', { name: 'Turn on the location switch' });
    expect(link.getAttribute('href')).toBe('/privacy/consents#consent-location');
    expect(getCurrentPosition).not.toHaveBeenCalled();
  });

  it('with it on, shows the position, sends it with a place name, and shows the card', async () => {
    stubGeolocation();
    const { fetch, sent } = fakeFetch({
      ...chatRoutes([]),
      'GET /api/privacy/consents': consents({ location: true }),
      [`POST /api/conversations/${cid}/messages`]: (request) => {
        const body = request.body as {
          clientId: string;
          latitude: number;
          longitude: number;
          label: string;
        };
        return {
          status: 201,
          body: {
            ...stored(1, body.clientId, me, ''),
            kind: 'location',
            text: null,
            location: { latitude: body.latitude, longitude: body.longitude, label: body.label },
          },
        };
      },
    });
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Share my location' }));
    const panel = await screen.findByRole('form', { name: /Your location/ });
    expect(within(panel).getByText(/1\.28967, 103\.85007/)).toBeDefined();
    const place = within(panel).getByRole('textbox', { name: 'Place name (optional)' });
    expect(document.activeElement).toBe(place);
    await user.type(place, 'Marina Bay{Enter}');

    const log = screen.getByRole('log', { name: 'Messages' });
    const card = await within(log).findByRole('figure', { name: 'Marina Bay' });
    expect(within(card).getByText('1.28967, 103.85007')).toBeDefined();
    expect(
      within(card).getByRole('link', { name: 'Open in OpenStreetMap' }).getAttribute('href'),
    ).toBe('https://www.openstreetmap.org/?mlat=1.28967&mlon=103.85007#map=16/1.28967/103.85007');
    const body = sent.find((r) => r.method === 'POST' && r.path.endsWith('/messages'))!.body;
    expect(body).toMatchObject({
      kind: 'location',
      latitude: 1.28967,
      longitude: 103.85007,
      label: 'Marina Bay',
    });
  });
});
