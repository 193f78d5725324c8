import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import type { RouteDefinition } from '../../platform/http/route';
import type { IdGenerator } from '../../platform/ids';
import type { Secrets } from '../../platform/secrets';
import type { KeyVault } from '../../privacy/vault/key-vault';
import { conversationsRoutes } from './conversations.routes';
import { ConversationsService } from './conversations.service';
import { EventsService, type EventPublisher } from './events.service';
import { GroupAdminService } from './group-admin.service';
import { messagesRoutes } from './messages.routes';
import { MessagesService } from './messages.service';
import { messagingStore } from './messaging.store';
import { ReceiptsService } from './receipts.service';

/** What messaging is built from. */
export interface MessagingDependencies {
  db: Kysely<Database>;
  vault: KeyVault;
  secrets: Secrets;
  clock: Clock;
  ids: IdGenerator;
  memberLimit: number;
  /** Publishes committed events to the bus, when there is one. */
  publish?: EventPublisher;
  reportFailure?: (err: unknown) => void;
}

/** Builds the messaging services and returns their routes. */
export function messagingRoutes(deps: MessagingDependencies): RouteDefinition[] {
  const { clock, ids } = deps;
  const store = messagingStore(deps.db);
  const events = new EventsService(store, clock, deps.publish, deps.reportFailure);
  return [
    ...conversationsRoutes(
      new ConversationsService(store, events, deps.secrets, clock, ids, deps.memberLimit),
      new GroupAdminService(store, events),
    ),
    ...messagesRoutes(
      new MessagesService(store, events, deps.vault, clock, ids),
      new ReceiptsService(store, events),
      events,
    ),
  ];
}
