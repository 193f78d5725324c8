import type { FeatureManifest } from '../privacy/manifest';

/** The outbox holds messages as they would have been sent: destination and text. */
export const outboxManifest: FeatureManifest = {
  feature: 'outbox',
  tables: [
    {
      table: 'outbox',
      description:
        'Text messages and e-mails written by the local providers for an operator to relay.',
      subjectColumn: null,
      subjectLookup: { column: 'destination', by: 'phone_or_email' },
      controller: 'personal',
      retention: { kind: 'days', days: 30, from: 'created_at', reason: 'delivery support' },
      columns: {
        id: { notPersonal: 'identifier' },
        channel: { notPersonal: 'transport' },
        destination: {
          category: 'user.contact',
          purposes: ['essential.service.notifications'],
          legalBasis: 'contract',
          erase: 'delete',
        },
        subject: { notPersonal: 'fixed template subject' },
        body: {
          category: 'user.content.private',
          purposes: ['essential.service.notifications'],
          legalBasis: 'contract',
          erase: 'delete',
        },
        created_at: { notPersonal: 'timestamp' },
      },
    },
  ],
};
