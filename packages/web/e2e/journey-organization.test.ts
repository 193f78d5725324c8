import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyFixture, journeysMissing, PHONE } from './harness/journey';
import { signUp, type Person } from './harness/people';
import { checkScreen } from './harness/screens';
import { textsFor } from './harness/texts';

const missing = journeysMissing();

const admin: Person = { phone: '91230001', nickname: 'Mei', t: textsFor('en'), shots: 'en-' };
const member: Person = { phone: '81230002', nickname: '张三', t: textsFor('zh-CN'), shots: 'zh-' };

describe(
  'journey: an administrator builds an organization, invites a member, and makes a group with them',
  { skip: missing ?? false },
  () => {
    const fixture = journeyFixture();

    it(
      'organization, department, invite link, pinyin search, group and role change',
      { timeout: 300_000 },
      async () => {
        const { server } = fixture;
        const a = await fixture.open({ locale: 'en-GB' });
        const b = await fixture.open({ locale: 'zh-CN', viewport: PHONE });
        const t = admin.t;
        const z = member.t;
        await signUp(a, server, admin);
        await signUp(b, server, member);

        // Mei creates the organization and lands on its (empty) directory.
        await a.getByRole('link', { name: t('org.title') }).click();
        await a.getByRole('heading', { name: t('org.create') }).waitFor();
        await checkScreen(a, 'en-org-home');
        await a.getByLabel(t('org.name')).fill('Harbour Works');
        await a.getByLabel(t('org.industry')).fill('Logistics');
        await a.getByRole('button', { name: t('org.createButton') }).click();
        await a.getByRole('heading', { name: 'Harbour Works' }).waitFor();

        // In the console: a department, then an invite link.
        await a.getByRole('link', { name: t('org.console') }).click();
        await a.getByLabel(t('org.departmentName')).fill('Sales');
        await a.getByRole('button', { name: t('org.addDepartment') }).click();
        await a.getByRole('button', { name: t('org.editDepartment', { name: 'Sales' }) }).waitFor();
        await a.getByRole('button', { name: t('org.inviteLink') }).click();
        const orgLink = await a.getByLabel(t('org.inviteLinkLabel')).inputValue();
        assert.match(orgLink, /\/org\/join\?token=/);
        await checkScreen(a, 'en-org-console');

        // 张三 opens the link on a phone, in Chinese, and joins.
        await b.goto(orgLink);
        await b.getByRole('heading', { name: z('org.join') }).waitFor();
        await checkScreen(b, 'zh-org-join');
        await b.getByRole('button', { name: z('org.joinButton') }).click();
        await b.getByRole('heading', { name: 'Harbour Works' }).waitFor();
        await checkScreen(b, 'zh-org-directory');

        // Mei puts 张三 into Sales.
        await a.reload();
        await a.getByRole('button', { name: t('org.manageMember', { name: '张三' }) }).click();
        const details = a.getByRole('form', { name: t('org.memberDetails', { name: '张三' }) });
        await details.getByLabel(t('org.field.position')).fill('Sales lead');
        await details.getByRole('checkbox', { name: 'Sales' }).check();
        await details.getByRole('button', { name: t('org.saveMember') }).click();
        await details.getByText(t('org.saved')).waitFor();
        await checkScreen(a, 'en-org-member-admin');

        // The directory finds 张三 by full pinyin and by initials, and in the Sales department.
        await a.getByRole('link', { name: t('org.backToDirectory') }).click();
        const search = a.getByRole('searchbox', { name: t('org.search') });
        const people = a.getByRole('list', { name: t('org.membersLabel') });
        await search.fill('zhangsan');
        await people.getByRole('button', { name: 'Mei' }).waitFor({ state: 'detached' });
        // The results replace the list after a pause: wait for them, then count.
        await people.getByRole('button', { name: '张三' }).first().waitFor();
        assert.equal(await people.getByRole('button', { name: '张三' }).count(), 1);
        await search.fill('m');
        await people.getByRole('button', { name: '张三' }).waitFor({ state: 'detached' });
        await search.fill('zs');
        await people.getByRole('button', { name: '张三' }).click();
        await a.getByRole('article', { name: '张三' }).getByText('Sales lead').waitFor();
        await checkScreen(a, 'en-org-search');
        await search.fill('');
        await a
          .getByRole('navigation', { name: t('org.departments') })
          .getByRole('button', { name: t('org.departmentWithCount', { name: 'Sales', count: 1 }) })
          .click();
        await a.getByRole('heading', { name: 'Sales', exact: true }).waitFor();
        await people.getByRole('button', { name: '张三' }).waitFor();

        // Mei makes a group and invites 张三 by its link.
        await a.getByRole('link', { name: t('groups.title') }).click();
        await a.getByLabel(t('groups.name')).fill('Harbour team');
        await a.getByRole('button', { name: t('groups.createButton') }).click();
        await a.getByRole('heading', { name: 'Harbour team' }).waitFor();
        await a.getByRole('button', { name: t('groups.inviteCreate') }).click();
        const groupLink = await a.getByLabel(t('groups.inviteLink')).inputValue();
        await a.getByRole('img', { name: t('groups.inviteQr') }).waitFor();
        assert.ok(
          await a.getByRole('img', { name: t('groups.inviteQr') }).evaluate(async (element) => {
            const img = element as HTMLImageElement;
            await img.decode();
            return img.naturalWidth > 0;
          }),
          'the invite QR code loads',
        );
        await b.goto(groupLink);
        await b.getByRole('button', { name: z('groups.join') }).click();
        await b.getByRole('heading', { name: 'Harbour team' }).waitFor();

        // Mei sees 张三 among the members and makes them an admin; 张三 sees the new role.
        await a.reload();
        await a.getByRole('button', { name: t('groups.makeAdmin', { name: '张三' }) }).click();
        await a.getByRole('button', { name: t('groups.unmakeAdmin', { name: '张三' }) }).waitFor();
        await checkScreen(a, 'en-group');
        await b.reload();
        await b.getByRole('button', { name: z('groups.inviteCreate') }).waitFor();
        await b
          .getByRole('list', { name: z('groups.membersLabel') })
          .getByText(z('groups.role.admin'))
          .waitFor();
        await checkScreen(b, 'zh-group');

        // The settings and the contacts additions pass the same accessibility check.
        await a.getByRole('link', { name: t('settings.title') }).click();
        await a.getByRole('switch', { name: t('settings.hideLastSeen') }).check();
        await a
          .getByRole('list', { name: t('settings.sessions') })
          .getByRole('listitem')
          .first()
          .waitFor();
        await checkScreen(a, 'en-settings');
        await a
          .getByRole('heading', { name: t('notifications.title'), exact: true })
          .scrollIntoViewIfNeeded();
        await checkScreen(a, 'en-settings-notifications');
        await b.getByRole('link', { name: z('nav.contacts') }).click();
        await b.getByRole('switch', { name: z('contactsMore.matchingSwitch') }).waitFor();
        await checkScreen(b, 'zh-contacts-more');
        await b.getByRole('link', { name: z('settings.title') }).click();
        await b
          .getByRole('heading', { name: z('notifications.title'), exact: true })
          .scrollIntoViewIfNeeded();
        await checkScreen(b, 'zh-settings-notifications');
      },
    );
  },
);
