import type { PolicyLanguage } from '@carillon/protocol/privacy';
import { checkKey, type Taxonomy } from '../fideslang';

/**
 * What a purpose is for: `basic` functions are covered by accepting the
 * policy; each `additional` function needs its own consent (PRIV-2, PRIV-4).
 */
export type PurposeKind = 'basic' | 'additional';

/** One purpose of processing, as the ledger and the permission switches know it. */
export interface Purpose {
  kind: PurposeKind;
  /** Fides data-use key (validated against the taxonomy). */
  dataUse: string;
  /** Fides data-category keys the purpose needs. */
  categories: string[];
  /** The categories among them that are sensitive (PRIV-11); any makes consent mandatory. */
  sensitiveCategories: string[];
  /**
   * Whether the purpose rests on opt-out in the sense of Global Privacy
   * Control (sale, sharing, profiling): a `Sec-GPC: 1` request withdraws it.
   */
  withdrawnByGpc: boolean;
  text: Record<PolicyLanguage, { title: string; description: string }>;
}

const basic = (dataUse: string, categories: string[], text: Purpose['text']): Purpose => ({
  kind: 'basic',
  dataUse,
  categories,
  sensitiveCategories: [],
  withdrawnByGpc: false,
  text,
});

const additional = (
  dataUse: string,
  categories: string[],
  text: Purpose['text'],
  options: { sensitive?: string[]; withdrawnByGpc?: boolean } = {},
): Purpose => ({
  kind: 'additional',
  dataUse,
  categories,
  sensitiveCategories: options.sensitive ?? [],
  withdrawnByGpc: options.withdrawnByGpc ?? false,
  text,
});

/**
 * Every purpose Carillon processes personal information for. Processing for
 * a purpose that is not here is processing for a new purpose, which needs
 * consent first (PRIV-20): `ConsentService.require` refuses unknown keys.
 */
export const purposes = {
  account: basic(
    'essential.service.authentication',
    ['user.contact.phone_number', 'user.contact.email', 'user.authorization.password'],
    {
      en: {
        title: 'Account and sign-in',
        description:
          'Your phone number or e-mail and password create your account and sign you in.',
      },
      'zh-CN': {
        title: '账号和登录',
        description: '使用您的手机号码或电子邮箱和密码创建账号并登录。',
      },
    },
  ),
  devices_and_sessions: basic(
    'essential.service.security',
    ['user.device.device_id', 'user.device', 'user.location.imprecise'],
    {
      en: {
        title: 'Devices and sessions',
        description:
          'The devices you sign in on and a coarse network region, so you can see and end sessions and are warned about new devices.',
      },
      'zh-CN': {
        title: '设备和会话',
        description:
          '记录您登录的设备和粗略的网络区域，便于您查看和结束会话，并在新设备登录时提醒您。',
      },
    },
  ),
  profile: basic(
    'essential.service',
    ['user.name', 'user.content.self_image', 'user.demographic.profile'],
    {
      en: {
        title: 'Profile',
        description:
          'Nickname and avatar, always visible; optional fields, each visible only as you choose.',
      },
      'zh-CN': {
        title: '个人资料',
        description: '昵称和头像始终可见；选填字段仅按您选择的范围可见。',
      },
    },
  ),
  service_messages: basic(
    'essential.service.notifications',
    ['user.contact.phone_number', 'user.contact.email'],
    {
      en: {
        title: 'Service messages',
        description: 'One-time codes and security notices; these cannot be turned off.',
      },
      'zh-CN': { title: '服务消息', description: '一次性验证码和安全通知，无法关闭。' },
    },
  ),
  contacts_matching: additional(
    'functional.service',
    ['user.contact.phone_number', 'user.contact.email', 'user.social'],
    {
      en: {
        title: 'Contacts matching',
        description: 'Finds people you know by matching your address book with Carillon accounts.',
      },
      'zh-CN': {
        title: '联系人匹配',
        description: '将您的通讯录与 Carillon 账号匹配，帮您找到认识的人。',
      },
    },
  ),
  location: additional(
    'functional.service',
    ['user.location.precise'],
    {
      en: {
        title: 'Location',
        description:
          'Your precise location, for sharing it in chats and location-based punching in.',
      },
      'zh-CN': {
        title: '位置',
        description: '您的精确位置，用于在聊天中共享位置和基于位置的考勤打卡。',
      },
    },
    { sensitive: ['user.location.precise'] },
  ),
  calendar: additional('functional.service', ['user.content.private'], {
    en: {
      title: 'Calendar',
      description: 'Your events, reminders and invitations, and subscriptions to other calendars.',
    },
    'zh-CN': { title: '日历', description: '您的日程、提醒和邀请，以及对其他日历的订阅。' },
  }),
  health: additional(
    'functional.service',
    ['user.health_and_medical', 'user.sensor'],
    {
      en: { title: 'Health', description: 'Step counts from your device, for exercise features.' },
      'zh-CN': { title: '健康', description: '来自您设备的步数，用于运动相关功能。' },
    },
    { sensitive: ['user.health_and_medical'] },
  ),
  personalization: additional(
    'personalize.content.profiling',
    ['user.behavior', 'user.social'],
    {
      en: {
        title: 'Personalization',
        description:
          'Recommendations based on how you use Carillon. Your browser’s Global Privacy Control signal turns this off.',
      },
      'zh-CN': {
        title: '个性化推荐',
        description: '根据您使用 Carillon 的情况为您推荐内容。浏览器的全球隐私控制信号会关闭此项。',
      },
    },
    { withdrawnByGpc: true },
  ),
  ai_assistant: additional('functional.service', ['user.content.private'], {
    en: {
      title: 'AI assistant',
      description:
        'Sends your requests to the AI model without your identity; they are never used for training.',
    },
    'zh-CN': {
      title: 'AI 助理',
      description: '将您的请求发送给 AI 模型时不附带您的身份信息，且绝不用于训练。',
    },
  }),
  camera_microphone: additional('functional.service', ['user.content.private'], {
    en: {
      title: 'Camera and microphone',
      description: 'Photos, voice messages, calls and meetings. Call content is not recorded.',
    },
    'zh-CN': {
      title: '相机和麦克风',
      description: '用于拍照、语音消息、通话和会议。不会记录通话内容。',
    },
  }),
} satisfies Record<string, Purpose>;

/** A key of the catalogue, e.g. `location`. */
export type PurposeKey = keyof typeof purposes;

/** The ledger's purpose for accepting the privacy policy itself. */
export const POLICY_PURPOSE = 'policy';

/** The purpose for a key, or undefined for anything not in the catalogue. */
export function purposeOf(key: string): Purpose | undefined {
  return Object.hasOwn(purposes, key) ? purposes[key as PurposeKey] : undefined;
}

/** Whether a purpose needs a consent of its own beyond accepting the policy. */
export function needsOwnConsent(purpose: Purpose): boolean {
  return purpose.kind === 'additional' || purpose.sensitiveCategories.length > 0;
}

/** Problems with the catalogue's taxonomy keys; empty when every key is current. */
export function catalogueProblems(taxonomy: Taxonomy): string[] {
  return Object.entries(purposes as Record<string, Purpose>).flatMap(([key, p]) =>
    [
      ...[checkKey(taxonomy.uses, p.dataUse, 'data use')],
      ...p.categories.map((c) => checkKey(taxonomy.categories, c, 'data category')),
      ...p.sensitiveCategories
        .filter((c) => !p.categories.includes(c))
        .map((c) => `sensitive category "${c}" is not among the categories`),
    ]
      .filter((problem): problem is string => problem !== undefined)
      .map((problem) => `purpose ${key}: ${problem}`),
  );
}
