import type { FeatureManifest } from '../../privacy/manifest';

/** One-time codes: who they were sent to, and from which address they were asked for. */
export const verificationManifest: FeatureManifest = {
  feature: 'verification',
  tables: [
    {
      table: 'verification_codes',
      description: 'Hashed one-time codes for sign-up, password reset and unfreezing.',
      subjectColumn: null,
      subjectLookup: { column: 'destination', by: 'phone_or_email' },
      controller: 'personal',
      retention: {
        kind: 'days',
        days: 1,
        from: 'expires_at',
        reason: 'abuse limits look back one hour',
      },
      columns: {
        id: { notPersonal: 'identifier' },
        channel: { notPersonal: 'transport' },
        destination: {
          category: 'user.contact',
          purposes: ['essential.service.authentication'],
          legalBasis: 'contract',
          erase: 'delete',
        },
        purpose: { notPersonal: 'enumeration' },
        code_hash: {
          category: 'user.authorization.credentials',
          purposes: ['essential.service.authentication'],
          legalBasis: 'contract',
          erase: 'delete',
          exportable: false,
        },
        attempts: { notPersonal: 'counter' },
        requester_ip: {
          category: 'user.device.ip_address',
          purposes: ['essential.service.security'],
          legalBasis: 'legitimate_interest',
          erase: 'delete',
        },
        created_at: { notPersonal: 'timestamp' },
        expires_at: { notPersonal: 'timestamp' },
        consumed_at: { notPersonal: 'timestamp' },
      },
    },
  ],
};
