import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';
import { CertificationsRepository } from './certifications.repository';
import { DepartmentsRepository } from './departments.repository';
import { JoiningRepository } from './joining.repository';
import type { OrgConversations, OrgConversationsFactory } from './org-conversations';
import { OrgControllerRepository } from './org-controller.repository';
import { OrganizationsRepository } from './organizations.repository';

/** The organization repositories over one connection, and a way to run work in a transaction. */
export interface OrganizationsStore {
  organizations: OrganizationsRepository;
  departments: DepartmentsRepository;
  joining: JoiningRepository;
  certifications: CertificationsRepository;
  /** The conversations the organization owns, changed in the same transaction (ADR 12). */
  chats: OrgConversations;
  controller: OrgControllerRepository;
  /** Runs `work` with repositories bound to one transaction; nested calls join it. */
  transaction<T>(work: (tx: OrganizationsStore) => Promise<T>): Promise<T>;
}

function repositories(db: Kysely<Database>) {
  return {
    organizations: new OrganizationsRepository(db),
    departments: new DepartmentsRepository(db),
    joining: new JoiningRepository(db),
    certifications: new CertificationsRepository(db),
    controller: new OrgControllerRepository(db),
  };
}

/**
 * Builds the store; services see repositories and transactions, never Kysely.
 * Work the conversations side hands over for after commit (publishing its
 * events) runs once the transaction has committed, and not at all if it fails.
 */
export function organizationsStore(
  db: Kysely<Database>,
  chats: OrgConversationsFactory,
): OrganizationsStore {
  return {
    ...repositories(db),
    chats: chats(db, (task) => task()),
    transaction: async (work) => {
      const afterCommit: (() => void)[] = [];
      const result = await db.transaction().execute(async (trx) => {
        const tx: OrganizationsStore = {
          ...repositories(trx),
          chats: chats(trx, (task) => afterCommit.push(task)),
          transaction: (inner) => inner(tx),
        };
        return work(tx);
      });
      for (const task of afterCommit) task();
      return result;
    },
  };
}
