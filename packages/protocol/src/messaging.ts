import { z } from 'zod';
import { Id, Timestamp } from './common';
import { StoredFile } from './files';

/** A position in a conversation's sequence: 1, 2, 3, … without gaps. */
export const Seq = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** `/api/conversations/:id`. */
export const ConversationParams = z.object({ id: Id });

/** `/api/conversations/:id/messages/:seq`. */
export const MessageParams = z.object({ id: Id, seq: Seq });

/** `/api/conversations/:id/members/:userId`. */
export const MemberParams = z.object({ id: Id, userId: Id });

const GroupName = z.string().trim().min(1).max(100);

/**
 * Creates a group; the creator becomes its owner. With `organizationId` (an
 * organization the creator is in) the group belongs to that organization:
 * its messages are the organization's, and members leave it when they leave
 * the organization.
 */
export const CreateGroupBody = z
  .object({ name: GroupName, organizationId: Id.optional() })
  .strict();
export type CreateGroupBody = z.infer<typeof CreateGroupBody>;

/**
 * Renames a group, sets its announcement (null clears it), or turns join
 * approval on or off (joining by link then waits for an owner or admin);
 * owners and admins only.
 */
export const UpdateGroupBody = z
  .object({
    name: GroupName.optional(),
    announcement: z.string().trim().max(2000).nullable().optional(),
    joinApproval: z.boolean().optional(),
  })
  .strict();
export type UpdateGroupBody = z.infer<typeof UpdateGroupBody>;

/** The caller's own settings for a conversation. */
export const MemberSettingsBody = z
  .object({ muted: z.boolean().optional(), pinned: z.boolean().optional() })
  .strict();
export type MemberSettingsBody = z.infer<typeof MemberSettingsBody>;

/** A member's role in a group. */
export const Role = z.enum(['owner', 'admin', 'member']);
export type Role = z.infer<typeof Role>;

/** Makes a member an admin or a plain member again; owner only. */
export const SetRoleBody = z.object({ role: z.enum(['admin', 'member']) }).strict();

/** Hands the group to another member; owner only. */
export const TransferOwnershipBody = z.object({ userId: Id }).strict();

/** Asks for an invite link valid for `ttlHours` (default a week). */
export const CreateInviteBody = z
  .object({ ttlHours: z.number().int().min(1).max(720).default(168) })
  .strict();

/** A signed, expiring invite token; anyone signed in who holds it may join. `url` is what the QR code carries. */
export const InviteLink = z.object({ token: z.string(), url: z.string(), expiresAt: Timestamp });
export type InviteLink = z.infer<typeof InviteLink>;

const InviteToken = z.string().min(10).max(300);

/** Joins a group with an invite token. */
export const JoinGroupBody = z.object({ token: InviteToken }).strict();

/** `invite.svg`: the QR code of this token, or of a fresh week-long one when absent. */
export const InviteQrQuery = z.object({ token: InviteToken.optional() }).strict();

/**
 * Opens the one-to-one chat with someone, or returns the one that exists.
 * Without `organizationId` it is the personal chat, with a contact; with it,
 * the work chat with a colleague in that organization, which the
 * organization owns. The same two people may have one of each (ADR 12).
 */
export const OpenDirectBody = z.object({ userId: Id, organizationId: Id.optional() }).strict();

/** Which groups an organization runs: the all-staff group and department groups. */
export const OrgGroupKind = z.enum(['all_staff', 'department']);

/**
 * A conversation as one member sees it. A direct chat has `name: null` and
 * `peerId` set to the other person (clients show that person's profile);
 * both people are plain members, so `role` is `member`.
 *
 * `organizationId` names the organization that owns it (a colleague chat,
 * an organization group, or a group started in its context), else null.
 * `orgGroup` marks the groups whose members follow the directory; nobody
 * leaves, invites to or runs them. `ended` is true in a colleague chat the
 * other person has left (read-only history). `external` is true for a group
 * that reaches beyond one workplace: one owned by an organization with a
 * member who is not in it, or a personal group whose members belong to two
 * or more organizations and no single organization has them all (ADR 12).
 */
export const Conversation = z.object({
  id: Id,
  kind: z.enum(['group', 'direct']),
  name: z.string().nullable(),
  peerId: Id.nullable(),
  announcement: z.string().nullable(),
  joinApproval: z.boolean(),
  role: Role,
  memberCount: z.number().int(),
  lastSeq: z.number().int(),
  lastActivityAt: Timestamp,
  readSeq: z.number().int(),
  unread: z.number().int(),
  muted: z.boolean(),
  pinned: z.boolean(),
  organizationId: Id.nullable(),
  orgGroup: OrgGroupKind.nullable(),
  external: z.boolean(),
  ended: z.boolean(),
});
export type Conversation = z.infer<typeof Conversation>;

/** The caller's conversations, pinned first, then by last activity, newest first. */
export const ConversationList = z.object({ conversations: z.array(Conversation) });

/** One member of a conversation. */
export const Member = z.object({ userId: Id, role: Role, joinedAt: Timestamp });
export const MemberList = z.object({ members: z.array(Member) });

/** What kind of content a message carries. */
export const MessageKind = z.enum(['text', 'image', 'file', 'voice', 'location']);
export type MessageKind = z.infer<typeof MessageKind>;

/** Longest voice message: five minutes. */
export const MAX_VOICE_MS = 5 * 60 * 1000;

const sendCommon = { clientId: z.uuid(), replyTo: Seq.optional() };
const Caption = z.string().trim().min(1).max(1000);

/** A text; `kind` may be left out, as before message kinds existed. */
export const TextMessageBody = z
  .object({
    ...sendCommon,
    kind: z.literal('text').optional(),
    text: z.string().trim().min(1).max(4000),
    mentions: z.array(Id).max(100).default([]),
    mentionAll: z.boolean().default(false),
  })
  .strict();

/** An uploaded image (`POST /api/files`) the sender owns or can already read. */
export const ImageMessageBody = z
  .object({ ...sendCommon, kind: z.literal('image'), fileId: Id, caption: Caption.optional() })
  .strict();

/** Any uploaded file. */
export const FileMessageBody = z
  .object({ ...sendCommon, kind: z.literal('file'), fileId: Id })
  .strict();

/** An uploaded audio file and its length, 1 ms to five minutes. */
export const VoiceMessageBody = z
  .object({
    ...sendCommon,
    kind: z.literal('voice'),
    fileId: Id,
    durationMs: z.number().int().min(1).max(MAX_VOICE_MS),
  })
  .strict();

/** A point on the map (WGS 84 degrees) with an optional place name. */
export const Location = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  label: z.string().trim().min(1).max(200).optional(),
});
export type Location = z.infer<typeof Location>;

export const LocationMessageBody = z
  .object({ ...sendCommon, kind: z.literal('location'), ...Location.shape })
  .strict();

/** Sends a message of any kind. `clientId` makes a retry return the first send instead of a copy. */
export const SendMessageBody = z.union([
  TextMessageBody,
  ImageMessageBody,
  FileMessageBody,
  VoiceMessageBody,
  LocationMessageBody,
]);
export type SendMessageBody = z.infer<typeof SendMessageBody>;

/** Forwards a message the caller can read (`from`) into this conversation. */
export const ForwardMessageBody = z
  .object({ clientId: z.uuid(), from: z.object({ conversationId: Id, seq: Seq }).strict() })
  .strict();
export type ForwardMessageBody = z.infer<typeof ForwardMessageBody>;

/**
 * A message. Content fields are null once recalled or once the key that
 * sealed it is shredded (the sender's; in an organization's conversation the
 * organization's, ADR 19): `text` for texts, `file` (+ `caption` for images, `durationMs`
 * for voice) for attachments, `location` for locations. `forwarded` marks a
 * copy forwarded from elsewhere (its origin is not revealed).
 */
export const Message = z.object({
  id: Id,
  conversationId: Id,
  seq: z.number().int(),
  clientId: z.uuid(),
  senderId: Id.nullable(),
  kind: MessageKind,
  text: z.string().nullable(),
  caption: z.string().nullable(),
  file: StoredFile.nullable(),
  durationMs: z.number().int().nullable(),
  location: Location.nullable(),
  mentions: z.array(Id),
  mentionAll: z.boolean(),
  replyTo: z.number().int().nullable(),
  forwarded: z.boolean(),
  recalled: z.boolean(),
  createdAt: Timestamp,
});
export type Message = z.infer<typeof Message>;

/** History: newest first before `before`, or centred on `around`; never both. */
export const HistoryQuery = z
  .object({
    before: Seq.optional(),
    around: Seq.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict()
  .refine((q) => q.before === undefined || q.around === undefined, {
    message: 'before and around cannot be combined',
  });
export type HistoryQuery = z.infer<typeof HistoryQuery>;

/** A page of history, newest first. */
export const MessagePage = z.object({ messages: z.array(Message) });

/** Marks everything up to `seq` read; a lower value than the current one changes nothing. */
export const MarkReadBody = z.object({ seq: z.number().int().min(0) }).strict();

/** The caller's read position after marking. */
export const ReadPosition = z.object({ readSeq: z.number().int() });

/** Who has read a message, for its sender; `status` is set in one-to-one chats. */
export const Receipts = z.object({
  seq: z.number().int(),
  readCount: z.number().int(),
  unreadCount: z.number().int(),
  readBy: z.array(Id),
  unreadBy: z.array(Id),
  status: z.enum(['read', 'unread']).optional(),
});
export type Receipts = z.infer<typeof Receipts>;

/** Most people one request may add to a group. */
export const MAX_ADD_MEMBERS = 50;

/**
 * Adds people to a group directly: the caller's friends, or, in a group an
 * organization owns, colleagues there. A repeated id counts once.
 */
export const AddMembersBody = z
  .object({ userIds: z.array(Id).min(1).max(MAX_ADD_MEMBERS) })
  .strict();
export type AddMembersBody = z.infer<typeof AddMembersBody>;

/**
 * What adding people did: `added` are members now; with join approval on, a
 * plain member's additions wait for the owner or an admin as join requests
 * (`requested`, and `pending` is true). `skipped` were members already.
 */
export const AddMembersResult = z.object({
  pending: z.boolean(),
  added: z.array(Id),
  requested: z.array(Id),
  skipped: z.array(Id),
});
export type AddMembersResult = z.infer<typeof AddMembersResult>;

/** A pending request to join a group that needs approval. */
export const JoinRequest = z.object({ conversationId: Id, userId: Id, requestedAt: Timestamp });
export type JoinRequest = z.infer<typeof JoinRequest>;

export const JoinRequestList = z.object({ requests: z.array(JoinRequest) });

/** What joining by link did: joined (the conversation), or a request now waits for approval. */
export const JoinResult = z.union([
  Conversation.extend({ pending: z.literal(false) }),
  JoinRequest.extend({ pending: z.literal(true) }),
]);
export type JoinResult = z.infer<typeof JoinResult>;

/** Event names, `<entity>.<past-verb>`; `join.requested` goes to the group's owner and admins. */
export const EventType = z.enum([
  'message.created',
  'message.recalled',
  'receipt.updated',
  'conversation.updated',
  'member.joined',
  'member.left',
  'join.requested',
  'join.declined',
  /** An organization's main administrator started its dissolution: notice to every member (ORG-8). */
  'organization.dissolution_scheduled',
  'organization.dissolution_withdrawn',
  /** The grace period ended and the organization's data was erased. */
  'organization.dissolved',
  /**
   * To an organization's main administrator: a routed data-rights part's
   * deadline is near (`overdue` false) or has passed (`overdue` true).
   */
  'organization.rights_request_due',
]);
export type EventType = z.infer<typeof EventType>;

/** Events after a cursor, oldest first. */
export const EventsQuery = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/**
 * One event of the caller's stream; `cursor` is its position in the server's
 * event log: it rises with every event, though not by one, as the log is shared.
 */
export const UserEvent = z.object({
  cursor: z.number().int(),
  type: EventType,
  payload: z.record(z.string(), z.unknown()),
  createdAt: Timestamp,
});
export type UserEvent = z.infer<typeof UserEvent>;

/** A page of events; ask again with `after: nextCursor` until `events` is empty (`nextCursor` may pass events of others). */
export const EventList = z.object({ events: z.array(UserEvent), nextCursor: z.number().int() });
export type EventList = z.infer<typeof EventList>;
