import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, health, signedOut } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';

const grant = {
  body: {
    operatorId: '01900000-0000-7000-8000-0000000000a0',
    token: 'op-token',
    csrfToken: 'op-csrf',
    expiresAt: 10,
  },
};
const request = (id: string, organizationName: string, over: Record<string, unknown> = {}) => ({
  id,
  organizationId: '01900000-0000-7000-8000-0000000000c1',
  organizationName,
  status: 'pending',
  legalName: `${organizationName} Pte. Ltd.`,
  registrationNumber: '201912345K',
  legalRepresentative: 'Tan Mei Ling',
  documents: [],
  documentFiles: [],
  submittedAt: Date.UTC(2026, 11, 1),
  reviewedAt: null,
  reason: null,
  ...over,
});
const licence = '01900000-0000-7000-8000-0000000000f1';
const register = '01900000-0000-7000-8000-0000000000f2';
const harbour = request('01900000-0000-7000-8000-0000000000e1', 'Harbour Works', {
  documents: [licence, register],
  documentFiles: [
    { id: licence, name: '营业执照.pdf', mediaType: 'application/pdf', size: 120_000 },
    { id: register, name: 'register.png', mediaType: 'image/png', size: 48_000 },
  ],
});
const lotus = request('01900000-0000-7000-8000-0000000000e2', 'Lotus Trading');

describe('CertificationsPanel', { timeout: 30_000 }, () => {
  it('approves one request and rejects another with a reason; past decisions are a filter away', async () => {
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': signedOut,
      'POST /api/operator/login': grant,
      'GET /api/operator/organization-certifications': (r) => ({
        body: {
          certifications:
            r.query.status === 'rejected'
              ? [{ ...lotus, status: 'rejected', reason: 'The register lists another name.' }]
              : [harbour, lotus],
        },
      }),
      [`POST /api/operator/organization-certifications/${harbour.id}/approve`]: {
        body: { ...harbour, status: 'approved', reviewedAt: 2 },
      },
      [`POST /api/operator/organization-certifications/${lotus.id}/reject`]: (r) => ({
        body: { ...lotus, status: 'rejected', reviewedAt: 2, ...(r.body as object) },
      }),
    });
    renderApp('/operator/certifications', fetch);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Operator name'), 'root');
    await user.type(screen.getByLabelText('Password'), 'operator password 1');
    await user.click(screen.getByRole('button', { name: 'Sign in as operator' }));

    const list = await screen.findByRole('list', { name: 'Organization certification' });
    const first = within(list).getByRole('listitem', { name: 'Harbour Works' });
    expect(within(first).getByText('201912345K')).toBeDefined();
    await user.click(within(first).getByRole('button', { name: 'Approve Harbour Works' }));
    expect(await screen.findByText('Harbour Works is certified.')).toBeDefined();
    expect(within(list).queryByRole('listitem', { name: 'Harbour Works' })).toBeNull();

    const second = within(list).getByRole('listitem', { name: 'Lotus Trading' });
    await user.type(
      within(second).getByLabelText('Reason for rejecting Lotus Trading'),
      'The register lists another name.',
    );
    await user.click(within(second).getByRole('button', { name: 'Reject' }));
    expect(await screen.findByText(/Lotus Trading was rejected/)).toBeDefined();
    expect(sent.find((r) => r.path.endsWith('/reject'))?.body).toEqual({
      reason: 'The register lists another name.',
    });
    expect(sent.find((r) => r.path.endsWith('/approve'))?.headers['x-csrf-token']).toBe('op-csrf');

    await user.selectOptions(screen.getByLabelText('Show'), 'Rejected');
    expect(await screen.findByText('Reason: The register lists another name.')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
  });

  it("opens a request's documents through the audited route once a purpose is stated", async () => {
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': signedOut,
      'POST /api/operator/login': grant,
      'GET /api/operator/organization-certifications': {
        body: { certifications: [harbour, lotus] },
      },
      [`GET /api/operator/organization-certifications/${harbour.id}/documents/${register}`]: {
        response: () => new Response('PNG bytes', { headers: { 'content-type': 'image/png' } }),
      },
    });
    renderApp('/operator/certifications', fetch);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Operator name'), 'root');
    await user.type(screen.getByLabelText('Password'), 'operator password 1');
    await user.click(screen.getByRole('button', { name: 'Sign in as operator' }));

    const list = await screen.findByRole('list', { name: 'Organization certification' });
    const other = within(list).getByRole('listitem', { name: 'Lotus Trading' });
    expect(within(other).getByText('No documents attached.')).toBeDefined();
    const item = within(list).getByRole('listitem', { name: 'Harbour Works' });
    const documents = within(item).getByRole('list', { name: 'Documents attached' });
    expect(within(documents).getByText('营业执照.pdf')).toBeDefined();
    expect(within(documents).queryByRole('button')).toBeNull();

    await user.type(within(item).getByLabelText('Purpose of this read'), 'certification review');
    await user.click(within(item).getByRole('button', { name: 'Open the documents' }));
    const saved: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (saved.push(blob), 'blob:document'));
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(within(documents).getByRole('button', { name: 'Download register.png' }));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(within(documents).getByRole('button', { name: 'Download 营业执照.pdf' })).toBeDefined();
    // An audited read: the download carries the operator's CSRF token, so no other site can file it.
    const read = sent.find((r) => r.path.endsWith(`/documents/${register}`));
    expect(read?.query).toEqual({ purpose: 'certification review' });
    expect(read?.headers['x-csrf-token']).toBe('op-csrf');
    expect(
      within(item).getByText('Each download is recorded with the purpose “certification review”.'),
    ).toBeDefined();
    expect(within(other).queryByRole('button', { name: 'Open the documents' })).toBeNull();
  });
});
