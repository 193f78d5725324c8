import type { PolicyVersionInfo } from '@carillon/protocol/privacy';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, health, signedOut } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { rightsRequest } from '../privacy/privacy.fixtures';

// The shared machine is slow: give screens time to answer.
configure({ asyncUtilTimeout: 5000 });

const grant = {
  body: {
    operatorId: '01900000-0000-7000-8000-0000000000a0',
    token: 'op-token',
    csrfToken: 'op-csrf',
    expiresAt: 10,
  },
};
const queued = (id: string, over: Parameters<typeof rightsRequest>[0]) => ({
  ...rightsRequest({ id, status: 'in_progress', awaitingOperator: true, ...over }),
  userId: '01900000-0000-7000-8000-000000000001',
});
const late = queued('01900000-0000-7000-8000-0000000000b1', {
  kind: 'complaint',
  submitted: { kind: 'complaint', text: 'My code never came' },
  daysLeft: -3,
  overdue: true,
});
const correction = queued('01900000-0000-7000-8000-0000000000b2', {
  kind: 'correct',
  submitted: { kind: 'correct', text: 'Wrong department' },
  daysLeft: 12,
});

describe('OperatorPage', { timeout: 30_000 }, () => {
  it('signs in, reads the queue with a purpose (overdue first), fulfils one and refuses another', async () => {
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': signedOut,
      'POST /api/operator/login': (request) =>
        (request.body as { password: string }).password === 'operator password 1'
          ? grant
          : { status: 401, body: { error: { id: 'invalid_credentials', message: 'No.' } } },
      'GET /api/operator/rights-requests': { body: { requests: [late, correction] } },
      [`POST /api/operator/rights-requests/${late.id}/fulfil`]: {
        body: { ...late, status: 'fulfilled', awaitingOperator: false },
      },
      [`POST /api/operator/rights-requests/${correction.id}/refuse`]: {
        body: { ...correction, status: 'refused', awaitingOperator: false },
      },
    });
    renderApp('/operator', fetch);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Operator name'), 'root');
    await user.type(screen.getByLabelText('Password'), 'wrong password 1');
    await user.click(screen.getByRole('button', { name: 'Sign in as operator' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That phone number or e-mail and password do not match.',
    );
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'operator password 1');
    await user.click(screen.getByRole('button', { name: 'Sign in as operator' }));

    await user.type(
      await screen.findByLabelText('Purpose of this read'),
      'Weekly review of open requests',
    );
    await user.click(screen.getByRole('button', { name: 'Show the queue' }));
    const queue = await screen.findByRole('list', { name: 'Rights requests waiting for a person' });
    const cards = within(queue).getAllByRole('listitem', { name: /./ });
    expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual([
      'Make a complaint',
      'Correct my data',
    ]);
    expect(within(cards[0]!).getByText('Overdue')).toBeDefined();
    expect(within(cards[0]!).getByText('text: My code never came')).toBeDefined();
    expect(sent.find((r) => r.path === '/api/operator/rights-requests')!.query).toEqual({
      purpose: 'Weekly review of open requests',
    });

    await user.type(
      within(cards[0]!).getByLabelText('Note to the person (optional)'),
      'Resent it.',
    );
    await user.click(within(cards[0]!).getByRole('button', { name: 'Fulfil: Make a complaint' }));
    expect(await screen.findByText('Make a complaint: Done.')).toBeDefined();

    // A refusal needs its reason: without one the form does not submit.
    const refuse = within(cards[1]!).getByRole('button', { name: 'Refuse: Correct my data' });
    await user.click(refuse);
    expect(sent.some((r) => r.path.endsWith('/refuse'))).toBe(false);
    expect(within(cards[1]!).getByLabelText('Reason for a refusal')).toHaveProperty(
      'minLength',
      10,
    );
    await user.type(
      within(cards[1]!).getByLabelText('Reason for a refusal'),
      'The department is set by your organization.',
    );
    await user.click(refuse);
    expect(await screen.findByText('Correct my data: Refused.')).toBeDefined();
    expect(screen.getByText('No request is waiting.')).toBeDefined();

    const posts = sent.filter((r) => r.path.startsWith('/api/operator/rights-requests/'));
    expect(posts.map((r) => r.body)).toEqual([
      { note: 'Resent it.' },
      { reason: 'The department is set by your organization.' },
    ]);
    // Operator calls carry the operator session's CSRF token, not a user's.
    expect(posts[0]!.headers['x-csrf-token']).toBe('op-csrf');
  });

  it('publishes a significant version with its changes, reads the outbox and verifies the audit log', async () => {
    let versions: PolicyVersionInfo[] = [
      {
        version: 1,
        significant: false,
        changes: [],
        publishedAt: 1,
        url: 'http://x/api/policies/1',
      },
    ];
    document.cookie = 'carillon_operator_csrf=from-cookie';
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': signedOut,
      'GET /api/policies': () => ({
        body: { currentVersion: versions.length, prevailingLanguage: 'en', versions },
      }),
      'POST /api/operator/policies': (request) => {
        const body = request.body as { significant: boolean; changes: string[] };
        const info = { version: 2, ...body, publishedAt: 2, url: 'http://x/api/policies/2' };
        versions = [info, ...versions];
        return { status: 201, body: info };
      },
      'GET /api/operator/outbox': {
        body: {
          entries: [
            {
              id: '01900000-0000-7000-8000-0000000000c1',
              channel: 'sms',
              destination: '+6591234567',
              subject: null,
              body: 'Your Carillon code is 123456',
              createdAt: 5,
            },
          ],
        },
      },
      'GET /api/operator/audit/verify': {
        body: { ok: false, entries: 120, checkpoints: 1, problems: ['entry 7 was changed'] },
      },
    });
    renderApp('/operator/policies', fetch);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Summary (English)'), 'Shorter');
    await user.type(screen.getByLabelText('Summary (Simplified Chinese)'), '更短');
    await user.type(screen.getByLabelText('Full text (English, Markdown)'), 'Text');
    await user.type(screen.getByLabelText('Full text (Simplified Chinese, Markdown)'), '全文');
    await user.click(screen.getByRole('checkbox', { name: /Significant change/ }));
    await user.type(
      screen.getByLabelText(/What changed/),
      'Location kept 30 days{Enter}New recipient: payroll{Enter}',
    );
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Version 2 is published.')).toBeDefined();
    const changes = await screen.findByRole('list', { name: 'What changed in version 2' });
    expect(
      within(changes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Location kept 30 days', 'New recipient: payroll']);
    const publish = sent.find((r) => r.path === '/api/operator/policies')!;
    expect(publish.body).toEqual({
      texts: { en: 'Text', 'zh-CN': '全文' },
      summaries: { en: 'Shorter', 'zh-CN': '更短' },
      significant: true,
      changes: ['Location kept 30 days', 'New recipient: payroll'],
    });
    expect(publish.headers['x-csrf-token']).toBe('from-cookie');

    const sections = screen.getByRole('navigation', { name: 'Console sections' });
    await user.click(within(sections).getByRole('link', { name: 'Outbox' }));
    await user.type(await screen.findByLabelText('Purpose of this read'), 'Ticket 9');
    await user.click(screen.getByRole('button', { name: 'Read the outbox' }));
    expect(await screen.findByText('Your Carillon code is 123456')).toBeDefined();

    await user.click(within(sections).getByRole('link', { name: 'Audit log' }));
    await user.click(await screen.findByRole('button', { name: 'Verify the audit log' }));
    expect(await screen.findByText('The audit log has been tampered with.')).toBeDefined();
    expect(screen.getByText('entry 7 was changed')).toBeDefined();
    document.cookie = 'carillon_operator_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });
});
