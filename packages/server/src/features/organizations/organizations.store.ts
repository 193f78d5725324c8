import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';
import { CertificationsRepository } from './certifications.repository';
import { DepartmentsRepository } from './departments.repository';
import { JoiningRepository } from './joining.repository';
import { OrgControllerRepository } from './org-controller.repository';
import { OrganizationsRepository } from './organizations.repository';

/** The organization repositories over one connection, and a way to run work in a transaction. */
export interface OrganizationsStore {
  organizations: OrganizationsRepository;
  departments: DepartmentsRepository;
  joining: JoiningRepository;
  certifications: CertificationsRepository;
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

/** Builds the store; services see repositories and transactions, never Kysely. */
export function organizationsStore(db: Kysely<Database>): OrganizationsStore {
  return {
    ...repositories(db),
    transaction: (work) =>
      db.transaction().execute(async (trx) => {
        const tx: OrganizationsStore = { ...repositories(trx), transaction: (inner) => inner(tx) };
        return work(tx);
      }),
  };
}
