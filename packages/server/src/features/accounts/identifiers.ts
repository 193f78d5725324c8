import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { AppError } from '../../platform/errors';
import type { EditionRules } from '../../privacy/editions';

/** A normalized way to reach a person: an E.164 number or a lower-case e-mail. */
export type Identifier = { kind: 'phone'; value: string } | { kind: 'email'; value: string };

/** Parses a phone number as typed into E.164, or fails with `invalid_phone`. */
export function normalizePhone(input: string, edition: EditionRules): string {
  const parsed = parsePhoneNumberFromString(input, edition.defaultPhoneRegion);
  if (!parsed || !parsed.isValid())
    throw new AppError('invalid_phone', 'This is not a valid phone number.');
  const type = parsed.getType();
  if (type !== undefined && !['MOBILE', 'FIXED_LINE_OR_MOBILE'].includes(type))
    throw new AppError('invalid_phone', 'Use a mobile number that can receive text messages.');
  return parsed.number;
}

/** Turns `{ phone }` or `{ email }` from a request into an Identifier. */
export function identifierFrom(
  input: { phone?: string | undefined; email?: string | undefined },
  edition: EditionRules,
): Identifier {
  if (input.phone !== undefined)
    return { kind: 'phone', value: normalizePhone(input.phone, edition) };
  return { kind: 'email', value: input.email!.toLowerCase() };
}

/** Masks an identifier for display and logs: `+65••••1234`, `a•••@example.com`. */
export function maskIdentifier(id: Identifier): string {
  if (id.kind === 'phone') return `${id.value.slice(0, 3)}••••${id.value.slice(-4)}`;
  const [local, domain] = id.value.split('@');
  return `${local!.slice(0, 1)}•••@${domain}`;
}
