import type { Page } from 'playwright-core';
import yauzl from 'yauzl';
import type { AppServer } from './app-server';
import type { Person } from './people';

/** The password `signUp` gives everyone. */
export const PASSWORD = 'correct horse battery staple';

/** Opens a section of the privacy center through the navigation. */
export async function openPrivacy(page: Page, person: Person, section: string): Promise<void> {
  await page.getByRole('link', { name: person.t('privacy.nav'), exact: true }).click();
  await page
    .getByRole('navigation', { name: person.t('privacy.sections') })
    .getByRole('link', { name: person.t(`privacy.section.${section}`) })
    .click();
}

/** Confirms the request on screen with the password and the code the outbox holds for the person. */
export async function confirmRequest(page: Page, server: AppServer, person: Person) {
  const { t } = person;
  const form = page.getByRole('form', { name: t('privacy.verify.title') });
  await form.waitFor();
  await form.getByLabel(t('auth.password')).fill(PASSWORD);
  await form.getByLabel(t('signup.code')).fill(await server.readCode(`+65${person.phone}`));
  return form;
}

/** Signs in through the sign-in page with the person's Singapore number. */
export async function signIn(page: Page, server: AppServer, person: Person): Promise<void> {
  const { t } = person;
  await page.goto(`${server.url}/login`);
  await page.getByLabel(t('auth.phoneNumber')).fill(person.phone);
  await page.getByLabel(t('auth.password')).fill(PASSWORD);
  await page.getByRole('button', { name: t('auth.login') }).click();
  await page.getByRole('heading', { name: t('chats.title') }).waitFor();
}

/** Every entry of a zip file, name → content, read with yauzl (it checks the central directory). */
export function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
