import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyFixture, journeysMissing, PHONE } from './harness/journey';
import { signUp, type Person } from './harness/people';
import { checkScreen } from './harness/screens';
import { textsFor } from './harness/texts';

const missing = journeysMissing();
const z = textsFor('zh-CN');
const child: Person = {
  phone: '13912345670',
  nickname: '小明',
  t: z,
  shots: 'zh-guardian-child-',
  prefix: '+86',
  birthYear: 2016,
};
const parent: Person = {
  phone: '13912345671',
  nickname: '明妈妈',
  t: z,
  shots: 'zh-guardian-parent-',
  prefix: '+86',
};

describe(
  'journey: a child under 14 signs up in the cn edition and a guardian approves the account',
  { skip: missing ?? false },
  () => {
    const fixture = journeyFixture({ EDITION: 'cn' });

    it(
      'shows the child the link for a guardian, who approves it from their own account',
      {
        timeout: 240_000,
      },
      async () => {
        const { server } = fixture;
        const kid = await fixture.open({ locale: 'zh-CN', viewport: PHONE });
        const mum = await fixture.open({ locale: 'zh-CN' });
        await signUp(kid, server, child);
        const banner = kid.getByRole('region', { name: z('privacy.guardian.banner') });
        await banner.waitFor();
        const link = await banner.getByLabel(z('privacy.guardian.linkLabel')).inputValue();
        await checkScreen(kid, 'zh-guardian-banner');

        await signUp(mum, server, parent);
        // An adult's account needs no guardian: no banner for them.
        await mum.getByRole('heading', { name: z('chats.title') }).waitFor();
        assert.equal(
          await mum.getByRole('region', { name: z('privacy.guardian.banner') }).count(),
          0,
        );
        await mum.goto(link);
        await mum.getByRole('heading', { name: z('privacy.guardian.approveTitle') }).waitFor();
        await checkScreen(mum, 'zh-guardian-approve');
        await mum.getByRole('button', { name: z('privacy.guardian.approve') }).click();
        await mum.getByText(z('privacy.guardian.approved')).waitFor();

        await banner.getByRole('button', { name: z('privacy.guardian.checkAgain') }).click();
        await banner.waitFor({ state: 'detached' });
      },
    );
  },
);
