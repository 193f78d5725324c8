import type {
  BlockedList,
  ContactList,
  ContactSettings,
  RequestLists,
  UpdateContactSettingsBody,
} from '@carillon/protocol/contacts';
import type { PublicProfile } from '@carillon/protocol/profiles';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { FriendBoundary } from '../../platform/organization-hooks';
import type { ContactsDirectory } from '../profiles/profiles.policy';
import type { ContactRequestRow, ContactsRepository } from './contacts.repository';

/** What contacts need of profiles: one person's profile as a viewer may see it. */
export interface ProfileViewer {
  visibleTo(viewerId: string | undefined, ownerId: string): Promise<PublicProfile>;
}

/** What contacts need of accounts: whether an account exists. */
export interface AccountExistence {
  findById(id: string): Promise<{ id: string } | undefined>;
}

/**
 * Friendships, requests and blocks (MSG-6). Also the ContactsDirectory the
 * profiles use for `contacts` visibility, and `isBlocked` for messaging.
 */
export class ContactsService implements ContactsDirectory {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly accounts: AccountExistence,
    private readonly profiles: ProfileViewer,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    /** Enterprise accounts befriend only their organization's members (ADR 0013). */
    private readonly boundary?: FriendBoundary,
  ) {}

  /** Whether `a` and `b` are friends. */
  areContacts(a: string, b: string): Promise<boolean> {
    return this.contacts.areContacts(a, b);
  }

  /** Whether a block stands between `a` and `b`, whichever of them made it. */
  async isBlocked(a: string, b: string): Promise<boolean> {
    return this.contacts.blockedBetween(a, b);
  }

  /**
   * Records a request from `senderId` to `targetId` when one may be sent, and
   * silently does nothing otherwise (blocked, already friends, gone), so the
   * sender learns nothing from the outcome.
   */
  async requestFrom(senderId: string, targetId: string): Promise<void> {
    if (senderId === targetId) return;
    if (!(await this.accounts.findById(targetId))) return;
    // Dropped silently like a blocked request: the answer must not tell who exists.
    if (this.boundary && !(await this.boundary.mayBefriend(senderId, targetId))) return;
    if (await this.isBlocked(senderId, targetId)) return;
    if (await this.contacts.areContacts(senderId, targetId)) return;
    await this.contacts.createRequest({
      id: this.ids.next(),
      from_user_id: senderId,
      to_user_id: targetId,
      created_at: this.clock.now(),
    });
  }

  /** Requests to and from a person, each with the other side's profile as they may see it. */
  async requests(userId: string): Promise<RequestLists> {
    const lists: RequestLists = { incoming: [], outgoing: [] };
    for (const row of await this.contacts.requestsOf(userId)) {
      const incoming = row.to_user_id === userId;
      const other = incoming ? row.from_user_id : row.to_user_id;
      const profile = await this.profiles.visibleTo(userId, other);
      (incoming ? lists.incoming : lists.outgoing).push({
        id: row.id,
        profile,
        createdAt: Number(row.created_at),
      });
    }
    return lists;
  }

  /** Accepts a request sent to `userId`; both become friends. */
  async accept(userId: string, requestId: string): Promise<void> {
    const request = await this.incoming(userId, requestId);
    if (this.boundary && !(await this.boundary.mayBefriend(userId, request.from_user_id)))
      throw new AppError(
        'forbidden',
        'An enterprise account has friends in its own organization only.',
      );
    await this.contacts.befriend(request.from_user_id, userId, this.clock.now());
  }

  /** Declines a request sent to `userId`; the sender is not told. */
  async decline(userId: string, requestId: string): Promise<void> {
    await this.contacts.deleteRequest((await this.incoming(userId, requestId)).id);
  }

  /** Withdraws a request `userId` sent. */
  async withdraw(userId: string, requestId: string): Promise<void> {
    const request = await this.contacts.findRequest(requestId);
    if (!request || request.from_user_id !== userId) throw notFound('Friend request');
    await this.contacts.deleteRequest(request.id);
  }

  /** Ends a friendship for both people. */
  async remove(userId: string, contactId: string): Promise<void> {
    if (!(await this.contacts.unfriend(userId, contactId))) throw notFound('Contact');
  }

  /** A person's friends with what they may see of each profile. */
  async list(userId: string): Promise<ContactList> {
    const friends = await this.contacts.contactsOf(userId);
    return {
      contacts: await Promise.all(
        friends.map(async (f) => ({
          profile: await this.profiles.visibleTo(userId, f.userId),
          since: f.since,
        })),
      ),
    };
  }

  /** Blocks a person: friendship and pending requests end, and they can no longer find `userId`. */
  async block(userId: string, targetId: string): Promise<void> {
    if (userId === targetId)
      throw new AppError('validation_failed', 'You cannot block yourself.', {
        issues: [{ path: 'params.id', message: 'is yourself' }],
      });
    if (!(await this.accounts.findById(targetId))) throw notFound('User');
    await this.contacts.block(userId, targetId, this.clock.now());
  }

  /** Lifts a block; nothing happens when there was none. */
  async unblock(userId: string, targetId: string): Promise<void> {
    await this.contacts.unblock(userId, targetId);
  }

  /** The people `userId` blocked. */
  async blocked(userId: string): Promise<BlockedList> {
    return { blocked: await this.contacts.blockedBy(userId) };
  }

  /** Who may find `userId` by phone or e-mail; nobody until the person turns it on. */
  async settings(userId: string): Promise<ContactSettings> {
    const row = await this.contacts.settings(userId);
    return {
      discoverableBy: {
        phone: row?.phone_discoverable_at != null,
        email: row?.email_discoverable_at != null,
      },
    };
  }

  /** Changes either discoverability switch. */
  async updateSettings(userId: string, body: UpdateContactSettingsBody): Promise<ContactSettings> {
    const now = this.clock.now();
    const row = await this.contacts.settings(userId);
    const at = (wanted: boolean | undefined, current: number | null | undefined) =>
      wanted === undefined ? (current ?? null) : wanted ? (current ?? now) : null;
    await this.contacts.saveSettings({
      user_id: userId,
      phone_discoverable_at: at(body.discoverableBy.phone, row?.phone_discoverable_at),
      email_discoverable_at: at(body.discoverableBy.email, row?.email_discoverable_at),
      updated_at: now,
    });
    return this.settings(userId);
  }

  private async incoming(userId: string, requestId: string): Promise<ContactRequestRow> {
    const request = await this.contacts.findRequest(requestId);
    if (!request || request.to_user_id !== userId) throw notFound('Friend request');
    return request;
  }
}
