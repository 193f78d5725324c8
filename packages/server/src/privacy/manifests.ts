import { accountsManifest } from '../features/accounts/accounts.data';
import { contactsManifest } from '../features/contacts/contacts.data';
import { filesManifest } from '../features/files/files.data';
import { messagingManifest } from '../features/messaging/messaging.data';
import { operatorsManifest } from '../features/operators/operators.data';
import { organizationsManifest } from '../features/organizations/organizations.data';
import { orgAdministrationManifest } from '../features/organizations/org-admin.data';
import { realtimeManifest } from '../features/realtime/realtime.data';
import { profilesManifest } from '../features/profiles/profiles.data';
import { sessionsManifest } from '../features/sessions/sessions.data';
import { verificationManifest } from '../features/verification/codes.data';
import { outboxManifest } from '../providers/outbox.data';
import { auditManifest } from './audit/audit.data';
import { consentManifest } from './consent/consent.data';
import { enginesManifest } from './engines/engines.data';
import { loadTaxonomy } from './fideslang';
import { ManifestRegistry, type FeatureManifest } from './manifest';
import { rightsManifest } from './rights/rights.data';
import { systemManifest } from './system.data';

/** Every feature's manifest. A new feature adds its own here. */
export const allManifests: FeatureManifest[] = [
  systemManifest,
  accountsManifest,
  verificationManifest,
  outboxManifest,
  sessionsManifest,
  profilesManifest,
  operatorsManifest,
  consentManifest,
  auditManifest,
  enginesManifest,
  rightsManifest,
  contactsManifest,
  messagingManifest,
  organizationsManifest,
  orgAdministrationManifest,
  filesManifest,
  realtimeManifest,
];

/** The checked registry; building it fails on any unknown or deprecated taxonomy key. */
export function buildManifestRegistry(manifests = allManifests): ManifestRegistry {
  return new ManifestRegistry(manifests, loadTaxonomy());
}
