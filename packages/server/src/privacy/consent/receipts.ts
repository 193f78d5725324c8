import type { ConsentMethod, PolicyLanguage } from '@carillon/protocol/privacy';
import type { ControllerContact } from '../policies/policy-texts';
import type { ConsentEntry } from './consent.repository';
import type { Purpose } from './purposes';

/** The version string Kantara Consent Receipt v1.1 receipts carry. */
export const KANTARA_VERSION = 'KI-CR-v1.1.0';

/** What a receipt says about the deployment, besides the record itself. */
export interface ReceiptContext {
  jurisdiction: string;
  controller: ControllerContact & { name: string };
  /** Absolute URL of the policy version the consent was given under. */
  policyUrl: string;
  language: PolicyLanguage;
}

const collectionMethods: Record<ConsentMethod, string> = {
  ui: 'Carillon app: sign-up form or privacy settings',
  api: 'Carillon API, by an application acting for the person',
  guardian: "Carillon app: a guardian's approval of a child's account",
  gpc: 'Global Privacy Control signal sent by the browser',
};

const terminations: Record<PolicyLanguage, string> = {
  en: 'Until withdrawn in Settings › Privacy, or until the account is deleted.',
  'zh-CN': '直至在“设置 - 隐私”中撤回，或账号被删除。',
};

/** One purpose as a Kantara `services[].purposes[]` item. */
function kantaraPurpose(purpose: Purpose, language: PolicyLanguage) {
  return {
    purpose: `${purpose.text[language].title}: ${purpose.text[language].description}`,
    consentType: 'EXPLICIT',
    purposeCategory: [purpose.dataUse],
    piiCategory: purpose.categories,
    primaryPurpose: purpose.kind === 'basic',
    termination: terminations[language],
    thirdPartyDisclosure: false,
  };
}

/**
 * A Kantara Consent Receipt v1.1 for one grant: the policy acceptance (all
 * basic purposes) or one additional function. Times are NumericDate seconds.
 */
export function kantaraReceipt(entry: ConsentEntry, covered: Purpose[], context: ReceiptContext) {
  const sensitive = [...new Set(covered.flatMap((p) => p.sensitiveCategories))];
  const { controller } = context;
  return {
    version: KANTARA_VERSION,
    jurisdiction: context.jurisdiction,
    consentTimestamp: Math.floor(entry.recordedAt / 1000),
    collectionMethod: collectionMethods[entry.method],
    consentReceiptID: entry.id,
    language: context.language,
    piiPrincipalId: entry.subjectId,
    piiControllers: [
      {
        piiController: controller.name,
        contact: controller.name,
        address: { streetAddress: controller.address, addressCountry: context.jurisdiction },
        email: controller.email,
        phone: controller.phone,
      },
    ],
    policyUrl: context.policyUrl,
    services: [
      { service: 'Carillon', purposes: covered.map((p) => kantaraPurpose(p, context.language)) },
    ],
    sensitive: sensitive.length > 0,
    spiCat: sensitive,
  };
}
