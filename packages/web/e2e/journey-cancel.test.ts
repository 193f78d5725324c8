import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyFixture, journeysMissing } from './harness/journey';
import { signUp, type Person } from './harness/people';
import { confirmRequest, openPrivacy, signIn } from './harness/privacy';
import { checkScreen } from './harness/screens';
import { textsFor } from './harness/texts';

const missing = journeysMissing();
const lin: Person = { phone: '91234569', nickname: 'Lin', t: textsFor('en'), shots: 'en-j6-' };

describe('journey 6: a person cancels their account', { skip: missing ?? false }, () => {
  const fixture = journeyFixture();

  it(
    'shows the cooling-off period; signing in again within it withdraws the cancellation',
    { timeout: 240_000 },
    async () => {
      const { server } = fixture;
      const page = await fixture.open({ locale: 'en-GB', viewport: { width: 1100, height: 900 } });
      const { t } = lin;
      await signUp(page, server, lin);

      await openPrivacy(page, lin, 'cancel');
      await page.getByText(t('privacy.cancel.coolingOff')).waitFor();
      await page.getByLabel(t('privacy.cancel.reason')).fill('Trying another messenger');
      await checkScreen(page, 'en-privacy-cancel');
      await page.getByRole('button', { name: t('privacy.cancel.submit') }).click();
      const form = await confirmRequest(page, server, lin);
      await form.getByRole('button', { name: t('privacy.verify.confirm') }).click();

      // Signed out everywhere; the page says until when signing in keeps the account (7 days by default).
      await page.getByRole('heading', { name: t('privacy.cancelled.title') }).waitFor();
      const until = await page
        .getByRole('status')
        .filter({ hasText: /erased after/ })
        .textContent();
      const date = new Date(Number(new URL(page.url()).searchParams.get('until')));
      // "Now" as the server's clock says it (the Date header of any answer).
      const serverNow = Date.parse((await fetch(`${server.url}/api/health`)).headers.get('date')!);
      const days = (date.getTime() - serverNow) / 86_400_000;
      assert.ok(days > 6.9 && days <= 7.01, `cooling-off of 7 days, got ${days}`);
      assert.ok(until?.includes(String(date.getDate())));
      await checkScreen(page, 'en-account-cancelled');

      // The old session is gone: the signed-in screens send the browser to sign in.
      await page.goto(`${server.url}/chats`);
      await page.getByRole('heading', { name: t('auth.loginTitle') }).waitFor();

      // Signing in within the cooling-off period withdraws the cancellation.
      await signIn(page, server, lin);
      await openPrivacy(page, lin, 'requests');
      const item = page.getByRole('listitem', { name: t('privacy.kind.cancel_account') });
      await item.getByText(t('privacy.status.withdrawn'), { exact: true }).waitFor();
      await checkScreen(page, 'en-privacy-cancel-withdrawn');
      await openPrivacy(page, lin, 'access-log');
      await page
        .getByRole('table', { name: t('privacy.log.title') })
        .getByText(t('privacy.log.actions.account.cancellation_withdrawn'))
        .waitFor();
    },
  );
});
