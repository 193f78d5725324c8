import fs from 'node:fs';
import { policyLanguages, type PolicyLanguage } from '@carillon/protocol/privacy';
import type { EditionRules } from '../editions';
import type { PolicyTexts } from './policies.service';

/** Who runs the deployment and how to reach them; unset parts are left out. */
export interface ControllerContact {
  name: string | undefined;
  email: string;
  phone: string;
  address: string;
}

const languageNames: Record<PolicyLanguage, Record<PolicyLanguage, string>> = {
  en: { en: 'English', 'zh-CN': 'Simplified Chinese' },
  'zh-CN': { en: '英文', 'zh-CN': '简体中文' },
};

const contactLabels: Record<PolicyLanguage, Record<string, string>> = {
  en: {
    name: 'The operator of this Carillon server',
    email: 'E-mail',
    phone: 'Phone',
    address: 'Address',
    none: 'Your organization’s administrator can tell you how to reach the operator.',
  },
  'zh-CN': {
    name: '本 Carillon 服务器的运营方',
    email: '电子邮箱',
    phone: '电话',
    address: '地址',
    none: '您所在组织的管理员可以告诉您如何联系运营方。',
  },
};

/** The contact section in one language, from the configured details. */
export function controllerSection(contact: ControllerContact, language: PolicyLanguage): string {
  const labels = contactLabels[language];
  const lines = (['email', 'phone', 'address'] as const)
    .filter((key) => contact[key] !== '')
    .map((key) => `- ${labels[key]}: ${contact[key]}`);
  const name = `**${contact.name ?? labels.name}**`;
  return [name, '', ...(lines.length > 0 ? lines : [labels.none])].join('\n');
}

/** The age rule of the edition in words, derived from its numbers (PRIV-10). */
export function ageRuleText(edition: EditionRules, language: PolicyLanguage): string {
  const { minimumAge: min, guardianConsentBelowAge: guardian } = edition;
  const lines: Record<PolicyLanguage, string[]> = { en: [], 'zh-CN': [] };
  if (min > 0) {
    lines.en.push(
      `Carillon is not intended for people under ${min}. At sign-up we ask for your year of birth and refuse sign-up if you could be younger than ${min}. If we learn that someone under ${min} has given us personal information, we delete it at their guardian's request.`,
    );
    lines['zh-CN'].push(
      `Carillon 不面向未满 ${min} 周岁的人士。注册时我们会询问您的出生年份；如果您可能未满 ${min} 周岁，我们将拒绝注册。如果我们得知未满 ${min} 周岁的人士向我们提供了个人信息，我们将应其监护人的要求删除相关信息。`,
    );
  }
  if (guardian > 0) {
    lines.en.push(
      `Children under ${guardian} may use Carillon only with a guardian's consent. At sign-up we ask for your year of birth; if you could be younger than ${guardian}, your account works only for basic functions, and no additional function can be turned on, until a guardian with their own Carillon account approves it. For such an account we keep only the date from which a guardian's consent is no longer needed.`,
    );
    lines['zh-CN'].push(
      `未满 ${guardian} 周岁的儿童须经监护人同意方可使用 Carillon。注册时我们会询问您的出生年份；如果您可能未满 ${guardian} 周岁，在拥有 Carillon 账号的监护人批准之前，您的账号只能使用基本功能，也无法开启任何附加功能。对于此类账号，我们只保存无需监护人同意的起始日期。`,
    );
  }
  if (lines.en.length === 0) {
    lines.en.push('This server applies no age limit.');
    lines['zh-CN'].push('本服务器不设年龄限制。');
  }
  return lines[language].join('\n\n');
}

/** Replaces every `{{name}}`; a placeholder without a value is a bug in the texts. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`policy text: no value for {{${name}}}`);
    return value;
  });
}

const readText = (name: string) =>
  fs.readFileSync(new URL(`./texts/${name}.md`, import.meta.url), 'utf8');

/**
 * Version 1 as shipped in `texts/`, filled in with this deployment's facts:
 * its contact, storage region, deadlines, age rule and prevailing language.
 */
export function shippedPolicyTexts(edition: EditionRules, contact: ControllerContact): PolicyTexts {
  const texts = {} as PolicyTexts['texts'];
  const summaries = {} as PolicyTexts['summaries'];
  for (const language of policyLanguages) {
    const values = {
      controller: controllerSection(contact, language),
      storageRegion: edition.storageRegionNames[language],
      requestDeadlineDays: String(edition.requestDeadlineDays),
      regulatorHours: String(edition.breachNotice.regulatorWithinHours),
      ageRule: ageRuleText(edition, language),
      prevailingLanguage: languageNames[language][edition.prevailingLanguage],
    };
    texts[language] = renderTemplate(readText(`v1.${language}`), values).trim();
    summaries[language] = renderTemplate(readText(`v1.summary.${language}`), values).trim();
  }
  return { texts, summaries };
}
