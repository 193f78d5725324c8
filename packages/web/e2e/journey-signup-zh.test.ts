import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyFixture, journeysMissing, PHONE } from './harness/journey';
import { PASSWORD } from './harness/privacy';
import { checkScreen } from './harness/screens';
import { textsFor } from './harness/texts';

const missing = journeysMissing();
const t = textsFor('zh-CN');
const phone = '13812345678';

describe(
  'journey 5: the whole sign-up in Chinese (cn edition, zh-CN browser)',
  { skip: missing ?? false },
  () => {
    const fixture = journeyFixture({ EDITION: 'cn' });

    it(
      'signs up by phone with the Chinese policy, then signs out and in again',
      { timeout: 240_000 },
      async () => {
        const { server } = fixture;
        const page = await fixture.open({ locale: 'zh-CN', viewport: PHONE });

        await page.goto(`${server.url}/login`);
        await page.getByRole('heading', { name: t('auth.loginTitle') }).waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
        await checkScreen(page, 'zh-cn-login');

        await page.getByRole('link', { name: t('auth.signupLink') }).click();
        // Counting radios before the sign-up page is up would count the login page's.
        await page.getByRole('heading', { name: t('signup.title') }).waitFor();
        // The cn edition signs up by phone only, starting on China.
        assert.equal(await page.getByRole('radio').count(), 0);
        const country = page.getByLabel(t('auth.country'));
        assert.equal(await country.inputValue(), 'CN');
        await page.getByLabel(t('auth.phoneNumber')).fill(phone);
        await checkScreen(page, 'zh-cn-signup-phone');
        await page.getByRole('button', { name: t('signup.sendCode') }).click();
        await page.getByText(t('signup.outboxHelp')).waitFor();

        await page.getByLabel(t('signup.code')).fill(await server.readCode(`+86${phone}`));
        await page.getByLabel(t('signup.nickname')).fill('小梅');
        await page.getByLabel(t('auth.password')).fill(PASSWORD);
        await page.getByLabel(t('signup.birthYear')).fill('1990');
        await page.getByText(t('signup.ageRuleCn')).waitFor();
        // The policy is the Chinese text (it prevails in this edition).
        await page.getByText(t('signup.policyFullText')).click();
        const fullText = await page.locator('.policy-text').textContent();
        assert.match(fullText ?? '', /[\u4e00-\u9fff]{20}/, 'the full policy text is in Chinese');
        await page
          .getByRole('checkbox', { name: t('signup.policyAccept', { version: 1 }) })
          .check();
        await checkScreen(page, 'zh-cn-signup-details');
        await page.getByRole('button', { name: t('signup.create') }).click();
        await page.getByRole('heading', { name: t('chats.title') }).waitFor();
        await checkScreen(page, 'zh-cn-chats');

        // The privacy center speaks Chinese too, down to the purposes catalogue the server sends.
        await page.getByRole('link', { name: t('privacy.nav'), exact: true }).click();
        await page
          .getByRole('heading', { name: t('privacy.policy.reading', { version: 1 }) })
          .waitFor();
        await checkScreen(page, 'zh-cn-privacy-policy');
        await page.getByRole('link', { name: t('privacy.section.consents') }).click();
        await page.getByRole('switch', { name: '位置' }).waitFor();
        await checkScreen(page, 'zh-cn-privacy-consents');

        await page.getByRole('button', { name: t('app.signOut') }).click();
        await page.getByRole('heading', { name: t('auth.loginTitle') }).waitFor();
        await page.getByLabel(t('auth.phoneNumber')).fill(phone);
        await page.getByLabel(t('auth.password')).fill(PASSWORD);
        await page.getByRole('button', { name: t('auth.login') }).click();
        await page.getByRole('heading', { name: t('chats.title') }).waitFor();
      },
    );
  },
);
