import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { FAKE_MEDIA_FLAGS } from './harness/browser';
import { journeyFixture, journeysMissing, PHONE } from './harness/journey';
import { signUp, type Person } from './harness/people';
import { checkScreen } from './harness/screens';
import { textsFor } from './harness/texts';

const missing = journeysMissing();

const mei: Person = { phone: '91234567', nickname: 'Mei', t: textsFor('en'), shots: 'en-' };
const wei: Person = { phone: '81234567', nickname: 'Wei', t: textsFor('zh-CN'), shots: 'zh-' };
/** Where Mei's browser says she is: Marina Bay, Singapore. */
const HARBOUR = { latitude: 1.28967, longitude: 103.85007 };

describe(
  'journey 1: two people sign up, become friends, chat with an image and live read receipts, forward, share a location and a voice message',
  { skip: missing ?? false },
  () => {
    // A fake microphone (a generated tone) that needs no prompt, for the voice message.
    const fixture = journeyFixture({}, { browserArgs: FAKE_MEDIA_FLAGS });

    it(
      'works end to end in two browser contexts (English on a desktop, Chinese on a phone)',
      { timeout: 240_000 },
      async () => {
        const { server } = fixture;
        const a = await fixture.open({
          locale: 'en-GB',
          viewport: { width: 1200, height: 800 },
          permissions: ['geolocation'],
          geolocation: HARBOUR,
        });
        const b = await fixture.open({ locale: 'zh-CN', viewport: PHONE, acceptDownloads: true });

        await a.goto(`${server.url}/login`);
        await a.getByRole('heading', { name: mei.t('auth.loginTitle') }).waitFor();
        await checkScreen(a, 'en-login');
        await signUp(a, server, mei);
        await signUp(b, server, wei);
        await checkScreen(a, 'en-chats-empty');

        // Wei lets people who know his number find him; Mei sends a request to it.
        await b.getByRole('link', { name: wei.t('nav.contacts') }).click();
        await b.getByRole('switch', { name: wei.t('contacts.discoverBy.phone') }).check();
        await a.getByRole('link', { name: mei.t('nav.contacts') }).click();
        await a
          .getByRole('textbox', { name: mei.t('auth.phoneNumber'), exact: true })
          .fill(wei.phone);
        await a.getByRole('button', { name: mei.t('contacts.sendRequest') }).click();
        await a.getByText(mei.t('contacts.requestSent')).first().waitFor();
        await checkScreen(a, 'en-contacts');

        // Wei sees it (the page re-reads requests on focus and every few seconds), accepts, opens the chat.
        await b.reload();
        await b.getByRole('button', { name: wei.t('contacts.accept', { name: 'Mei' }) }).click();
        await checkScreen(b, 'zh-contacts');
        await b.getByRole('button', { name: wei.t('contacts.message', { name: 'Mei' }) }).click();
        await b.getByRole('textbox', { name: wei.t('conversation.message') }).fill('你好，Mei！');
        await b.keyboard.press('Enter');
        const bLog = b.getByRole('log', { name: wei.t('conversation.messages') });
        await bLog.getByText('你好，Mei！').waitFor();

        // Mei's list shows the chat with one unread message; opening it shows the text.
        await a.getByRole('link', { name: mei.t('nav.chats') }).click();
        await a.getByLabel(mei.t('chats.unread_one', { count: 1 })).waitFor();
        await checkScreen(a, 'en-chats-unread');
        await a.getByRole('link', { name: /Wei/ }).click();
        const aLog = a.getByRole('log', { name: mei.t('conversation.messages') });
        await aLog.getByText('你好，Mei！').waitFor();
        // Wei is connected: the chat's header says he is online.
        await a
          .getByRole('region', { name: 'Wei' })
          .getByText(mei.t('presence.online'), { exact: true })
          .waitFor();

        // Mei sends a picture; it shows for her at once with its progress, then as stored.
        const picture = await sharp({
          create: { width: 320, height: 200, channels: 3, background: '#3a7bd5' },
        })
          .png()
          .toBuffer();
        await a
          .getByLabel(mei.t('conversation.attach'))
          .setInputFiles({ name: 'harbour.png', mimeType: 'image/png', buffer: picture });
        const aImage = aLog.getByRole('img', {
          name: mei.t('conversation.imageAlt', { name: 'harbour.png' }),
        });
        await aImage.waitFor();

        // Wei has the chat open: the image arrives live, he reads it, and Mei's receipt turns to "Read" without a reload.
        const bImage = bLog.getByRole('img', {
          name: wei.t('conversation.imageAlt', { name: 'harbour.png' }),
        });
        await bImage.waitFor();
        await aLog.getByText(mei.t('receipts.read'), { exact: true }).waitFor();
        await checkScreen(a, 'en-conversation');
        await checkScreen(b, 'zh-conversation');

        // Wei opens the preview of the full image.
        await bImage.click();
        const preview = b.getByRole('dialog', { name: 'harbour.png' });
        await preview.waitFor();
        // The dialog may open before the full image has loaded: wait for it, then check its size.
        const width = await preview.getByRole('img').evaluate(async (element) => {
          const img = element as HTMLImageElement;
          await img.decode();
          return img.naturalWidth;
        });
        assert.equal(width, 320);
        await b.keyboard.press('Escape');
        await preview.waitFor({ state: 'detached' });

        // Mei forwards Wei's greeting into a group of her own; the copy there is marked as forwarded.
        const { t } = mei;
        await a.getByRole('link', { name: t('groups.title') }).click();
        await a.getByLabel(t('groups.name')).fill('Harbour walk');
        await a.getByRole('button', { name: t('groups.createButton') }).click();
        await a.getByRole('heading', { name: 'Harbour walk' }).waitFor();
        await a.getByRole('link', { name: t('nav.chats') }).click();
        await a.getByRole('link', { name: /Wei/ }).click();
        const greeting = aLog
          .getByRole('listitem', { name: t('conversation.messageFrom', { name: 'Wei' }) })
          .filter({ hasText: '你好，Mei！' });
        await greeting.getByRole('button', { name: t('conversationMore.forward.action') }).click();
        const picker = a.getByRole('dialog', { name: t('conversationMore.forward.title') });
        await picker.waitFor();
        await checkScreen(a, 'en-forward');
        await picker
          .getByRole('button', { name: t('conversationMore.forward.to', { name: 'Harbour walk' }) })
          .click();
        await a.getByText(t('conversationMore.forward.done', { name: 'Harbour walk' })).waitFor();
        await a.getByRole('link', { name: /Harbour walk/ }).click();
        await a.getByRole('heading', { name: 'Harbour walk' }).waitFor();
        const copy = aLog.getByRole('listitem').filter({ hasText: '你好，Mei！' });
        await copy.getByText(t('conversation.forwarded'), { exact: true }).waitFor();

        // Back with Wei, Mei shares her location: the switch is off, so she follows the link to it.
        await a.getByRole('link', { name: /Wei/ }).click();
        await a.getByRole('button', { name: t('conversationMore.location.share') }).click();
        await a.getByRole('link', { name: t('conversationMore.location.consentLink') }).click();
        for (const name of ['Location', 'Camera and microphone']) {
          await a.getByRole('switch', { name, exact: true }).click();
          await a.getByRole('switch', { name, exact: true, checked: true }).waitFor();
        }
        await a.goBack();
        await a.getByRole('button', { name: t('conversationMore.location.share') }).click();
        const place = a.getByRole('form', {
          name: new RegExp(t('conversationMore.location.confirm')),
        });
        await place.getByText('1.28967, 103.85007').waitFor();
        await place.getByLabel(t('conversationMore.location.label')).fill('Marina Bay');
        await place.getByRole('button', { name: t('conversationMore.location.send') }).click();
        const bCard = bLog.getByRole('figure', { name: 'Marina Bay' });
        await bCard.waitFor();
        assert.match(
          (await bCard
            .getByRole('link', { name: wei.t('conversationMore.location.open') })
            .getAttribute('href')) ?? '',
          /^https:\/\/www\.openstreetmap\.org\/\?mlat=1\.28967&mlon=103\.85007/,
        );

        // Mei records a voice message from the fake microphone; it arrives for Wei, playable.
        await a.getByRole('button', { name: t('conversationMore.voice.record') }).click();
        await a.getByRole('timer').waitFor();
        await a.waitForTimeout(1500);
        await a.getByRole('button', { name: t('conversationMore.voice.stop') }).click();
        const voiceLabel = new RegExp(
          `^${wei.t('conversationMore.voice.message', { duration: '' })}`,
        );
        const bVoice = bLog.getByLabel(voiceLabel);
        await bVoice.waitFor();
        const seconds = await bVoice.evaluate(
          (audio: HTMLAudioElement) =>
            new Promise<number>((resolve, reject) => {
              if (audio.readyState >= 1) return resolve(audio.duration);
              audio.addEventListener('loadedmetadata', () => resolve(audio.duration));
              audio.addEventListener('error', () => reject(new Error('audio did not load')));
              audio.load();
            }),
        );
        assert.ok(seconds > 0, `voice message of ${seconds} s`);
        // Mei sends a file; Wei downloads it through the progress bar and gets the same bytes.
        const notes = Buffer.from('Meet at the ferry terminal.\n'.repeat(2000));
        await a
          .getByLabel(t('conversation.attach'))
          .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: notes });
        const [download] = await Promise.all([
          b.waitForEvent('download'),
          bLog
            .getByRole('button', {
              name: wei.t('conversationMore.download.action', { name: 'notes.txt' }),
            })
            .click(),
        ]);
        assert.equal(download.suggestedFilename(), 'notes.txt');
        const saved = await readFile((await download.path())!);
        assert.ok(saved.equals(notes), 'the downloaded file has the uploaded bytes');
        await checkScreen(a, 'en-conversation-media');
        await checkScreen(b, 'zh-conversation-media');

        // Both see the connection as online.
        assert.equal(
          await a
            .getByRole('status')
            .filter({ hasText: mei.t('connection.online') })
            .count(),
          1,
        );
      },
    );
  },
);
