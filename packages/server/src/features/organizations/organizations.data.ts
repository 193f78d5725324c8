import type { FeatureManifest, PersonalColumn } from '../../privacy/manifest';

const timestamp = { notPersonal: 'timestamp' } as const;
const identifier = { notPersonal: 'identifier' } as const;

/**
 * A column of organization-controlled data (ORG-4, DingTalk policy II(III)1):
 * assigned by the organization for running it, held on its administrators'
 * instructions.
 */
const assigned = (category: string, erase: PersonalColumn['erase'] = 'delete'): PersonalColumn => ({
  category,
  purposes: ['employment', 'essential.service'],
  legalBasis: 'contract',
  erase,
});

/** A column of the person's own data, for the service they asked for. */
const own = (category: string): PersonalColumn => ({
  category,
  purposes: ['essential.service'],
  legalBasis: 'contract',
  erase: 'delete',
});

/**
 * Organizations, memberships, departments, certification requests and their
 * documents, invitations, applications, routed rights requests and what a
 * member keeps of them once the organization is dissolved. Memberships and
 * what hangs off them are organization-controlled, each naming its organization
 * (`organization`, read by the engines); a person's application to join is
 * their own.
 */
export const organizationsManifest: FeatureManifest = {
  feature: 'organizations',
  nonPersonalTables: [
    {
      table: 'organizations',
      notPersonal: 'organization name, location, industry, size and certification time',
    },
    {
      table: 'organization_data_retention',
      notPersonal: "an organization's retention period for the data it controls",
    },
    {
      table: 'organization_dissolutions',
      notPersonal: 'when an organization is dissolved: dates and the job lease',
    },
  ],
  tables: [
    {
      table: 'organization_members',
      description:
        'The organizations a person belongs to, their role and the details each organization assigned (name, position, job number, office e-mail and phone).',
      subjectColumn: 'user_id',
      controller: 'organization',
      organization: { column: 'organization_id', onPersonErased: 'erase' },
      retention: { kind: 'account_lifetime' },
      columns: {
        organization_id: identifier,
        user_id: assigned('user.unique_id'),
        role: assigned('user.job_title'),
        admin_scope: assigned('user.job_title'),
        name: assigned('user.name'),
        search_key: assigned('user.name'),
        position: assigned('user.job_title'),
        job_number: assigned('user.workplace'),
        office_email: assigned('user.contact.email'),
        office_phone: assigned('user.contact.phone_number'),
        joined_at: timestamp,
      },
    },
    {
      table: 'organization_department_members',
      description: 'The departments a person is placed in.',
      subjectColumn: 'user_id',
      controller: 'organization',
      organization: { column: 'organization_id', onPersonErased: 'erase' },
      retention: { kind: 'account_lifetime' },
      columns: {
        department_id: identifier,
        organization_id: identifier,
        user_id: assigned('user.workplace'),
      },
    },
    {
      table: 'organization_departments',
      description: 'Departments a person manages.',
      subjectColumn: 'manager_id',
      controller: 'organization',
      organization: { column: 'organization_id', onPersonErased: 'keep' },
      retention: { kind: 'account_lifetime' },
      columns: {
        id: identifier,
        organization_id: identifier,
        parent_id: identifier,
        name: { notPersonal: 'department name' },
        manager_id: assigned('user.job_title', 'anonymize'),
        created_at: timestamp,
      },
    },
    {
      table: 'organization_certifications',
      description:
        "Certification requests a person submitted for their organization, with the business's legal representative.",
      subjectColumn: 'submitted_by',
      controller: 'organization',
      organization: { column: 'organization_id', onPersonErased: 'keep' },
      retention: { kind: 'account_lifetime' },
      columns: {
        id: identifier,
        organization_id: identifier,
        status: { notPersonal: 'review state' },
        legal_name: { notPersonal: 'business name' },
        registration_number: { notPersonal: 'business registration number' },
        legal_representative: assigned('user.name', 'anonymize'),
        documents: {
          notPersonal: 'file ids as submitted, kept for the previous version (ADR 22)',
        },
        submitted_by: assigned('user.unique_id', 'anonymize'),
        submitted_at: timestamp,
        reviewed_by: { notPersonal: 'operator identifier' },
        reviewed_at: timestamp,
        reason: { notPersonal: "operator's decision note" },
      },
    },
    {
      table: 'organization_certification_documents',
      description:
        'Business documents a person attached to a certification request for their organization; they can name the legal representative.',
      subjectColumn: 'uploaded_by',
      controller: 'organization',
      // The organization's copy of its documents: the request keeps them when the uploader goes.
      organization: { column: 'organization_id', onPersonErased: 'keep' },
      retention: { kind: 'account_lifetime' },
      columns: {
        certification_id: identifier,
        file_id: identifier,
        organization_id: identifier,
        position: { notPersonal: 'order of the documents' },
        uploaded_by: assigned('user.unique_id', 'anonymize'),
        // The bytes in the file store: kept while this row names them, in the organization's export.
        hash: { ...assigned('user.content.private'), file: true },
        name: assigned('user.content.private'),
        media_type: { notPersonal: 'file metadata' },
        size: { notPersonal: 'file metadata' },
      },
    },
    {
      table: 'organization_invitations',
      description: 'Invitations to join an organization sent to a phone number.',
      subjectColumn: null,
      subjectLookup: { column: 'phone', by: 'phone_or_email' },
      controller: 'organization',
      organization: {
        column: 'organization_id',
        retentionFrom: 'created_at',
        onPersonErased: 'erase',
      },
      retention: {
        kind: 'days',
        days: 90,
        from: 'expires_at',
        reason: 'an expired invitation serves no purpose',
      },
      columns: {
        id: identifier,
        organization_id: identifier,
        phone: assigned('user.contact.phone_number'),
        code: { notPersonal: 'join code' },
        created_at: timestamp,
        expires_at: timestamp,
        answered_at: timestamp,
      },
    },
    {
      table: 'organization_rights_requests',
      description:
        'The parts of your data-rights requests about data an organization controls, sent to its administrators, and their answers.',
      subjectColumn: 'user_id',
      controller: 'organization',
      // Counted from the answer: an open request is never removed by the organization's period.
      organization: {
        column: 'organization_id',
        retentionFrom: 'answered_at',
        onPersonErased: 'keep',
      },
      retention: { kind: 'account_lifetime' },
      columns: {
        id: identifier,
        request_id: identifier,
        organization_id: identifier,
        user_id: {
          category: 'user.unique_id',
          purposes: ['essential.legal_obligation'],
          legalBasis: 'legal_obligation',
          erase: 'anonymize',
        },
        kind: { notPersonal: 'enumeration' },
        details: {
          category: 'user.privacy_preferences',
          purposes: ['essential.legal_obligation'],
          legalBasis: 'legal_obligation',
          erase: 'shred',
        },
        tables: { notPersonal: 'table names' },
        status: { notPersonal: 'enumeration' },
        answer: {
          category: 'user.privacy_preferences',
          purposes: ['essential.legal_obligation'],
          legalBasis: 'legal_obligation',
          erase: 'anonymize',
        },
        refusal_reason: {
          category: 'user.privacy_preferences',
          purposes: ['essential.legal_obligation'],
          legalBasis: 'legal_obligation',
          erase: 'anonymize',
        },
        created_at: timestamp,
        deadline_at: timestamp,
        answered_at: timestamp,
        reminded: { notPersonal: 'enumeration' },
      },
    },
    {
      table: 'dissolved_organization_parts',
      description:
        'The outcome of the parts of your data-rights requests that an organization held when it was dissolved: your record of them, as the organization is gone.',
      subjectColumn: 'user_id',
      controller: 'personal',
      // Goes with its request (foreign key), whose own retention applies.
      retention: { kind: 'account_lifetime' },
      columns: {
        id: identifier,
        request_id: identifier,
        user_id: own('user.unique_id'),
        organization_id: identifier,
        organization_name: { notPersonal: 'organization name' },
        kind: { notPersonal: 'enumeration' },
        status: { notPersonal: 'enumeration' },
        answer: own('user.privacy_preferences'),
        refusal_reason: own('user.privacy_preferences'),
        created_at: timestamp,
        deadline_at: timestamp,
        answered_at: timestamp,
      },
    },
    {
      table: 'organization_applications',
      description: 'Requests a person made to join an organization.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        id: identifier,
        organization_id: identifier,
        user_id: own('user.unique_id'),
        message: own('user.content.private'),
        status: { notPersonal: 'review state' },
        created_at: timestamp,
        decided_at: timestamp,
      },
    },
  ],
};
