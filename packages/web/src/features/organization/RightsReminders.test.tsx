import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { handRealtime, renderApp } from '../../../test/render-app';
import { me, org, orgBasics } from './org.fixtures';

const DAY = 86_400_000;
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

function server() {
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    ...orgBasics('main_admin'),
    [`GET /api/organizations/${org}/rights-requests`]: { body: { requests: [] } },
  });
}

/** The directory, signed in as the main administrator, with a socket the test speaks through. */
async function openDirectory(languages?: string[]) {
  const realtime = handRealtime();
  const rendered = renderApp(`/org/${org}`, server().fetch, {
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
      /^A member's data-rights request to Harbour Works is due in 3 days, by Dec 5, 2026/,
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
      /^A member's data-rights request to Harbour Works is overdue: it was due by Dec 1, 2026/,
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

  it('stays after a reload until dismissed, and ignores other events', async () => {
    const first = await openDirectory();
    first.send(due());
    first.send({
      type: 'event',
      event: { cursor: cursor++, type: 'member.joined', payload: {}, createdAt: NOW },
    });
    first.send({ ...due(), event: { ...due().event, payload: { id: part } } }); // malformed
    first.unmount();

    await openDirectory();
    const user = userEvent.setup();
    expect(within(reminders()).getAllByRole('status')).toHaveLength(1);
    await user.click(
      within(reminders()).getByRole('button', {
        name: /^Dismiss the reminder about Harbour Works/,
      }),
    );
    expect(screen.queryByRole('region', { name: /Reminders/ })).toBeNull();
  });
});
