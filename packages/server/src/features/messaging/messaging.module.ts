import type { Kysely } from 'kysely';
import type { LocationConsent } from './messages.service';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import type { RouteDefinition } from '../../platform/http/route';
import type { IdGenerator } from '../../platform/ids';
import type { AppGate } from '../../platform/organization-hooks';
import type { Secrets } from '../../platform/secrets';
import type { KeyVault } from '../../privacy/vault/key-vault';
import type { AttachableFiles, SharedFileAccess } from './attachable-files';
import { conversationsRoutes } from './conversations.routes';
import { ConversationsService } from './conversations.service';
import { DirectChatsService, type ContactRelations } from './direct-chats.service';
import { EventsService, type EventPublisher } from './events.service';
import { ForwardingService } from './forwarding.service';
import { GroupAdminService } from './group-admin.service';
import { joinRequestsRoutes } from './join-requests.routes';
import { JoinRequestsService } from './join-requests.service';
import { MessagePresenter } from './message-presenter';
import { MessageWriter } from './message-writer';
import { messagesRoutes } from './messages.routes';
import { MessagesService } from './messages.service';
import { messagingStore, messagingStoreIn } from './messaging.store';
import { ReceiptsService } from './receipts.service';
import { OrganizationConversations } from './organization-conversations';
import type { Workplaces } from './workplaces';
import type { OrgConversationsFactory } from '../organizations/org-conversations';

/** What messaging is built from. */
export interface MessagingDependencies {
  db: Kysely<Database>;
  vault: KeyVault;
  secrets: Secrets;
  clock: Clock;
  ids: IdGenerator;
  memberLimit: number;
  /** Friendships and blocks, for one-to-one chats and adding people to groups (features/contacts). */
  contacts: ContactRelations;
  /** Organization memberships, for colleague chats and external groups (features/organizations). */
  workplaces: Workplaces;
  /** Uploaded files, for attachments (features/files). */
  files: AttachableFiles;
  /** Whether a person can read a file through a conversation (`conversationFileAccess`). */
  canReadShared: SharedFileAccess;
  /** Publishes committed events to the bus, when there is one. */
  publish?: EventPublisher;
  reportFailure?: (err: unknown) => void;
  /** Functions organizations turned off (ORG-7). */
  apps?: AppGate;
  /** The consent ledger: sharing one's location is an additional function (permission switch). */
  consents: LocationConsent;
}

/** Builds the messaging services and returns their routes. */
export function messagingRoutes(deps: MessagingDependencies): RouteDefinition[] {
  const { clock, ids } = deps;
  const store = messagingStore(deps.db);
  const events = new EventsService(store, clock, deps.publish, deps.reportFailure);
  const conversations = new ConversationsService(
    store,
    events,
    deps.secrets,
    clock,
    ids,
    deps.memberLimit,
    deps.workplaces,
    deps.apps,
  );
  const writer = new MessageWriter(store, events, deps.vault, deps.contacts, clock, ids, deps.apps);
  const presenter = new MessagePresenter(deps.vault, deps.files);
  return [
    ...conversationsRoutes(
      conversations,
      new DirectChatsService(
        store,
        events,
        conversations,
        deps.contacts,
        deps.workplaces,
        clock,
        ids,
        deps.apps,
      ),
      new GroupAdminService(store, events, deps.contacts, deps.workplaces, clock, deps.memberLimit),
    ),
    ...joinRequestsRoutes(new JoinRequestsService(store, events, clock, deps.memberLimit)),
    ...messagesRoutes(
      new MessagesService(
        store,
        events,
        writer,
        presenter,
        deps.files,
        deps.canReadShared,
        deps.consents,
        clock,
      ),
      new ForwardingService(store, writer, presenter),
      new ReceiptsService(store, events),
      events,
    ),
  ];
}

/**
 * The conversations side of organization changes (ADR 12): bound to the
 * organization's transaction, its events published after that commits.
 */
export function organizationConversations(
  deps: Pick<MessagingDependencies, 'db' | 'clock' | 'ids' | 'publish' | 'reportFailure'>,
): OrgConversationsFactory {
  const events = new EventsService(
    messagingStore(deps.db),
    deps.clock,
    deps.publish,
    deps.reportFailure,
  );
  return (trx, afterCommit) => {
    const tx = messagingStoreIn(trx);
    return new OrganizationConversations(
      tx,
      events.emitterIn(tx, afterCommit),
      deps.clock,
      deps.ids,
    );
  };
}
