import type {
  ECard,
  MatchResult,
  QrGrant,
  RequestSent,
  SendRequestBody,
} from '@carillon/protocol/contacts';
import type { PublicProfile } from '@carillon/protocol/profiles';
import QRCode from 'qrcode';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { Secrets } from '../../platform/secrets';
import type { EditionRules } from '../../privacy/editions';
import { identifierFrom, normalizePhone, type Identifier } from '../accounts/identifiers';
import { contactLink, signContactToken, verifyContactToken } from './contact-tokens';
import type { ContactsRepository } from './contacts.repository';
import type { ContactsService, ProfileViewer } from './contacts.service';

/** What finding people needs of accounts: exact look-ups, never searches. */
export interface AccountLookup {
  findByIdentifier(id: Identifier): Promise<{ id: string } | undefined>;
  usersByContact(contacts: string[]): Promise<Map<string, string>>;
}

/** The consent ledger's gate for additional functions. */
export interface ConsentGate {
  require(subjectId: string, purpose: 'contacts_matching'): Promise<void>;
}

const SENT: RequestSent = { status: 'sent' };

/**
 * Ways to find a person (MSG-6): exact phone number or e-mail (only when the
 * person allows it), QR code, e-card, and address-book matching (with consent).
 * Every request answers the same `{ status: 'sent' }`, so nobody can probe
 * which numbers are registered.
 */
export class ContactFinder {
  constructor(
    private readonly contacts: ContactsService,
    private readonly settings: Pick<
      ContactsRepository,
      'settings' | 'phoneDiscoverable' | 'blockedAmong'
    >,
    private readonly accounts: AccountLookup,
    private readonly profiles: ProfileViewer,
    private readonly consents: ConsentGate,
    private readonly secrets: Secrets,
    private readonly edition: EditionRules,
    private readonly clock: Clock,
  ) {}

  /** Sends a request to whoever holds exactly this number or address, if they may be found. */
  async sendTo(senderId: string, body: SendRequestBody): Promise<RequestSent> {
    const identifier = identifierFrom(body, this.edition);
    const target = await this.accounts.findByIdentifier(identifier);
    if (target && (await this.isDiscoverable(target.id, identifier.kind)))
      await this.contacts.requestFrom(senderId, target.id);
    return SENT;
  }

  private async isDiscoverable(userId: string, by: Identifier['kind']): Promise<boolean> {
    const row = await this.settings.settings(userId);
    const allowedAt = by === 'phone' ? row?.phone_discoverable_at : row?.email_discoverable_at;
    return allowedAt != null;
  }

  /** A QR token for `userId`, valid for ten minutes, and the link it encodes. */
  issueQr(userId: string): QrGrant {
    const { token, expiresAt } = signContactToken(this.secrets, 'qr', userId, this.clock.now());
    return { token, url: contactLink('qr', token), expiresAt };
  }

  /** A fresh QR code as an SVG image. */
  async qrImage(userId: string): Promise<string> {
    return QRCode.toString(this.issueQr(userId).url, { type: 'svg', errorCorrectionLevel: 'M' });
  }

  /** Sends a request to the person whose QR code was scanned. */
  async redeemQr(userId: string, token: string): Promise<RequestSent> {
    const ownerId = this.verify('qr', userId, token);
    await this.contacts.requestFrom(userId, ownerId);
    return SENT;
  }

  /** The caller's e-card: public profile bits and a token others send a request from. */
  async card(userId: string): Promise<ECard> {
    const { token, expiresAt } = signContactToken(this.secrets, 'card', userId, this.clock.now());
    const profile = await this.profiles.visibleTo(undefined, userId);
    return { token, url: contactLink('card', token), expiresAt, profile };
  }

  /** The profile on an e-card, as the viewer may see it; 404 when a block stands between them. */
  async viewCard(viewerId: string, token: string): Promise<PublicProfile> {
    const ownerId = verifyContactToken(this.secrets, 'card', token, this.clock.now());
    if (await this.contacts.isBlocked(viewerId, ownerId)) throw notFound('Profile');
    return this.profiles.visibleTo(viewerId, ownerId);
  }

  /** Sends a request to the owner of an e-card. */
  async redeemCard(userId: string, token: string): Promise<RequestSent> {
    await this.contacts.requestFrom(userId, this.verify('card', userId, token));
    return SENT;
  }

  private verify(kind: 'qr' | 'card', userId: string, token: string): string {
    const ownerId = verifyContactToken(this.secrets, kind, token, this.clock.now());
    if (ownerId === userId)
      throw new AppError('validation_failed', 'This is your own code.', {
        issues: [{ path: 'token', message: 'is your own' }],
      });
    return ownerId;
  }

  /**
   * Address-book matching, an additional function (PRIV-2): only with the
   * `contacts_matching` consent. The numbers are used for this answer and
   * never stored or logged; only people who let others find them by phone and
   * who have no block with the caller are returned.
   */
  async match(userId: string, phones: string[]): Promise<MatchResult> {
    await this.consents.require(userId, 'contacts_matching');
    const given = new Map<string, string>();
    for (const phone of phones) {
      const normalized = this.tryNormalize(phone);
      if (normalized && !given.has(normalized)) given.set(normalized, phone);
    }
    const owners = await this.accounts.usersByContact([...given.keys()]);
    const found = [...owners].filter(([, ownerId]) => ownerId !== userId);
    const ids = found.map(([, ownerId]) => ownerId);
    const discoverable = await this.settings.phoneDiscoverable(ids);
    const blocked = await this.settings.blockedAmong(userId, ids);
    const matches: MatchResult['matches'] = [];
    for (const [phone, ownerId] of found) {
      if (!discoverable.has(ownerId) || blocked.has(ownerId)) continue;
      matches.push({
        phone: given.get(phone)!,
        profile: await this.profiles.visibleTo(userId, ownerId),
      });
    }
    return { matches };
  }

  private tryNormalize(phone: string): string | undefined {
    try {
      return normalizePhone(phone, this.edition);
    } catch {
      return undefined; // Address books hold landlines and typos; they simply match nobody.
    }
  }
}
