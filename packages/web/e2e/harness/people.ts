import type { Page } from 'playwright-core';
import type { AppServer } from './app-server';
import { checkScreen } from './screens';
import type { Texts } from './texts';

/** Someone a journey signs up: a mobile number (Singapore unless `prefix` says) and a nickname. */
export interface Person {
  phone: string;
  nickname: string;
  t: Texts;
  /** A prefix for this person's screenshots, e.g. `en-` or `zh-`. */
  shots: string;
  /** The country calling code the sign-up page starts on (`+86` in the cn edition); `+65` if left out. */
  prefix?: string;
  /** 1990 if left out. */
  birthYear?: number;
}

/** The whole sign-up through the screens: number, code from the outbox, details, policy. */
export async function signUp(page: Page, server: AppServer, person: Person): Promise<void> {
  const { t } = person;
  await page.goto(`${server.url}/login`);
  await page.getByRole('link', { name: t('auth.signupLink') }).click();
  await page.getByRole('textbox', { name: t('auth.phoneNumber'), exact: true }).fill(person.phone);
  await checkScreen(page, `${person.shots}signup-phone`);
  await page.getByRole('button', { name: t('signup.sendCode') }).click();
  await page.getByLabel(t('signup.code')).waitFor();
  const code = await server.readCode(`${person.prefix ?? '+65'}${person.phone}`);
  await page.getByLabel(t('signup.code')).fill(code);
  await page.getByLabel(t('signup.nickname')).fill(person.nickname);
  await page.getByLabel(t('auth.password')).fill('correct horse battery staple');
  await page.getByLabel(t('signup.birthYear')).fill(String(person.birthYear ?? 1990));
  await page.getByText(t('signup.policyFullText')).click();
  await page.getByRole('checkbox', { name: t('signup.policyAccept', { version: 1 }) }).check();
  await checkScreen(page, `${person.shots}signup-details`);
  await page.getByRole('button', { name: t('signup.create') }).click();
  await page.getByRole('heading', { name: t('chats.title') }).waitFor();
}
