import {
  ConversationParams,
  EventList,
  EventsQuery,
  ForwardMessageBody,
  HistoryQuery,
  MarkReadBody,
  Message,
  MessagePage,
  MessageParams,
  ReadPosition,
  Receipts,
  SendMessageBody,
} from '@carillon/protocol/messaging';
import { route, type RouteDefinition } from '../../platform/http/route';
import type { EventsService } from './events.service';
import type { ForwardingService } from './forwarding.service';
import type { MessagesService } from './messages.service';
import type { ReceiptsService } from './receipts.service';

const tags = ['messages'];

/** Message, read-receipt and event-stream routes. */
export function messagesRoutes(
  messages: MessagesService,
  forwarding: ForwardingService,
  receipts: ReceiptsService,
  events: EventsService,
): RouteDefinition[] {
  return [
    route({
      method: 'POST',
      path: '/api/conversations/:id/messages',
      summary:
        'Send a text, image, file, voice or location message; a retry with the same clientId returns the first',
      tags,
      auth: 'user',
      params: ConversationParams,
      body: SendMessageBody,
      response: Message,
      status: 201,
      errors: ['not_found', 'forbidden', 'conflict'],
      handler: ({ user, params, body }) => messages.send(user.userId, params.id, body),
    }),
    route({
      method: 'POST',
      path: '/api/conversations/:id/forward',
      summary: 'Forward a message I can read into this conversation; idempotent by clientId',
      tags,
      auth: 'user',
      params: ConversationParams,
      body: ForwardMessageBody,
      response: Message,
      status: 201,
      errors: ['not_found', 'forbidden', 'conflict'],
      handler: ({ user, params, body }) => forwarding.forward(user.userId, params.id, body),
    }),
    route({
      method: 'GET',
      path: '/api/conversations/:id/messages',
      summary: 'History, newest first: ?before=<seq> pages back, ?around=<seq> centres',
      tags,
      auth: 'user',
      params: ConversationParams,
      query: HistoryQuery,
      response: MessagePage,
      errors: ['not_found'],
      handler: async ({ user, params, query }) => ({
        messages: await messages.history(user.userId, params.id, query),
      }),
    }),
    route({
      method: 'POST',
      path: '/api/conversations/:id/messages/:seq/recall',
      summary: 'Recall a message (sender within 24 h, owner or admin any time)',
      tags,
      auth: 'user',
      params: MessageParams,
      response: Message,
      errors: ['not_found', 'forbidden'],
      handler: ({ user, params }) => messages.recall(user.userId, params.id, params.seq),
    }),
    route({
      method: 'DELETE',
      path: '/api/conversations/:id/messages/:seq',
      summary: 'Delete a message for myself only',
      tags,
      auth: 'user',
      params: MessageParams,
      errors: ['not_found'],
      handler: ({ user, params }) => messages.hide(user.userId, params.id, params.seq),
    }),
    route({
      method: 'POST',
      path: '/api/conversations/:id/read',
      summary: 'Mark everything up to a seq read (never moves back)',
      tags,
      auth: 'user',
      params: ConversationParams,
      body: MarkReadBody,
      response: ReadPosition,
      errors: ['not_found'],
      handler: async ({ user, params, body }) => ({
        readSeq: await receipts.markRead(user.userId, params.id, body.seq),
      }),
    }),
    route({
      method: 'GET',
      path: '/api/conversations/:id/messages/:seq/receipts',
      summary: 'Who has and has not read my message',
      tags,
      auth: 'user',
      params: MessageParams,
      response: Receipts,
      errors: ['not_found', 'forbidden'],
      handler: ({ user, params }) => receipts.receipts(user.userId, params.id, params.seq),
    }),
    route({
      method: 'GET',
      path: '/api/events',
      summary: 'My events after a cursor, oldest first, to resume after being away',
      tags,
      auth: 'user',
      query: EventsQuery,
      response: EventList,
      handler: ({ user, query }) => events.after(user.userId, query.after, query.limit),
    }),
  ];
}
