import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { OPERATOR } from './harness/app-server';
import { journeyFixture, journeysMissing, PHONE } from './harness/journey';
import { createOrganization } from './harness/organizations';
import { signUp, type Person } from './harness/people';
import { confirmRequest, PASSWORD, readZip } from './harness/privacy';
import { checkScreen } from './harness/screens';
import { textsFor, type Texts } from './harness/texts';

const missing = journeysMissing();
const hana: Person = { phone: '91230201', nickname: 'Hana', t: textsFor('en'), shots: 'en-jc-' };
const fang: Person = { phone: '81230202', nickname: '王芳', t: textsFor('zh-CN'), shots: 'zh-jc-' };
const orgName = 'Lotus Trading';
const wangLi = { accountName: 'wang.li', name: '王力', password: 'lotus first password 7' };

/** Signs an enterprise account in through the sign-in page. */
async function enterpriseSignIn(page: Page, t: Texts, code: string, password: string) {
  await page.getByRole('radio', { name: t('auth.accountKinds.enterprise') }).check();
  await page.getByLabel(t('auth.organizationCode')).fill(code);
  await page.getByLabel(t('auth.accountName')).fill(wangLi.accountName);
  await page.getByLabel(t('auth.password')).fill(password);
  await page.getByRole('button', { name: t('auth.login') }).click();
}

describe(
  'journey: the administrator console (enterprise accounts, apps, security log, rights requests, data, dissolution, certification)',
  { skip: missing ?? false },
  () => {
    const fixture = journeyFixture();

    it(
      'runs every console section against the real server, in both languages',
      { timeout: 300_000 },
      async () => {
        const { server } = fixture;
        const a = await fixture.open({ locale: 'en-GB', acceptDownloads: true });
        const b = await fixture.open({ locale: 'zh-CN', viewport: PHONE });
        const e = await fixture.open({ locale: 'zh-CN', viewport: PHONE });
        const t = hana.t;
        const z = fang.t;
        await signUp(a, server, hana);
        await signUp(b, server, fang);

        // Hana creates the organization; 王芳 joins by the invite link.
        const orgPath = await createOrganization(a, hana, orgName);
        await a.getByRole('button', { name: t('org.inviteLink') }).click();
        await b.goto(await a.getByLabel(t('org.inviteLinkLabel')).inputValue());
        await b.getByRole('button', { name: z('org.joinButton') }).click();
        await b.getByRole('heading', { name: orgName }).waitFor();
        const section = async (name: string) => {
          await a
            .getByRole('navigation', { name: t('orgAdmin.sections') })
            .getByRole('link', { name: t(`orgAdmin.section.${name}`) })
            .click();
        };

        // Enterprise accounts: create one; it signs in with the organization code.
        await section('accounts');
        const code = (await a.locator('strong.invite-code').textContent())?.trim() ?? '';
        assert.match(code, /^[A-Za-z0-9]{6,16}$/);
        await a.getByLabel(t('orgAdmin.accounts.accountName')).fill(wangLi.accountName);
        await a.getByLabel(t('orgAdmin.accounts.name')).fill(wangLi.name);
        await a.getByLabel(t('orgAdmin.accounts.password')).fill(wangLi.password);
        await a.getByRole('button', { name: t('orgAdmin.accounts.createButton') }).click();
        const row = a.getByRole('listitem', { name: wangLi.name });
        await row.getByText(t('orgAdmin.accounts.active')).waitFor();
        await checkScreen(a, 'en-console-accounts');

        await e.goto(`${server.url}/login`);
        await e.getByRole('radio', { name: z('auth.accountKinds.enterprise') }).check();
        await checkScreen(e, 'zh-enterprise-login');
        await enterpriseSignIn(e, z, code, wangLi.password);
        await e.getByRole('heading', { name: z('chats.title') }).waitFor();

        // Disabled: its session ends and signing in is refused, in words.
        await row
          .getByRole('button', { name: t('orgAdmin.accounts.disable', { name: '王力' }) })
          .click();
        await row.getByText(/Disabled since/).waitFor();
        await e.goto(`${server.url}/login`);
        await enterpriseSignIn(e, z, code, wangLi.password);
        await e.getByRole('alert').getByText(z('errors.account_disabled')).waitFor();

        // Enabled again with a new password from the administrator: the new one works.
        await row
          .getByRole('button', { name: t('orgAdmin.accounts.enable', { name: '王力' }) })
          .click();
        await row.getByText(t('orgAdmin.accounts.active')).waitFor();
        await row
          .getByRole('button', { name: t('orgAdmin.accounts.reset', { name: '王力' }) })
          .click();
        await row
          .getByLabel(t('orgAdmin.accounts.newPassword', { name: '王力' }))
          .fill('lotus second password 8');
        await row
          .getByRole('button', { name: t('orgAdmin.accounts.resetButton'), exact: true })
          .click();
        await row.getByText(t('orgAdmin.accounts.resetDone')).waitFor();
        await enterpriseSignIn(e, z, code, 'lotus second password 8');
        await e.getByRole('heading', { name: z('chats.title') }).waitFor();

        // Its devices, read with a purpose: the browser it just signed in on; 王力 sees the read.
        const devicesOf = t('orgAdmin.accounts.devices', { name: '王力' });
        await row.getByRole('button', { name: devicesOf }).click();
        await row
          .getByLabel(t('orgAdmin.accounts.devicesPurpose', { name: '王力' }))
          .fill('Lost laptop report');
        await row.getByRole('button', { name: t('orgAdmin.accounts.devicesRead') }).click();
        const devices = row.getByRole('table', { name: devicesOf });
        await devices.getByRole('cell', { name: t('orgAdmin.accounts.platform.web') }).waitFor();
        assert.equal(await devices.getByRole('row').count(), 2, 'one signed-in device');
        await checkScreen(a, 'en-console-devices');
        await e.goto(`${server.url}/privacy/access-log`);
        await e
          .getByRole('table', { name: z('privacy.log.title') })
          .getByRole('cell', { name: 'Lost laptop report' })
          .waitFor();

        // App management: directory search off; 王芳's search says so, browsing still works.
        await section('apps');
        const search = a.getByRole('switch', { name: t('orgAdmin.apps.directory_search.name') });
        await search.click();
        await a
          .getByRole('switch', { name: t('orgAdmin.apps.directory_search.name'), checked: false })
          .waitFor();
        await checkScreen(a, 'en-console-apps');
        await b.goto(`${server.url}${orgPath}`);
        const people = b.getByRole('list', { name: z('org.membersLabel') });
        await people.getByRole('button', { name: 'Hana' }).waitFor();
        await b.getByRole('searchbox', { name: z('org.search') }).fill('hana');
        await b.getByRole('alert').getByText(z('errors.feature_disabled')).waitFor();
        await checkScreen(b, 'zh-jc-search-disabled');
        await search.click();
        await a
          .getByRole('switch', { name: t('orgAdmin.apps.directory_search.name'), checked: true })
          .waitFor();
        await b.reload();
        await b.getByRole('searchbox', { name: z('org.search') }).fill('wangli');
        await people.getByRole('button', { name: '王力' }).waitFor();
        assert.equal(await b.getByRole('alert').count(), 0);

        // Security log: 王力's log-ins, read with a purpose; and how long the log is kept.
        await section('security');
        await a.getByLabel(t('orgAdmin.security.purpose')).fill('Checking sign-ins after a reset');
        await a.getByLabel(t('orgAdmin.security.member')).selectOption({ label: '王力' });
        await a
          .getByLabel(t('orgAdmin.security.kindLabel'))
          .selectOption({ label: t('orgAdmin.security.kind.login') });
        await a.getByRole('button', { name: t('orgAdmin.security.read') }).click();
        const log = a.getByRole('table', { name: t('orgAdmin.security.title') });
        await log.getByRole('row').nth(2).waitFor();
        const cells = await log.getByRole('row').allTextContents();
        assert.ok(cells.slice(1).every((text) => text.includes('王力') && text.includes('Log-in')));
        await a.getByLabel(t('orgAdmin.security.days')).fill('90');
        await a.getByRole('button', { name: t('orgAdmin.security.saveRetention') }).click();
        await a.getByText(t('orgAdmin.security.saved')).waitFor();
        await checkScreen(a, 'en-console-security');

        // Data-rights requests: 王芳 asks what is held about her; the part about the organization's
        // data reaches Hana, who fulfils it with a note.
        await b.goto(`${server.url}/privacy/requests`);
        await b
          .getByLabel(z('privacy.requests.kindLabel'))
          .selectOption({ label: z('privacy.kind.access') });
        await b.getByRole('button', { name: z('privacy.requests.submit') }).click();
        const confirm = await confirmRequest(b, server, fang);
        await confirm.getByRole('button', { name: z('privacy.verify.confirm') }).click();
        await b.getByRole('button', { name: z('privacy.report.show') }).waitFor();
        await section('rights');
        const access = { member: '王芳', kind: t('orgAdmin.rights.kind.access') };
        const part = a.getByRole('listitem', { name: t('orgAdmin.rights.heading', access) });
        await part.getByText(t('orgAdmin.rights.status.open')).waitFor();
        await part.getByLabel(t('orgAdmin.rights.note')).fill('HR has sent you the records.');
        await checkScreen(a, 'en-console-rights');
        await part.getByRole('button', { name: t('orgAdmin.rights.fulfil', access) }).click();
        await part.getByText(t('orgAdmin.rights.status.fulfilled')).waitFor();
        await part
          .getByText(t('orgAdmin.rights.answer', { answer: 'HR has sent you the records.' }))
          .waitFor();

        // Organization data: the export downloads as a zip; a retention period is set.
        await section('data');
        const [download] = await Promise.all([
          a.waitForEvent('download'),
          a.getByRole('link', { name: t('orgAdmin.data.export') }).click(),
        ]);
        const file = (await download.path())!;
        assert.equal(readFileSync(file).subarray(0, 4).toString('hex'), '504b0304', 'a zip file');
        const everything = [...(await readZip(file)).values()].map((x) => x.toString()).join('\n');
        assert.ok(everything.includes('王芳'), 'the directory is in the export');
        await a.getByLabel(t('orgAdmin.data.retentionDays')).fill('365');
        await a.getByRole('button', { name: t('orgAdmin.data.saveRetention') }).click();
        await a.getByText(t('orgAdmin.data.retentionSet_other', { count: 365 })).waitFor();

        // Dissolution: started with the password, the grace period shown to the admin and to 王芳.
        await a.getByLabel(t('orgAdmin.dissolve.password')).fill(PASSWORD);
        await a.getByRole('button', { name: t('orgAdmin.dissolve.start') }).click();
        await a.getByRole('button', { name: t('orgAdmin.dissolve.confirm') }).click();
        await a.getByText(/15-day grace period/).waitFor();
        await checkScreen(a, 'en-console-data');
        await b.goto(`${server.url}${orgPath}`);
        await b.getByRole('status').filter({ hasText: orgName }).waitFor();
        await checkScreen(b, 'zh-jc-dissolution-notice');
        await a.getByRole('button', { name: t('orgAdmin.dissolve.withdraw') }).click();
        await a.getByText(t('orgAdmin.dissolve.withdrawn')).waitFor();
        await b.reload();
        await b.getByRole('heading', { name: orgName }).waitFor();
        await people.getByRole('button', { name: 'Hana' }).waitFor();
        assert.equal(await b.getByRole('status').filter({ hasText: orgName }).count(), 0);

        // Certification: Hana submits the business details and a document; the operator opens
        // the document with a purpose and approves the request on the desk.
        await section('people');
        await a.getByLabel(t('org.legalName')).fill('Lotus Trading Pte. Ltd.');
        await a.getByLabel(t('org.registrationNumber')).fill('201912345K');
        await a.getByLabel(t('org.legalRepresentative')).fill('Hana Lim');
        const licence = Buffer.from('%PDF-1.4\n% Lotus Trading business licence\n');
        await a
          .getByLabel(t('org.attachDocuments'))
          .setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: licence });
        const attached = a.getByRole('list', { name: t('org.attachedDocuments') });
        await attached.getByRole('listitem', { name: 'licence.pdf' }).waitFor();
        await attached.getByRole('progressbar').waitFor({ state: 'detached' });
        await a.getByRole('button', { name: t('org.submitCertification') }).click();
        await a.getByText(/waiting for review/).waitFor();
        await a
          .getByRole('list', { name: t('org.documentsSent') })
          .getByText('licence.pdf')
          .waitFor();
        const desk = await fixture.open({ locale: 'zh-CN', acceptDownloads: true });
        await desk.goto(`${server.url}/operator`);
        await desk.getByLabel(z('operator.login.username')).fill(OPERATOR.username);
        await desk.getByLabel(z('auth.password')).fill(OPERATOR.password);
        await desk.getByRole('button', { name: z('operator.login.submit') }).click();
        await desk
          .getByRole('navigation', { name: z('operator.sections') })
          .getByRole('link', { name: z('operator.section.certifications') })
          .click();
        const request = desk.getByRole('listitem', { name: orgName });
        await request.getByText('201912345K').waitFor();
        await request.getByLabel(z('operator.purpose.label')).fill('核对营业执照');
        await request.getByRole('button', { name: z('operator.certs.openDocuments') }).click();
        const [opened] = await Promise.all([
          desk.waitForEvent('download'),
          request
            .getByRole('button', { name: z('operator.certs.download', { name: 'licence.pdf' }) })
            .click(),
        ]);
        assert.equal(opened.suggestedFilename(), 'licence.pdf');
        assert.ok(readFileSync((await opened.path())!).equals(licence), 'the bytes Hana sent');
        await checkScreen(desk, 'zh-operator-certifications');
        await request
          .getByRole('button', { name: z('operator.certs.approveName', { name: orgName }) })
          .click();
        await desk.getByText(z('operator.certs.decided.approved', { name: orgName })).waitFor();
        await a.goto(`${server.url}${orgPath}`);
        await a.getByText(t('org.certified'), { exact: true }).waitFor();
      },
    );
  },
);
