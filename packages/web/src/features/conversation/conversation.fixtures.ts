import type { Conversation, Message } from '@carillon/protocol/messaging';
import { account, conversationOf, health } from '../../../test/fake-fetch';

/** Component-test answers for an open one-to-one chat between `me` and Wei (`peer`). */
export const me = '01900000-0000-7000-8000-000000000001';
export const peer = '01900000-0000-7000-8000-000000000009';
export const cid = '01900000-0000-7000-8000-0000000000cc';

export const conversation: Conversation = conversationOf({
  id: cid,
  peerId: peer,
  lastSeq: 1,
  lastActivityAt: Date.UTC(2026, 11, 2, 8),
  unread: 1,
});

/** GET …/messages/:seq/receipts for a message of mine that Wei has not read yet. */
export const unreadByPeer = (seq: number) => ({
  seq,
  readCount: 0,
  unreadCount: 1,
  readBy: [],
  unreadBy: [peer],
  status: 'unread',
});

export const stored = (seq: number, clientId: string, senderId: string, text: string): Message => ({
  id: `01900000-0000-7000-8000-00000000010${seq}`,
  conversationId: cid,
  seq,
  clientId,
  senderId,
  kind: 'text',
  text,
  caption: null,
  file: null,
  durationMs: null,
  location: null,
  mentions: [],
  mentionAll: false,
  replyTo: null,
  forwarded: false,
  recalled: false,
  createdAt: Date.UTC(2026, 11, 2, 8, seq),
});

/** The answers every open-chat test needs: session, list, members, Wei's profile, history, read. */
export function chatRoutes(messages: Message[], conversations: Conversation[] = [conversation]) {
  return {
    'GET /api/health': health(),
    'GET /api/account': account(me),
    'GET /api/conversations': { body: { conversations } },
    [`GET /api/conversations/${cid}/members`]: {
      body: {
        members: [
          { userId: me, role: 'member', joinedAt: 1 },
          { userId: peer, role: 'member', joinedAt: 1 },
        ],
      },
    },
    [`GET /api/users/${peer}/profile`]: {
      body: { userId: peer, nickname: 'Wei', avatarUrl: null },
    },
    [`GET /api/conversations/${cid}/messages`]: { body: { messages } },
    [`POST /api/conversations/${cid}/read`]: { body: { readSeq: messages.at(-1)?.seq ?? 0 } },
  };
}

/** GET /api/privacy/consents with the two device switches set as given. */
export function consents(granted: { location?: boolean; camera_microphone?: boolean }) {
  const purpose = (key: 'location' | 'camera_microphone', title: string) => ({
    purpose: key,
    kind: 'additional',
    title,
    description: title,
    dataUse: 'functional.service',
    dataCategories: ['user.location.precise'],
    sensitive: false,
    sensitiveCategories: [],
    granted: granted[key] ?? false,
    since: null,
    recordId: null,
  });
  return {
    body: {
      language: 'en',
      policy: { acceptedVersion: 1, currentVersion: 1, reconsentRequired: false },
      purposes: [
        purpose('location', 'Location'),
        purpose('camera_microphone', 'Camera and microphone'),
      ],
    },
  };
}
