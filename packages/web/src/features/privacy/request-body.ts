import type { CreateRightsRequestBody, RightsRequestKind } from '@carillon/protocol/rights';

/** The kinds the request form offers; cancellation has its own screen (cooling-off, sign-out). */
export const formKinds = [
  'access',
  'copy',
  'correct',
  'delete',
  'restrict',
  'withdraw_consent',
  'automated_decision',
  'complaint',
] as const satisfies readonly RightsRequestKind[];
/** One kind the form offers. */
export type FormKind = (typeof formKinds)[number];

/** Profile fields a correction may set at once. */
export const correctableFields = ['nickname', 'realName', 'workRegion', 'enterpriseEmail'] as const;

/** What the form holds, whatever the kind; `requestBody` picks what the kind needs. */
export interface RequestFields {
  text: string;
  field: (typeof correctableFields)[number];
  value: string;
  categories: string;
  items: string;
  lift: boolean;
  purpose: string;
}

/** An empty form. */
export const emptyFields: RequestFields = {
  text: '',
  field: 'nickname',
  value: '',
  categories: '',
  items: '',
  lift: false,
  purpose: '',
};

const list = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);

/** The body of POST /api/privacy/requests for a kind; empty optional parts are left out. */
export function requestBody(kind: FormKind, f: RequestFields): CreateRightsRequestBody {
  const text = f.text.trim();
  switch (kind) {
    case 'access':
    case 'copy':
      return { kind };
    case 'correct':
      return {
        kind,
        ...(text ? { text } : {}),
        ...(f.value.trim() ? { profile: { [f.field]: f.value.trim() } } : {}),
      };
    case 'delete': {
      const categories = list(f.categories, /[,\s]+/);
      const items = list(f.items, /\n/);
      return {
        kind,
        ...(categories.length ? { categories } : {}),
        ...(items.length ? { items } : {}),
      };
    }
    case 'restrict':
      return { kind, category: f.categories.trim(), ...(f.lift ? { lift: true } : {}) };
    case 'withdraw_consent':
      return { kind, purpose: f.purpose };
    case 'automated_decision':
      return { kind, ...(text ? { text } : {}) };
    case 'complaint':
      return { kind, text };
  }
}
