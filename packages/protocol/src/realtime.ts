import { z } from 'zod';
import { Id, Timestamp } from './common';
import { UserEvent } from './messaging';

/**
 * The WebSocket at `/api/ws` (MSG-2, ACC-2). Open it with a session cookie or
 * a bearer token and `?after=<cursor>`: the server first sends every event of
 * the caller's stream after that cursor, then live ones, each exactly once
 * and in cursor order, then `ready` once caught up. Without `after` it starts
 * from now. On any disconnect the client reconnects with the last cursor it
 * saw; a client too far behind pages with `GET /api/events` first.
 */
export const RealtimeQuery = z
  .object({ after: z.coerce.number().int().min(0).optional() })
  .strict();

/** Close codes the server uses besides the standard ones. */
export const CloseCode = {
  /** The client fell behind (its send buffer filled up): reconnect with the last cursor. */
  slowConsumer: 4008,
  /** The session ended or the account can no longer be used: sign in again. */
  sessionEnded: 4001,
} as const;

// ---- client → server -------------------------------------------------------

/** The caller is typing in a conversation; members' devices hear of it, nothing is stored. */
export const TypingFrame = z.object({ type: z.literal('typing'), conversationId: Id }).strict();

/** Watch these people's presence (people the caller shares a conversation with or is friends with; others are ignored). Replaces the previous list. */
export const WatchPresenceFrame = z
  .object({ type: z.literal('presence.watch'), userIds: z.array(Id).max(500) })
  .strict();

/** A keep-alive; answered by `pong` with the same `id`. */
export const PingFrame = z
  .object({ type: z.literal('ping'), id: z.string().max(64).optional() })
  .strict();

export const ClientFrame = z.discriminatedUnion('type', [
  TypingFrame,
  WatchPresenceFrame,
  PingFrame,
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

// ---- server → client -------------------------------------------------------

/** One event of the caller's stream (see `UserEvent`); `cursor` rises with every event. */
export const EventFrame = z.object({ type: z.literal('event'), event: UserEvent });

/** Sent once the backlog after `after` has been delivered; `cursor` is where to resume from. */
export const ReadyFrame = z.object({ type: z.literal('ready'), cursor: z.number().int() });

/** Someone is typing; ephemeral, never in the event stream. */
export const TypingEventFrame = z.object({
  type: z.literal('typing'),
  conversationId: Id,
  userId: Id,
});

/**
 * A watched person's presence. `lastSeenAt` is null while online, and null
 * when that person hides their last-seen time.
 */
export const PresenceFrame = z.object({
  type: z.literal('presence'),
  userId: Id,
  online: z.boolean(),
  lastSeenAt: Timestamp.nullable(),
});
export type PresenceFrame = z.infer<typeof PresenceFrame>;

export const PongFrame = z.object({ type: z.literal('pong'), id: z.string().optional() });

/**
 * A frame the server could not accept; the connection stays open. Ids:
 * `validation_failed` (not JSON or not a `ClientFrame`), `not_found` (typing
 * in a conversation the caller is not in), `rate_limited` (too many frames
 * waiting; the frame was dropped).
 */
export const ErrorFrame = z.object({
  type: z.literal('error'),
  error: z.object({ id: z.string(), message: z.string() }),
});

export const ServerFrame = z.discriminatedUnion('type', [
  EventFrame,
  ReadyFrame,
  TypingEventFrame,
  PresenceFrame,
  PongFrame,
  ErrorFrame,
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

// ---- presence settings (REST) ----------------------------------------------

/**
 * Who sees when a person was last online. Online/offline itself is always
 * shown to the people allowed to watch (conversation partners and contacts);
 * `hideLastSeen` withholds the time of the last disconnect from all of them.
 */
export const PresenceSettings = z.object({ hideLastSeen: z.boolean() }).strict();
export type PresenceSettings = z.infer<typeof PresenceSettings>;
