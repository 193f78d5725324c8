import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { journeyFixture, journeysMissing, PHONE } from './harness/journey';
import { signUp, type Person } from './harness/people';
import { PASSWORD } from './harness/privacy';
import { checkScreen } from './harness/screens';
import { textsFor } from './harness/texts';

const missing = journeysMissing();
const mei: Person = { phone: '91234571', nickname: 'Mei', t: textsFor('en'), shots: 'en-j7-' };
const NEW_PASSWORD = 'a freshly reset passphrase';

/** Signs in with Mei's number and `password` on the sign-in page, whatever the answer. */
async function submitSignIn(page: Page, password: string): Promise<void> {
  await page.getByLabel(mei.t('auth.phoneNumber')).fill(mei.phone);
  await page.getByLabel(mei.t('auth.password')).fill(password);
  await page.getByRole('button', { name: mei.t('auth.login') }).click();
}

describe(
  'journey 7: a frozen account unfrozen at sign-in, a forgotten password reset',
  { skip: missing ?? false },
  () => {
    const fixture = journeyFixture();

    it(
      'unfreezes with a code and signs straight in; resets the password from another browser',
      { timeout: 240_000 },
      async () => {
        const { server } = fixture;
        const { t } = mei;
        const phone = `+65${mei.phone}`;
        const page = await fixture.open({ locale: 'en-GB' });
        await signUp(page, server, mei);

        // Freezing in the settings ends the session and shows sign-in.
        await page.getByRole('link', { name: t('settings.title') }).click();
        await page.getByLabel(t('settings.freezePassword')).fill(PASSWORD);
        await page.getByRole('button', { name: t('settings.freezeButton') }).click();
        await page.getByRole('heading', { name: t('auth.loginTitle') }).waitFor();

        // Sign-in says the account is frozen and offers a code to the number typed.
        await submitSignIn(page, PASSWORD);
        await page
          .getByRole('alert')
          .filter({ hasText: t('errors.account_frozen') })
          .waitFor();
        await checkScreen(page, 'en-unfreeze-offer');
        const beforeUnfreeze = await server.lastCodeAt(phone);
        await page.getByRole('button', { name: t('recovery.unfreeze.start') }).click();
        await page.getByText(t('signup.outboxHelp')).waitFor();
        await page.getByLabel(t('signup.code')).fill(await server.readCode(phone, beforeUnfreeze));
        await checkScreen(page, 'en-unfreeze-code');
        await page.getByRole('button', { name: t('recovery.unfreeze.submit') }).click();
        // Signed in, back on the settings page the freeze left; its notices say what happened.
        await page.getByRole('heading', { name: t('settings.title') }).waitFor();
        await page.getByText(t('notifications.notice.account_unfrozen'), { exact: true }).waitFor();

        // Another browser, on a phone: "Forgot your password?", a code, a new password.
        const other = await fixture.open({ locale: 'en-GB', viewport: PHONE });
        await other.goto(`${server.url}/login`);
        await other.getByLabel(t('auth.phoneNumber')).fill(mei.phone);
        await other.getByRole('link', { name: t('recovery.forgotLink') }).click();
        await other.getByRole('heading', { name: t('recovery.reset.title') }).waitFor();
        await checkScreen(other, 'en-reset-identity');
        const beforeReset = await server.lastCodeAt(phone);
        await other.getByRole('button', { name: t('signup.sendCode') }).click();
        await other.getByLabel(t('signup.code')).fill(await server.readCode(phone, beforeReset));
        await other.getByLabel(t('recovery.reset.newPassword')).fill(NEW_PASSWORD);
        await checkScreen(other, 'en-reset-code');
        await other.getByRole('button', { name: t('recovery.reset.submit') }).click();

        // Back at sign-in with a confirmation and the number still typed; the new password works.
        await other.getByText(t('recovery.reset.done')).waitFor();
        assert.equal(await other.getByLabel(t('auth.phoneNumber')).inputValue(), mei.phone);
        await checkScreen(other, 'en-reset-done');
        await submitSignIn(other, NEW_PASSWORD);
        await other.getByRole('heading', { name: t('chats.title') }).waitFor();

        // The reset ended the first browser's session, and its old password is refused.
        await page.goto(`${server.url}/chats`);
        await page.getByRole('heading', { name: t('auth.loginTitle') }).waitFor();
        await submitSignIn(page, PASSWORD);
        await page
          .getByRole('alert')
          .filter({ hasText: t('errors.invalid_credentials') })
          .waitFor();
      },
    );
  },
);
