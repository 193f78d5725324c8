import type { Page } from 'playwright-core';
import type { Person } from './people';

/**
 * `admin` creates an organization from the Organization tab and opens its
 * administrator console; returns the path of its directory.
 */
export async function createOrganization(page: Page, admin: Person, name: string): Promise<string> {
  const { t } = admin;
  await page.getByRole('link', { name: t('org.title') }).click();
  await page.getByLabel(t('org.name')).fill(name);
  await page.getByRole('button', { name: t('org.createButton') }).click();
  await page.getByRole('heading', { name }).waitFor();
  const directory = new URL(page.url()).pathname;
  await page.getByRole('link', { name: t('org.console') }).click();
  return directory;
}
