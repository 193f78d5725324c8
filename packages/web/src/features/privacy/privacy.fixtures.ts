import type { ConsentPurposeView, PolicyDocument } from '@carillon/protocol/privacy';
import type { RightsRequest } from '@carillon/protocol/rights';

/** Ids the privacy component tests use. */
export const ids = {
  request: '01900000-0000-7000-8000-0000000000e1',
  record: '01900000-0000-7000-8000-0000000000d1',
};

/** A policy version document as GET /api/policies/:version answers it. */
export function policyDocument(version: number, overrides: Partial<PolicyDocument> = {}) {
  return {
    version,
    significant: version > 1,
    changes: version > 1 ? ['Location data is kept for 30 days'] : [],
    publishedAt: Date.UTC(2026, 10, version),
    url: `http://localhost/api/policies/${version}`,
    language: 'en',
    prevailingLanguage: 'en',
    current: true,
    summary: `Summary of version ${version}`,
    text: `Full text of version ${version}`,
    ...overrides,
  } satisfies PolicyDocument;
}

/** One purpose of the consents catalogue. */
export function purpose(overrides: Partial<ConsentPurposeView>): ConsentPurposeView {
  return {
    purpose: 'location',
    kind: 'additional',
    title: 'Location',
    description: 'Your precise location, for sharing it in chats.',
    dataUse: 'functional.service',
    dataCategories: ['user.location.precise'],
    sensitive: true,
    sensitiveCategories: ['user.location.precise'],
    granted: false,
    since: null,
    recordId: null,
    ...overrides,
  };
}

/** A data-rights request as its owner sees it. */
export function rightsRequest(overrides: Partial<RightsRequest>): RightsRequest {
  return {
    id: ids.request,
    kind: 'copy',
    status: 'submitted',
    submitted: { kind: 'copy' },
    organizations: [],
    createdAt: Date.UTC(2026, 11, 2, 8),
    verifiedAt: null,
    closedAt: null,
    deadlineAt: Date.UTC(2027, 0, 1, 8),
    daysLeft: 30,
    overdue: false,
    awaitingOperator: false,
    coolingOffEndsAt: null,
    answer: null,
    refusalReason: null,
    answeredByOrganization: false,
    ...overrides,
  };
}
