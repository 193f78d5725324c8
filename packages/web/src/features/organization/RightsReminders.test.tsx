import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { handRealtime, renderApp } from '../../../test/render-app';
import { me, org, orgBasics, routedPart } from './org.fixtures';

const DAY = 86_400_000;
// The time renderApp's clock gives.
const NOW = Date.UTC(2026, 11, 2, 9);
const part = '01900000-0000-7000-8000-0000000000f1';
let cursor = 10;

/** An `organization.rights_request_due` event as the server sends it; due in 3 days unless changed. */
const due = (change: Record<string, unknown> = {}) => ({
  type: 'event',
  event: {
    cursor: cursor++,
    type: 'organization.rights_request_due',
    payload: {
      organizationId: org,
      name: 'Harbour Works',
      id: part,
      kind: 'copy',
      deadlineAt: NOW + 3 * DAY,
      daysLeft: 3,
      overdue: false,
      ...change,
    },
    createdAt: NOW,
  },
});
const overdue = { deadlineAt: NOW - DAY, daysLeft: -1, overdue: true };

/** A routed part in the organization's queue, open and due in 3 days unless changed. */
const queued = (change: Record<string, unknown> = {}) =>
  routedPart('f1', NOW, { deadlineAt: NOW + 3 * DAY, daysLeft: 3, ...change });

function server(queue: () => unknown[]) {
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    ...orgBasics('main_admin'),
    [`GET /api/organizations/${org}/rights-requests`]: () => ({ body: { requests: queue() } }),
  });
}

/** The directory, signed in as the main administrator, with a socket the test speaks through. */
async function openDirectory(languages?: string[], queue: () => unknown[] = () => []) {
  const realtime = handRealtime();
  const rendered = renderApp(`/org/${org}`, server(queue).fetch, {
    realtime: realtime.factory,
    ...(languages ? { languages } : {}),
  });
  await screen.findByRole('heading', { level: 1, name: 'Harbour Works' });
  const send = (frame: unknown) => act(() => realtime.deliver(frame));
  send({ type: 'ready', cursor: 9 });
  return { ...rendered, send };
}

const reminders = () => screen.getByRole('region', { name: 'Reminders of data-rights requests' });

describe('reminders of data-rights requests routed to the organization', () => {
  it('says how many days are left, and links to the console section', async () => {
    const { send, router } = await openDirectory();
    expect(screen.queryByRole('region', { name: /Reminders/ })).toBeNull();
    send(due());
    expect(within(reminders()).getByRole('status').textContent).toMatch(
      /^A member's data-rights request to Harbour Works is due in 3 days, by 5 Dec 2026/,
    );
    send(due({ id: '01900000-0000-7000-8000-0000000000f2', daysLeft: 1 }));
    expect(within(reminders()).getByText(/is due in 1 day, by/)).toBeDefined();

    const user = userEvent.setup();
    await user.click(
      within(reminders()).getAllByRole('link', { name: 'Data-rights requests' })[0]!,
    );
    await waitFor(() => expect(router.state.location.pathname).toBe(`/org/${org}/admin/rights`));
    expect(await screen.findByRole('heading', { name: 'Data-rights requests' })).toBeDefined();
  });

  it('says a request is overdue, in place of the earlier reminder about it', async () => {
    const { send } = await openDirectory();
    send(due());
    send(due(overdue));
    send(due({ daysLeft: 2 })); // a late copy of an earlier stage does not undo "overdue"
    const [item, ...others] = within(reminders()).getAllByRole('status');
    expect(others).toEqual([]);
    expect(item!.textContent).toMatch(
      /^A member's data-rights request to Harbour Works is overdue: it was due by 1 Dec 2026/,
    );
  });

  it('words both in Chinese', async () => {
    await openDirectory(['zh-CN']).then(({ send }) => {
      send(due({ daysLeft: 0 }));
      send(due({ ...overdue, id: '01900000-0000-7000-8000-0000000000f2' }));
    });
    const region = screen.getByRole('region', { name: '数据权利请求提醒' });
    expect(
      within(region)
        .getAllByRole('status')
        .map((s) => s.textContent),
    ).toEqual([
      expect.stringMatching(/^成员向 Harbour Works 提出的数据权利请求已逾期：应于 .+ 前答复。$/),
      expect.stringMatching(/^成员向 Harbour Works 提出的数据权利请求今天到期，请于 .+ 前答复。$/),
    ]);
    expect(within(region).getAllByRole('link', { name: '数据权利请求' })).toHaveLength(2);
  });

  it('ignores other events and malformed reminders', async () => {
    const { send } = await openDirectory();
    send({
      type: 'event',
      event: { cursor: cursor++, type: 'member.joined', payload: {}, createdAt: NOW },
    });
    send({ ...due(), event: { ...due().event, payload: { id: part } } });
    expect(screen.queryByRole('region', { name: /Reminders/ })).toBeNull();
  });

  it('reads due requests from the queue when the app opens, until dismissed or answered', async () => {
    let queue = [queued(), routedPart('f2', NOW, { deadlineAt: NOW + 9 * DAY, daysLeft: 9 })];
    const first = await openDirectory(undefined, () => queue);
    // Only the one due within three days; the other is far off.
    const [item, ...others] = await within(
      await screen.findByRole('region', { name: /Reminders/ }),
    ).findAllByRole('status');
    expect(others).toEqual([]);
    expect(item!.textContent).toMatch(/is due in 3 days, by 5 Dec 2026/);
    const user = userEvent.setup();
    await user.click(
      within(reminders()).getByRole('button', {
        name: /^Dismiss the reminder about Harbour Works/,
      }),
    );
    expect(screen.queryByRole('region', { name: /Reminders/ })).toBeNull();
    first.unmount();

    // Dismissed stays dismissed; once overdue it shows again; once answered it is gone.
    await openDirectory(undefined, () => queue).then(({ unmount }) => {
      expect(screen.queryByRole('region', { name: /Reminders/ })).toBeNull();
      unmount();
    });
    queue = [queued({ deadlineAt: NOW - DAY, daysLeft: -1, overdue: true })];
    await openDirectory(undefined, () => queue).then(async ({ unmount }) => {
      expect(
        (
          await within(await screen.findByRole('region', { name: /Reminders/ })).findByRole(
            'status',
          )
        ).textContent,
      ).toMatch(/is overdue/);
      unmount();
    });
    queue = [
      queued({ status: 'fulfilled', answeredAt: NOW, daysLeft: null, deadlineAt: NOW - DAY }),
    ];
    const last = await openDirectory(undefined, () => queue);
    await waitFor(() => expect(last.container.textContent).toContain('Harbour Works'));
    expect(screen.queryByRole('region', { name: /Reminders/ })).toBeNull();
  });

  it('drops the reminder of a part as soon as the administrator answers it in the console', async () => {
    const open = queued();
    const other = routedPart('f2', NOW, { deadlineAt: NOW + 2 * DAY, daysLeft: 2 });
    const { fetch } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(me),
      ...orgBasics('main_admin'),
      [`GET /api/organizations/${org}/rights-requests`]: { body: { requests: [open, other] } },
      [`POST /api/organizations/${org}/rights-requests/${open.id}/fulfil`]: {
        body: { ...open, status: 'fulfilled', answeredAt: NOW, daysLeft: null },
      },
    });
    renderApp(`/org/${org}/admin/rights`, fetch);
    const region = await screen.findByRole('region', { name: /Reminders/ });
    expect(await within(region).findAllByRole('status')).toHaveLength(2);

    const user = userEvent.setup();
    const [card] = within(
      await screen.findByRole('list', { name: 'Data-rights requests' }),
    ).getAllByRole('listitem', { name: /./ }) as [HTMLElement];
    await user.click(within(card).getByRole('button', { name: 'Fulfil: Copy request from 张三' }));
    expect(await within(card).findByText('Fulfilled')).toBeDefined();
    // Only the unanswered part is still reminded of, without reading the queue again.
    const [left, ...more] = within(reminders()).getAllByRole('status');
    expect(more).toEqual([]);
    expect(left!.textContent).toMatch(/is due in 2 days/);
  });
});
