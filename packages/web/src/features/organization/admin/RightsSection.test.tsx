import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../../test/fake-fetch';
import { renderApp } from '../../../../test/render-app';
import { me, org, orgBasics, routedPart } from '../org.fixtures';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 9);
const base = `/api/organizations/${org}`;
const wang = '01900000-0000-7000-8000-000000000004';

const part = (id: string, change: Record<string, unknown> = {}) => routedPart(id, NOW, change);
const overdue = part('e1', {
  userId: wang,
  memberName: '王五',
  kind: 'delete',
  asked: { categories: ['user.contact', 'user.content'], items: ['My 2025 travel claims'] },
  tables: ['messages'],
  deadlineAt: NOW - 2 * DAY,
  daysLeft: -2,
  overdue: true,
});
const erased = part('e2', {
  userId: null,
  memberName: null,
  kind: 'correct',
  asked: { text: 'My job title is wrong' },
});
const answered = part('e3', {
  memberName: null,
  kind: 'restrict',
  asked: { category: 'user.location', lift: false },
  status: 'fulfilled',
  answer: 'Stopped, as asked.',
  answeredAt: NOW - DAY,
  daysLeft: null,
});
const invalid = {
  status: 400,
  body: { error: { id: 'validation_failed', message: 'reason: too short', details: {} } },
};

function server(myRole = 'main_admin', routes: Parameters<typeof fakeFetch>[0] = {}) {
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    ...orgBasics(myRole),
    ...routes,
  });
}

const cardsOf = async () =>
  within(await screen.findByRole('list', { name: 'Data-rights requests' })).getAllByRole(
    'listitem',
    { name: /./ },
  );

describe('administrator console: data-rights requests', () => {
  it('lists the parts as served, overdue first, with who, what, where and the deadline', async () => {
    const { fetch } = server('main_admin', {
      [`GET ${base}/rights-requests`]: { body: { requests: [overdue, erased, answered] } },
    });
    renderApp(`/org/${org}/admin/rights`, fetch);
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    expect(within(nav).getByRole('link', { name: 'Data-rights requests' })).toBeDefined();

    const cards = await cardsOf();
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual([
      '王五: Deletion request',
      'Erased account: Correction request',
      'Former member: Restriction request',
    ]);
    const [late, gone, done] = cards as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(late).getByText('Overdue')).toBeDefined();
    expect(within(late).getByText('Open')).toBeDefined();
    expect(within(late).getByText(/Was due .+ \(2 days ago\)/)).toBeDefined();
    const asked = within(late).getByRole('list', { name: 'What was asked' });
    expect(
      within(asked)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Data categories: user.contact and user.content',
      'Particular records: My 2025 travel claims',
    ]);
    expect(within(late).getByText('Held in: messages')).toBeDefined();
    expect(
      within(late).getByRole('button', { name: 'Fulfil: Deletion request from 王五' }),
    ).toBeDefined();

    expect(within(gone).queryByText('Overdue')).toBeNull();
    expect(within(gone).getByText(/Answer due .+ \(10 days left\)/)).toBeDefined();
    expect(within(gone).getByText('In their words: “My job title is wrong”')).toBeDefined();
    expect(within(gone).getByText('Held in: organization_members and messages')).toBeDefined();

    expect(within(done).getByText('Fulfilled')).toBeDefined();
    expect(within(done).getByText('Stop processing user.location')).toBeDefined();
    expect(within(done).getByText('Answer to the member: Stopped, as asked.')).toBeDefined();
    expect(within(done).getByText(/^Received .+ · Answered .+ \(due .+\)$/)).toBeDefined();
    expect(within(done).queryByRole('button')).toBeNull();
  });

  it('fulfils a part with a note and shows it answered in place', async () => {
    const copy = part('e4');
    const { fetch, sent } = server('main_admin', {
      [`GET ${base}/rights-requests`]: { body: { requests: [copy] } },
      [`POST ${base}/rights-requests/${copy.id}/fulfil`]: (request) => ({
        body: {
          ...copy,
          status: 'fulfilled',
          answer: (request.body as { note: string }).note,
          answeredAt: NOW,
          daysLeft: null,
        },
      }),
    });
    renderApp(`/org/${org}/admin/rights`, fetch);
    const user = userEvent.setup();
    const [card] = (await cardsOf()) as [HTMLElement];
    expect(within(card).getByText('Everything the organization holds about them')).toBeDefined();

    await user.type(
      within(card).getByLabelText('Note to the member (optional)'),
      'HR will send you the records.',
    );
    await user.click(within(card).getByRole('button', { name: 'Fulfil: Copy request from 张三' }));
    expect(await within(card).findByText('Fulfilled')).toBeDefined();
    expect(
      within(card).getByText('Answer to the member: HR will send you the records.'),
    ).toBeDefined();
    expect(within(card).queryByRole('button')).toBeNull();
    expect(document.activeElement).toBe(within(card).getByRole('heading'));
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      note: 'HR will send you the records.',
    });
  });

  it("shows the server's refusal of a too-short reason and keeps the form", async () => {
    const copy = part('e5');
    const { fetch, sent } = server('main_admin', {
      [`GET ${base}/rights-requests`]: { body: { requests: [copy] } },
      [`POST ${base}/rights-requests/${copy.id}/refuse`]: (request) => {
        const { reason } = request.body as { reason: string };
        if (reason.length < 10) return invalid;
        return {
          body: { ...copy, status: 'refused', refusalReason: reason, answeredAt: NOW },
        };
      },
    });
    renderApp(`/org/${org}/admin/rights`, fetch);
    const user = userEvent.setup();
    const [card] = (await cardsOf()) as [HTMLElement];
    const reason = within(card).getByLabelText('Reason for a refusal');
    expect(reason).toHaveProperty('minLength', 10);
    expect(reason.getAttribute('aria-describedby')).toBeTruthy();
    const refuse = within(card).getByRole('button', { name: 'Refuse: Copy request from 张三' });

    // Twelve characters with the spaces, so minlength lets it through; the server trims them.
    await user.type(reason, '  Not ours  ');
    await user.click(refuse);
    expect((await within(card).findByRole('alert')).textContent).toBe(
      'Some details are missing or not valid.',
    );
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { reason: 'Not ours' },
    ]);
    expect((reason as HTMLTextAreaElement).value).toBe('  Not ours  ');
    expect(within(card).getByText('Open')).toBeDefined();

    await user.clear(reason);
    await user.type(reason, 'Labour law requires us to keep these records.');
    await user.click(refuse);
    expect(await within(card).findByText('Refused')).toBeDefined();
    expect(
      within(card).getByText('Reason given: Labour law requires us to keep these records.'),
    ).toBeDefined();
    expect(within(card).queryByRole('alert')).toBeNull();
  });

  it('says so when no member has asked anything', async () => {
    const { fetch } = server('main_admin', {
      [`GET ${base}/rights-requests`]: { body: { requests: [] } },
    });
    renderApp(`/org/${org}/admin/rights`, fetch);
    expect(
      await screen.findByText("No member has made a request about the organization's data."),
    ).toBeDefined();
    expect(screen.queryByRole('list', { name: 'Data-rights requests' })).toBeNull();
  });

  it("is not in a sub-administrator's console, and the server's refusal shows if opened", async () => {
    const { fetch, sent } = server('sub_admin', {
      [`GET ${base}/rights-requests`]: {
        status: 403,
        body: { error: { id: 'forbidden', message: 'Main administrator only.' } },
      },
    });
    renderApp(`/org/${org}/admin/rights`, fetch);
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    expect(within(nav).queryByRole('link', { name: 'Data-rights requests' })).toBeNull();
    expect((await screen.findByRole('alert')).textContent).toBe('You are not allowed to do that.');
    await waitFor(() => expect(sent.some((r) => r.path === `${base}/rights-requests`)).toBe(true));
    expect(screen.queryByRole('list', { name: 'Data-rights requests' })).toBeNull();
  });
});
