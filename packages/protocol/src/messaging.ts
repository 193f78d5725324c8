import { z } from 'zod';
import { Id, Timestamp } from './common';

/** A position in a conversation's sequence: 1, 2, 3, … without gaps. */
export const Seq = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** `/api/conversations/:id`. */
export const ConversationParams = z.object({ id: Id });

/** `/api/conversations/:id/messages/:seq`. */
export const MessageParams = z.object({ id: Id, seq: Seq });

/** `/api/conversations/:id/members/:userId`. */
export const MemberParams = z.object({ id: Id, userId: Id });

const GroupName = z.string().trim().min(1).max(100);

/** Creates a group; the creator becomes its owner. */
export const CreateGroupBody = z.object({ name: GroupName }).strict();
export type CreateGroupBody = z.infer<typeof CreateGroupBody>;

/** Renames a group or sets its announcement (null clears it); owners and admins only. */
export const UpdateGroupBody = z
  .object({
    name: GroupName.optional(),
    announcement: z.string().trim().max(2000).nullable().optional(),
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

/** A signed, expiring invite token; anyone signed in who holds it may join. */
export const InviteLink = z.object({ token: z.string(), expiresAt: Timestamp });
export type InviteLink = z.infer<typeof InviteLink>;

/** Joins a group with an invite token. */
export const JoinGroupBody = z.object({ token: z.string().min(10).max(300) }).strict();

/** A conversation as one member sees it. */
export const Conversation = z.object({
  id: Id,
  kind: z.enum(['group', 'direct']),
  name: z.string().nullable(),
  announcement: z.string().nullable(),
  role: Role,
  memberCount: z.number().int(),
  lastSeq: z.number().int(),
  lastActivityAt: Timestamp,
  readSeq: z.number().int(),
  unread: z.number().int(),
  muted: z.boolean(),
  pinned: z.boolean(),
});
export type Conversation = z.infer<typeof Conversation>;

/** The caller's conversations, pinned first, then by last activity, newest first. */
export const ConversationList = z.object({ conversations: z.array(Conversation) });

/** One member of a conversation. */
export const Member = z.object({ userId: Id, role: Role, joinedAt: Timestamp });
export const MemberList = z.object({ members: z.array(Member) });

/** Sends a text message. `clientId` makes a retry return the first send instead of a copy. */
export const SendMessageBody = z
  .object({
    clientId: z.uuid(),
    text: z.string().trim().min(1).max(4000),
    mentions: z.array(Id).max(100).default([]),
    mentionAll: z.boolean().default(false),
    replyTo: Seq.optional(),
  })
  .strict();
export type SendMessageBody = z.infer<typeof SendMessageBody>;

/** A message; `text` is null once recalled or once its sender's key is shredded. */
export const Message = z.object({
  id: Id,
  conversationId: Id,
  seq: z.number().int(),
  clientId: z.uuid(),
  senderId: Id.nullable(),
  text: z.string().nullable(),
  mentions: z.array(Id),
  mentionAll: z.boolean(),
  replyTo: z.number().int().nullable(),
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

/** Event names, `<entity>.<past-verb>`. */
export const EventType = z.enum([
  'message.created',
  'message.recalled',
  'receipt.updated',
  'conversation.updated',
  'member.joined',
  'member.left',
]);
export type EventType = z.infer<typeof EventType>;

/** Events after a cursor, oldest first. */
export const EventsQuery = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/** One event of the caller's stream; `cursor` rises by one per event. */
export const UserEvent = z.object({
  cursor: z.number().int(),
  type: EventType,
  payload: z.record(z.string(), z.unknown()),
  createdAt: Timestamp,
});
export type UserEvent = z.infer<typeof UserEvent>;

/** A page of events; ask again with `after: nextCursor` until `events` is empty. */
export const EventList = z.object({ events: z.array(UserEvent), nextCursor: z.number().int() });
export type EventList = z.infer<typeof EventList>;
