import type { FeatureManifest, PersonalColumn } from '../../privacy/manifest';
import { DEFAULT_SECURITY_LOG_DAYS } from './security-log';

const timestamp = { notPersonal: 'timestamp' } as const;
const identifier = { notPersonal: 'identifier' } as const;

/** Organization-controlled (ORG-3, ORG-9): held for running the organization, on its instructions. */
const held = (
  category: string,
  purposes: string[] = ['employment', 'essential.service.security'],
): PersonalColumn => ({ category, purposes, legalBasis: 'contract', erase: 'delete' });

/**
 * Organization administration (ADR 0013): enterprise accounts, which make
 * every record about their holder organization-controlled (`ownsSubject`),
 * the functions organizations turned off, and the security log, kept as
 * long as each organization sets.
 */
export const orgAdministrationManifest: FeatureManifest = {
  feature: 'organization administration',
  nonPersonalTables: [
    {
      table: 'organization_disabled_apps',
      notPersonal: 'which built-in functions an organization turned off, and when',
    },
  ],
  tables: [
    {
      table: 'enterprise_accounts',
      description:
        'The enterprise account an organization created for you: its name and whether the organization disabled it. Everything done with it is the organization’s.',
      subjectColumn: 'user_id',
      controller: 'organization',
      organization: { column: 'organization_id', onPersonErased: 'erase' },
      ownsSubject: true,
      retention: { kind: 'account_lifetime' },
      columns: {
        user_id: held('user.unique_id', ['essential.service.authentication']),
        organization_id: identifier,
        account_name: held('user.account.username', ['essential.service.authentication']),
        account_key: held('user.account.username', ['essential.service.authentication']),
        created_at: timestamp,
        disabled_at: held('user.account.settings', ['essential.service.security']),
      },
    },
    {
      table: 'organization_security_log',
      description:
        'Your log-ins, log-outs, new devices, file downloads and administrative actions, in the security log of each organization you belong to.',
      subjectColumn: 'user_id',
      controller: 'organization',
      organization: {
        column: 'organization_id',
        retentionFrom: 'created_at',
        onPersonErased: 'erase',
      },
      retention: {
        kind: 'days',
        days: DEFAULT_SECURITY_LOG_DAYS,
        from: 'created_at',
        reason: "the organization's security review",
        setBy: { table: 'organizations', column: 'security_log_days', key: 'organization_id' },
      },
      columns: {
        id: identifier,
        organization_id: identifier,
        user_id: held('user.unique_id'),
        kind: { notPersonal: 'enumeration' },
        detail: held('user.device'),
        created_at: timestamp,
      },
    },
  ],
};
