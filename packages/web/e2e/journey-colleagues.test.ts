import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyFixture, journeysMissing, PHONE } from './harness/journey';
import { createOrganization } from './harness/organizations';
import { signUp, type Person } from './harness/people';
import { checkScreen } from './harness/screens';
import { textsFor } from './harness/texts';

const missing = journeysMissing();
const grace: Person = { phone: '91230101', nickname: 'Grace', t: textsFor('en'), shots: 'en-j3-' };
const lei: Person = { phone: '81230102', nickname: '李雷', t: textsFor('zh-CN'), shots: 'zh-j3-' };
const orgName = 'Riverside Clinic';

describe(
  'journey 3: an administrator creates an organization and invites a member; the member leaves and loses the colleague chats',
  { skip: missing ?? false },
  () => {
    const fixture = journeyFixture();

    it(
      'invite code, colleague chat from the directory, leaving takes chats, groups and directory away',
      { timeout: 300_000 },
      async () => {
        const { server } = fixture;
        const a = await fixture.open({ locale: 'en-GB' });
        const b = await fixture.open({ locale: 'zh-CN', viewport: PHONE });
        const t = grace.t;
        const z = lei.t;
        await signUp(a, server, grace);
        await signUp(b, server, lei);

        // Grace creates the organization and makes an invite code in the console.
        const orgPath = await createOrganization(a, grace, orgName);
        await a.getByRole('button', { name: t('org.inviteCode') }).click();
        const code = (await a.locator('strong.invite-code').textContent())?.trim() ?? '';
        assert.match(code, /^[A-Za-z0-9]{8}$/);
        await checkScreen(a, 'en-j3-invite-code');

        // 李雷 types the code on a phone, in Chinese, and lands in the directory.
        await b.getByRole('link', { name: z('org.title') }).click();
        await b.getByLabel(z('org.joinCodeOrLink')).fill(code);
        await b.getByRole('button', { name: z('org.joinButton') }).click();
        await b.getByRole('heading', { name: orgName }).waitFor();

        // From Grace's card in the directory, 李雷 opens a work chat and writes.
        const people = b.getByRole('list', { name: z('org.membersLabel') });
        await people.getByRole('button', { name: 'Grace' }).click();
        await b
          .getByRole('article', { name: 'Grace' })
          .getByRole('button', { name: z('org.messageColleague', { name: 'Grace' }) })
          .click();
        await b
          .getByRole('textbox', { name: z('conversation.message') })
          .fill('你好 Grace，我是李雷。');
        await b.keyboard.press('Enter');
        const bLog = b.getByRole('log', { name: z('conversation.messages') });
        await bLog.getByText('你好 Grace，我是李雷。').waitFor();
        const chatPath = new URL(b.url()).pathname;

        // Grace sees it as a work chat (they are not friends), and answers; it arrives live.
        await a.getByRole('link', { name: t('nav.chats') }).click();
        const work = a.getByRole('link', { name: new RegExp(`李雷.*${t('chats.work')}`) });
        await work.click();
        const aLog = a.getByRole('log', { name: t('conversation.messages') });
        await aLog.getByText('你好 Grace，我是李雷。').waitFor();
        await a.getByRole('textbox', { name: t('conversation.message') }).fill('Welcome, 李雷!');
        await a.keyboard.press('Enter');
        await bLog.getByText('Welcome, 李雷!').waitFor();
        await checkScreen(a, 'en-j3-colleague-chat');
        await checkScreen(b, 'zh-j3-colleague-chat');

        // 李雷 is in the organization's all-staff group too.
        await b.getByRole('link', { name: z('nav.chats') }).click();
        await b.getByRole('link', { name: new RegExp(orgName) }).waitFor();

        // 李雷 leaves the organization from its directory page.
        await b.goto(`${server.url}${orgPath}`);
        await b.getByRole('button', { name: z('org.leave') }).click();
        await b.getByRole('button', { name: z('org.leaveConfirm') }).click();
        await b.getByText(z('org.none')).waitFor();

        // Gone from 李雷's browser: the directory, the work chat and the all-staff group.
        await b.goto(`${server.url}${orgPath}`);
        await b.getByRole('alert').getByText(z('errors.not_found')).waitFor();
        await b.getByRole('link', { name: z('nav.chats') }).click();
        await b.getByText(z('chats.empty')).waitFor();
        assert.equal(await b.getByRole('link', { name: /Grace/ }).count(), 0);
        assert.equal(await b.getByRole('link', { name: new RegExp(orgName) }).count(), 0);
        await checkScreen(b, 'zh-j3-after-leaving');
        await b.goto(`${server.url}${chatPath}`);
        await b.getByText(z('conversation.notFound')).waitFor();

        // Grace keeps the chat as a read-only record, and the directory no longer lists 李雷.
        await a.getByRole('status').getByText(t('conversation.ended')).waitFor();
        assert.equal(
          await a.getByRole('textbox', { name: t('conversation.message') }).count(),
          0,
          'no composer in an ended chat',
        );
        await checkScreen(a, 'en-j3-chat-ended');
        await a.goto(`${server.url}${orgPath}`);
        const directory = a.getByRole('list', { name: t('org.membersLabel') });
        await directory.getByRole('button', { name: 'Grace' }).waitFor();
        assert.equal(await directory.getByRole('button', { name: '李雷' }).count(), 0);
      },
    );
  },
);
