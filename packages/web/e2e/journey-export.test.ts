import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { journeyFixture, journeysMissing } from './harness/journey';
import { signUp, type Person } from './harness/people';
import { confirmRequest, openPrivacy, readZip } from './harness/privacy';
import { checkScreen } from './harness/screens';
import { textsFor } from './harness/texts';

const missing = journeysMissing();
const mei: Person = {
  phone: '91234568',
  nickname: 'Mei Export',
  t: textsFor('en'),
  shots: 'en-j2-',
};

describe(
  'journey 2: a person exports their data and downloads the zip',
  { skip: missing ?? false },
  () => {
    const fixture = journeyFixture();

    it(
      'asks for a copy, confirms it, downloads a real zip with their data',
      { timeout: 240_000 },
      async () => {
        const { server } = fixture;
        const page = await fixture.open({ locale: 'en-GB', acceptDownloads: true });
        const { t } = mei;
        await signUp(page, server, mei);

        // The privacy center opens on the policy; every version is readable.
        await openPrivacy(page, mei, 'policy');
        await page
          .getByRole('heading', { name: t('privacy.policy.reading', { version: 1 }) })
          .waitFor();
        await checkScreen(page, 'en-privacy-policy');

        // The consent record holds the sign-up acceptance; its receipt downloads as signed JSON.
        await openPrivacy(page, mei, 'consents');
        const record = page.getByRole('table', { name: t('privacy.history.title') });
        await record.getByText(t('privacy.history.policy')).first().waitFor();
        await checkScreen(page, 'en-privacy-consents');
        const [receipt] = await Promise.all([
          page.waitForEvent('download'),
          record
            .getByRole('button', { name: /receipt/ })
            .first()
            .click(),
        ]);
        const receiptJson = JSON.parse(readFileSync((await receipt.path())!, 'utf8')) as {
          receipt: Record<string, unknown>;
          jws: string;
        };
        assert.equal(receiptJson.jws.split('.').length, 3);
        assert.ok(receiptJson.receipt.consentReceiptID);

        // A copy request: submitted, confirmed with password and the code, fulfilled at once.
        await openPrivacy(page, mei, 'requests');
        await page
          .getByLabel(t('privacy.requests.kindLabel'))
          .selectOption({ label: t('privacy.kind.copy') });
        await page.getByRole('button', { name: t('privacy.requests.submit') }).click();
        const form = await confirmRequest(page, server, mei);
        await checkScreen(page, 'en-privacy-request-verify');
        await form.getByRole('button', { name: t('privacy.verify.confirm') }).click();
        const link = page.getByRole('link', { name: t('privacy.requests.download') });
        await link.waitFor();
        await checkScreen(page, 'en-privacy-export');

        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        const file = (await download.path())!;
        assert.equal(readFileSync(file).subarray(0, 4).toString('hex'), '504b0304', 'a zip file');
        const entries = await readZip(file);
        assert.ok(entries.has('index.html'), 'the readable page');
        assert.ok(entries.has('access-report.json'), 'the access report');
        const everything = [...entries.values()].map((b) => b.toString('utf8')).join('\n');
        assert.ok(everything.includes(`+65${mei.phone}`), 'the phone number is in the export');
        assert.ok(everything.includes(mei.nickname), 'the nickname is in the export');

        // The download itself is in "who accessed my data".
        await openPrivacy(page, mei, 'access-log');
        const log = page.getByRole('table', { name: t('privacy.log.title') });
        await log.getByText(t('privacy.log.actions.data.exported')).first().waitFor();
        await checkScreen(page, 'en-privacy-access-log');
      },
    );
  },
);
