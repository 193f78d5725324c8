import { describe, expect, it } from 'vitest';
import contactsMoreEn from './locales/contacts-more.en.json';
import contactsMoreZh from './locales/contacts-more.zh-CN.json';
import conversationMoreEn from './locales/conversation-more.en.json';
import conversationMoreZh from './locales/conversation-more.zh-CN.json';
import groupsEn from './locales/groups.en.json';
import groupsZh from './locales/groups.zh-CN.json';
import notificationsEn from './locales/notifications.en.json';
import notificationsZh from './locales/notifications.zh-CN.json';
import orgAdminEn from './locales/org-admin.en.json';
import orgAdminZh from './locales/org-admin.zh-CN.json';
import orgEn from './locales/org.en.json';
import orgZh from './locales/org.zh-CN.json';
import recoveryEn from './locales/recovery.en.json';
import recoveryZh from './locales/recovery.zh-CN.json';
import settingsEn from './locales/settings.en.json';
import settingsZh from './locales/settings.zh-CN.json';
import { resources } from './i18n';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

const pairs: Array<[string, Tree, Tree]> = [
  ['groups', groupsEn, groupsZh],
  ['settings', settingsEn, settingsZh],
  ['org', orgEn, orgZh],
  ['org-admin', orgAdminEn, orgAdminZh],
  ['contacts-more', contactsMoreEn, contactsMoreZh],
  ['conversation-more', conversationMoreEn, conversationMoreZh],
  ['notifications', notificationsEn, notificationsZh],
  ['recovery', recoveryEn, recoveryZh],
];

describe('feature locale files', () => {
  it.each(pairs)('%s has the same keys in English and Chinese', (_, en, zh) => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it('each adds its own top-level key to the resources without replacing a shared one', () => {
    for (const [, en] of pairs) {
      const [top] = Object.keys(en);
      expect(Object.keys(en)).toHaveLength(1);
      expect(resources.en.translation).toHaveProperty(top!);
    }
    expect(resources.en.translation).toHaveProperty('contacts.title');
  });
});
