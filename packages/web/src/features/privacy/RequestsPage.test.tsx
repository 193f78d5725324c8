import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { ids, purpose, rightsRequest } from './privacy.fixtures';

const consents = {
  body: {
    language: 'en',
    policy: { acceptedVersion: 1, currentVersion: 1, reconsentRequired: false },
    purposes: [purpose({ granted: true })],
  },
};

// The shared machine is slow: give screens time to answer.
configure({ asyncUtilTimeout: 5000 });

describe('RequestsPage', { timeout: 30_000 }, () => {
  it('submits a copy request, confirms it with password and code, and offers the zip', async () => {
    let stored: ReturnType<typeof rightsRequest>[] = [];
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(),
      'GET /api/privacy/consents': consents,
      'GET /api/privacy/requests': () => ({ body: { requests: stored } }),
      'POST /api/privacy/requests': () => {
        stored = [rightsRequest({})];
        return {
          status: 201,
          body: {
            request: stored[0],
            code: { sentTo: '+65••••4567', expiresAt: 1, resendAfter: 1 },
          },
        };
      },
      [`POST /api/privacy/requests/${ids.request}/verify`]: (request) => {
        const { code } = request.body as { code: string };
        if (code !== '123456')
          return { status: 400, body: { error: { id: 'code_invalid', message: 'wrong' } } };
        stored = [
          rightsRequest({
            status: 'fulfilled',
            verifiedAt: 2,
            closedAt: Date.UTC(2026, 11, 2, 9),
            daysLeft: null,
            answer: 'Your copy is ready to download.',
          }),
        ];
        return { body: stored[0] };
      },
    });
    renderApp('/privacy/requests', fetch);
    const user = userEvent.setup();
    await user.selectOptions(
      await screen.findByLabelText('What would you like?'),
      'Download a copy of my data',
    );
    await user.click(screen.getByRole('button', { name: 'Submit request' }));

    const list = await screen.findByRole('list', { name: 'My requests' });
    const item = await within(list).findByRole('listitem', { name: 'Download a copy of my data' });
    expect(within(item).getByText('Waiting for your confirmation')).toBeDefined();
    expect(within(item).getByText(/30 days left/)).toBeDefined();
    expect(within(item).getByText(/code sent to \+65••••4567/)).toBeDefined();
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({ kind: 'copy' });

    await user.type(within(item).getByLabelText('Password'), 'correct horse battery');
    await user.type(within(item).getByLabelText('Six-digit code'), '654321');
    await user.click(within(item).getByRole('button', { name: 'Confirm' }));
    expect((await within(item).findByRole('alert')).textContent).toBe(
      'That code is wrong or has expired.',
    );
    await user.clear(within(item).getByLabelText('Six-digit code'));
    await user.type(within(item).getByLabelText('Six-digit code'), '123456');
    await user.click(within(item).getByRole('button', { name: 'Confirm' }));

    const link = await screen.findByRole('link', { name: 'Download my data (zip)' });
    expect(link.getAttribute('href')).toBe(`/api/privacy/requests/${ids.request}/export`);
    expect(screen.getByText('Done')).toBeDefined();
    expect(screen.getByText('Your copy is ready to download.')).toBeDefined();
    const verify = sent.filter((r) => r.path.endsWith('/verify')).at(-1)!;
    expect(verify.body).toEqual({ password: 'correct horse battery', code: '123456' });
  });

  it('builds the body each kind needs and shows refusals and overdue requests', async () => {
    let queuedStatus: 'in_progress' | 'withdrawn' = 'in_progress';
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(),
      'GET /api/privacy/consents': consents,
      'POST /api/privacy/requests/01900000-0000-7000-8000-0000000000e2/withdraw': () => {
        queuedStatus = 'withdrawn';
        return {
          body: rightsRequest({
            id: '01900000-0000-7000-8000-0000000000e2',
            kind: 'correct',
            submitted: { kind: 'correct', text: 'My old employer' },
            status: 'withdrawn',
            daysLeft: null,
            closedAt: 4,
          }),
        };
      },
      'GET /api/privacy/requests': () => ({
        body: {
          requests: [
            rightsRequest({
              kind: 'complaint',
              submitted: { kind: 'complaint', text: 'Too many notices' },
              status: 'refused',
              closedAt: 3,
              daysLeft: null,
              refusalReason: 'Security notices cannot be turned off.',
            }),
            rightsRequest({
              id: '01900000-0000-7000-8000-0000000000e2',
              kind: 'correct',
              submitted: { kind: 'correct', text: 'My old employer' },
              status: queuedStatus,
              awaitingOperator: queuedStatus === 'in_progress',
              daysLeft: queuedStatus === 'in_progress' ? -2 : null,
              overdue: queuedStatus === 'in_progress',
            }),
          ],
        },
      }),
      'POST /api/privacy/requests': {
        status: 409,
        body: { error: { id: 'conflict', message: 'One at a time.' } },
      },
    });
    renderApp('/privacy/requests', fetch);
    const user = userEvent.setup();
    expect(
      await screen.findByText('Refused: Security notices cannot be turned off.'),
    ).toBeDefined();
    expect(screen.getByText('Overdue')).toBeDefined();
    expect(screen.getByText('With a person')).toBeDefined();
    // Only the queued one can be withdrawn; the refused one is finished.
    const refused = screen.getByRole('listitem', { name: 'Make a complaint' });
    expect(within(refused).queryByRole('button', { name: 'Withdraw this request' })).toBeNull();
    const queued = screen.getByRole('listitem', { name: 'Correct my data' });
    await user.click(within(queued).getByRole('button', { name: 'Withdraw this request' }));
    expect(await within(queued).findByText('Withdrawn')).toBeDefined();
    expect(within(queued).queryByRole('button', { name: 'Withdraw this request' })).toBeNull();

    await user.selectOptions(screen.getByLabelText('What would you like?'), 'Withdraw a consent');
    await user.selectOptions(await screen.findByLabelText('Consent to withdraw'), 'Location');
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That is not possible right now.');

    await user.selectOptions(
      screen.getByLabelText('What would you like?'),
      'Delete some of my data',
    );
    await user.type(
      screen.getByLabelText('Data categories'),
      'user.demographic, user.location.precise',
    );
    await user.type(
      screen.getByLabelText('Particular records (one per line, optional)'),
      'The photo of 1 May{Enter}',
    );
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    const bodies = sent
      .filter((r) => r.method === 'POST' && r.path === '/api/privacy/requests')
      .map((r) => r.body);
    expect(bodies).toEqual([
      { kind: 'withdraw_consent', purpose: 'location' },
      {
        kind: 'delete',
        categories: ['user.demographic', 'user.location.precise'],
        items: ['The photo of 1 May'],
      },
    ]);
  });

  it("confirms an enterprise account's request by password and shows its organization's part", async () => {
    // An enterprise account has neither phone nor e-mail.
    const enterprise = { body: { ...account().body, phone: null } };
    let stored = [rightsRequest({})];
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': enterprise,
      'GET /api/privacy/consents': consents,
      'GET /api/privacy/requests': () => ({ body: { requests: stored } }),
      [`POST /api/privacy/requests/${ids.request}/verify`]: () => {
        stored = [
          rightsRequest({
            status: 'fulfilled',
            closedAt: 2,
            daysLeft: null,
            answeredByOrganization: true,
            answer: 'This is an enterprise account.',
            organizations: [
              {
                organizationId: '01900000-0000-7000-8000-0000000000f1',
                organizationName: 'Harbour Works',
                status: 'open',
                answer: null,
                refusalReason: null,
                answeredAt: null,
                deadlineAt: Date.UTC(2027, 0, 1, 8),
                daysLeft: 29,
                overdue: false,
              },
            ],
          }),
        ];
        return { body: stored[0] };
      },
    });
    renderApp('/privacy/requests', fetch);
    const user = userEvent.setup();
    const item = await screen.findByRole('listitem', { name: 'Download a copy of my data' });
    expect(within(item).getByText(/your password alone confirms/)).toBeDefined();
    expect(within(item).queryByLabelText('Six-digit code')).toBeNull();
    expect(within(item).queryByRole('button', { name: 'Send a new code' })).toBeNull();
    await user.type(within(item).getByLabelText('Password'), 'lantern harbour morning');
    await user.click(within(item).getByRole('button', { name: 'Confirm' }));

    const parts = await within(item).findByRole('region', { name: 'Sent to your organizations' });
    expect(within(parts).getByText('Harbour Works')).toBeDefined();
    expect(within(parts).getByText('Waiting for the organization')).toBeDefined();
    expect(within(parts).getByText(/29 days left/)).toBeDefined();
    expect(within(item).getByText(/your organization controls all its data/)).toBeDefined();
    expect(within(item).queryByRole('link', { name: 'Download my data (zip)' })).toBeNull();
    const verify = sent.filter((r) => r.path.endsWith('/verify')).at(-1)!;
    expect(verify.body).toEqual({ password: 'lantern harbour morning' });
  });
});
