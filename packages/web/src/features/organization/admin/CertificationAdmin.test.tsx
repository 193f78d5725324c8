import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { account, fakeFetch, health } from '../../../../test/fake-fetch';
import { fakeXhr } from '../../../../test/fake-xhr';
import { renderApp } from '../../../../test/render-app';
import { me, notFound, org, orgBasics } from '../org.fixtures';

const base = `/api/organizations/${org}`;
const licenceId = '01900000-0000-7000-8000-0000000000f1';
const photoId = '01900000-0000-7000-8000-0000000000f2';
const stored = (id: string, name: string, size: number) => ({
  id,
  name,
  mediaType: 'application/octet-stream',
  kind: 'document',
  size,
  width: null,
  height: null,
  thumbnail: false,
  createdAt: 1,
});
const details = {
  legalName: 'Harbour Works Pte. Ltd.',
  registrationNumber: '201912345K',
  legalRepresentative: 'Tan Mei Ling',
};
const submitted = (documents: { id: string; name: string; size: number }[]) => ({
  id: '01900000-0000-7000-8000-0000000000e1',
  organizationId: org,
  organizationName: 'Harbour Works',
  status: 'pending',
  ...details,
  documents: documents.map((d) => d.id),
  documentFiles: documents.map((d) => ({ ...d, mediaType: 'application/pdf' })),
  submittedAt: Date.UTC(2026, 11, 1),
  reviewedAt: null,
  reason: null,
});

function server(routes: Parameters<typeof fakeFetch>[0] = {}) {
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    ...orgBasics(),
    [`GET ${base}/applications`]: { body: { applications: [] } },
    [`GET ${base}/certification`]: notFound,
    ...routes,
  });
}

const file = (name: string, size = 2_000) => new File([new Uint8Array(size)], name);

async function fillDetails(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Legal name'), details.legalName);
  await user.type(screen.getByLabelText('Registration number'), details.registrationNumber);
  await user.type(screen.getByLabelText('Legal representative'), details.legalRepresentative);
}

describe('CertificationAdmin', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('uploads documents with progress, removes some, and submits the ids of the rest', async () => {
    let releaseLicence: () => void = () => undefined;
    const xhr = fakeXhr((picked) => {
      if (picked.name === 'huge.bin')
        return { status: 413, body: { error: { id: 'payload_too_large', message: 'big' } } };
      if (picked.name === 'photo.png')
        return { status: 201, body: stored(photoId, 'photo.png', picked.size) };
      return new Promise((resolve) => {
        releaseLicence = () =>
          resolve({ status: 201, body: stored(licenceId, 'licence.pdf', picked.size) });
      });
    });
    vi.stubGlobal('XMLHttpRequest', xhr.XMLHttpRequest);
    const { fetch, sent } = server({
      [`DELETE /api/files/${photoId}`]: { status: 204 },
      [`POST ${base}/certification`]: {
        status: 201,
        body: submitted([{ id: licenceId, name: 'licence.pdf', size: 4_000 }]),
      },
    });
    renderApp(`/org/${org}/admin/people`, fetch);
    const user = userEvent.setup();
    await fillDetails(user);
    await user.upload(screen.getByLabelText('Attach documents'), [
      file('licence.pdf', 4_000),
      file('photo.png'),
      file('huge.bin'),
    ]);

    const list = screen.getByRole('list', { name: 'Attached documents' });
    const licence = within(list).getByRole('listitem', { name: 'licence.pdf' });
    expect(await within(licence).findByText('Uploading 50 %')).toBeDefined();
    expect(within(licence).getByRole('progressbar')).toBeDefined();
    const huge = within(list).getByRole('listitem', { name: 'huge.bin' });
    expect(await within(huge).findByRole('alert')).toHaveProperty(
      'textContent',
      'This file is too large.',
    );
    const photo = within(list).getByRole('listitem', { name: 'photo.png' });
    await waitFor(() => expect(within(photo).queryByRole('progressbar')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Submit for certification' }));
    expect(
      screen.getByText('Wait until every document is uploaded, or remove the ones that failed.'),
    ).toBeDefined();
    expect(sent.some((r) => r.method === 'POST' && r.path === `${base}/certification`)).toBe(false);

    await user.click(within(huge).getByRole('button', { name: 'Remove huge.bin' }));
    await user.click(within(photo).getByRole('button', { name: 'Remove photo.png' }));
    await waitFor(() =>
      expect(sent.some((r) => r.method === 'DELETE' && r.path === `/api/files/${photoId}`)).toBe(
        true,
      ),
    );
    expect(within(list).queryByRole('listitem', { name: 'photo.png' })).toBeNull();
    releaseLicence();
    await waitFor(() => expect(within(licence).queryByRole('progressbar')).toBeNull());
    expect(xhr.sent.map((upload) => upload.file?.name)).toEqual([
      'licence.pdf',
      'photo.png',
      'huge.bin',
    ]);

    await user.click(screen.getByRole('button', { name: 'Submit for certification' }));
    expect(await screen.findByText(/waiting for review/)).toBeDefined();
    expect(
      sent.find((r) => r.method === 'POST' && r.path === `${base}/certification`)?.body,
    ).toEqual({ ...details, documents: [licenceId] });
    const sentList = screen.getByRole('list', { name: 'Documents sent' });
    expect(within(sentList).getByText('licence.pdf')).toBeDefined();
    expect(screen.queryByLabelText('Attach documents')).toBeNull();
  });

  it('takes at most ten documents with a request', async () => {
    const xhr = fakeXhr((picked) => ({ status: 201, body: stored(photoId, picked.name, 1) }));
    vi.stubGlobal('XMLHttpRequest', xhr.XMLHttpRequest);
    const { fetch } = server();
    renderApp(`/org/${org}/admin/people`, fetch);
    const user = userEvent.setup();
    const picker = await screen.findByLabelText('Attach documents');
    await user.upload(
      picker,
      Array.from({ length: 11 }, (_, i) => file(`page-${i + 1}.pdf`)),
    );
    expect(screen.getByRole('alert')).toHaveProperty(
      'textContent',
      'At most 10 documents can go with a request.',
    );
    expect(screen.queryByRole('list', { name: 'Attached documents' })).toBeNull();
    expect(xhr.sent).toEqual([]);
  });
});
