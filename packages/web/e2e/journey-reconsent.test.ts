import { describe, it } from 'node:test';
import { OPERATOR } from './harness/app-server';
import { journeyFixture, journeysMissing } from './harness/journey';
import { signUp, type Person } from './harness/people';
import { openPrivacy } from './harness/privacy';
import { checkScreen } from './harness/screens';
import { textsFor } from './harness/texts';

const missing = journeysMissing();
const ana: Person = { phone: '91234570', nickname: 'Ana', t: textsFor('en'), shots: 'en-j4-' };
const change = 'Location data is now kept for 30 days instead of 7.';

describe(
  'journey 4: an operator publishes a significant policy change; the person re-consents',
  { skip: missing ?? false },
  () => {
    const fixture = journeyFixture();

    it(
      'pauses additional functions behind the pop-up until the new version is accepted',
      { timeout: 300_000 },
      async () => {
        const { server } = fixture;
        const { t } = ana;
        const page = await fixture.open({
          locale: 'en-GB',
          viewport: { width: 1100, height: 900 },
        });
        const desk = await fixture.open({ locale: 'en-GB' });
        await signUp(page, server, ana);

        // Before the change, an additional function can be switched on.
        await openPrivacy(page, ana, 'consents');
        await page.getByRole('switch', { name: 'Location' }).click();
        await page.getByRole('switch', { name: 'Location', checked: true }).waitFor();

        // The operator signs in to the desk and walks through it.
        await desk.goto(`${server.url}/operator`);
        await desk.getByLabel(t('operator.login.username')).fill(OPERATOR.username);
        await desk.getByLabel(t('auth.password')).fill(OPERATOR.password);
        await checkScreen(desk, 'en-operator-login');
        await desk.getByRole('button', { name: t('operator.login.submit') }).click();
        await desk.getByRole('heading', { name: t('operator.queue.title') }).waitFor();
        await desk.getByLabel(t('operator.purpose.label')).fill('Weekly review of open requests');
        await desk.getByRole('button', { name: t('operator.queue.read') }).click();
        await desk.getByText(t('operator.queue.empty')).waitFor();
        await checkScreen(desk, 'en-operator-queue');

        const sections = desk.getByRole('navigation', { name: t('operator.sections') });
        await sections.getByRole('link', { name: t('operator.section.outbox') }).click();
        await desk.getByLabel(t('operator.purpose.label')).fill('Support ticket 7: sign-up code');
        await desk.getByRole('button', { name: t('operator.outbox.read') }).click();
        await desk.getByRole('table', { name: t('operator.outbox.title') }).waitFor();
        await checkScreen(desk, 'en-operator-outbox');

        await sections.getByRole('link', { name: t('operator.section.audit') }).click();
        await desk.getByRole('button', { name: t('operator.audit.verify') }).click();
        await desk.getByText(t('operator.audit.ok')).waitFor();
        await checkScreen(desk, 'en-operator-audit');

        await sections.getByRole('link', { name: t('operator.section.policies') }).click();
        await desk
          .getByLabel(t('operator.policies.summaryEn'))
          .fill('Version 2: location data kept longer.');
        await desk.getByLabel(t('operator.policies.summaryZh')).fill('第 2 版：位置数据保存更久。');
        await desk.getByLabel(t('operator.policies.textEn')).fill(`# Privacy policy\n\n${change}`);
        await desk
          .getByLabel(t('operator.policies.textZh'))
          .fill('# 隐私政策\n\n位置数据现保存 30 天。');
        await desk.getByRole('checkbox', { name: t('operator.policies.significant') }).check();
        await desk.getByLabel(t('operator.policies.changes')).fill(change);
        await checkScreen(desk, 'en-operator-publish');
        await desk.getByRole('button', { name: t('operator.policies.submit') }).click();
        await desk.getByText(t('operator.policies.published', { version: 2 })).waitFor();
        await desk
          .getByRole('list', { name: t('privacy.policy.changesOf', { version: 2 }) })
          .waitFor();

        // The person's next page load shows the pop-up with what changed.
        await page.reload();
        const dialog = page.getByRole('dialog', { name: t('privacy.reconsent.title') });
        await dialog.getByText(change).first().waitFor();
        await checkScreen(page, 'en-reconsent-dialog');
        await dialog.getByRole('button', { name: t('privacy.reconsent.later') }).click();

        // Basic functions work; additional ones are paused until the person accepts.
        const banner = page.getByRole('region', { name: t('privacy.reconsent.banner') });
        await banner.waitFor();
        await page.getByRole('switch', { name: 'Contacts matching' }).click();
        await page.getByText(t('privacy.consents.reconsentRequired')).waitFor();
        await page.getByRole('switch', { name: 'Contacts matching', checked: false }).waitFor();
        await checkScreen(page, 'en-reconsent-paused');
        await page.getByRole('link', { name: t('nav.chats') }).click();
        await page.getByRole('heading', { name: t('chats.title') }).waitFor();

        await banner.getByRole('button', { name: t('privacy.reconsent.review') }).click();
        await dialog
          .getByRole('button', { name: t('privacy.reconsent.accept', { version: 2 }) })
          .click();
        await banner.waitFor({ state: 'detached' });
        await openPrivacy(page, ana, 'consents');
        await page.getByRole('switch', { name: 'Contacts matching' }).click();
        await page.getByRole('switch', { name: 'Contacts matching', checked: true }).waitFor();
        await checkScreen(page, 'en-privacy-consents-after');
      },
    );
  },
);
