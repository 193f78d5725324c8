import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { chatRoutes, cid, peer, stored } from './conversation.fixtures';

const fileId = '01900000-0000-7000-8000-0000000000b1';
const report = {
  ...stored(1, '01900000-0000-7000-8000-0000000000f1', peer, ''),
  kind: 'file' as const,
  text: null,
  file: {
    id: fileId,
    name: 'report.pdf',
    mediaType: 'application/pdf',
    kind: 'document' as const,
    size: 8,
    width: null,
    height: null,
    thumbnail: false,
    createdAt: 1,
  },
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('downloading a file', () => {
  it('shows the bytes arriving against Content-Length, then saves them under the file name', async () => {
    // The body arrives in two halves; the second waits until the test has seen the first.
    let sendRest = () => {};
    const rest = new Promise<void>((resolve) => (sendRest = resolve));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new Uint8Array([1, 2, 3, 4]));
        await rest;
        controller.enqueue(new Uint8Array([5, 6, 7, 8]));
        controller.close();
      },
    });
    const { fetch } = fakeFetch({
      ...chatRoutes([report]),
      [`GET /api/files/${fileId}`]: {
        response: () =>
          new Response(body, {
            headers: { 'content-type': 'application/pdf', 'content-length': '8' },
          }),
      },
    });
    const saved: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:report';
    });
    URL.revokeObjectURL = vi.fn();
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(`${this.download} ${this.href}`);
    });

    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    const log = await screen.findByRole('log', { name: 'Messages' });
    await user.click(await within(log).findByRole('button', { name: 'Download report.pdf' }));
    const bar = await within(log).findByRole('progressbar', { name: 'Downloading 50 %' });
    expect(bar.getAttribute('value')).toBe('0.5');
    sendRest();
    await vi.waitFor(() => expect(clicks).toEqual(['report.pdf blob:report']));
    expect(within(log).queryByRole('progressbar')).toBeNull();
    expect(saved[0]!.size).toBe(8);
    expect(saved[0]!.type).toBe('application/pdf');
  });

  it('says so when the download fails', async () => {
    const { fetch } = fakeFetch({
      ...chatRoutes([report]),
      [`GET /api/files/${fileId}`]: {
        status: 404,
        body: { error: { id: 'not_found', message: 'No such file.' } },
      },
    });
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    const log = await screen.findByRole('log', { name: 'Messages' });
    await user.click(await within(log).findByRole('button', { name: 'Download report.pdf' }));
    expect(await within(log).findByText('The download failed.')).toBeDefined();
  });
});
