import type { CreateRightsRequestBody, RightsRequest } from '@carillon/protocol/rights';
import type { RightsRequestRow } from './rights.repository';

/** A routed part of a request, as its owner sees it. */
export type RoutedPart = RightsRequest['organizations'][number];

/** Kinds whose organization-controlled part the organization answers (ORG-4, PRIV-15). */
export const ROUTED_KINDS = new Set(['access', 'copy', 'correct', 'delete', 'restrict']);

/**
 * Where the parts of a person's request about organization-controlled data
 * go: that organization's administrators, who are the controller of it
 * (DingTalk policy II(III)); Carillon acts only on their instructions. The
 * organizations feature provides it.
 */
export interface OrganizationRouting {
  /**
   * Sends the parts of a verified request that concern data organizations
   * control to each of them; returns the names of the organizations it went to.
   */
  route(row: RightsRequestRow, body: CreateRightsRequestBody): Promise<string[]>;
  /** The routed parts of a request with their answers, for its owner. */
  partsOf(requestId: string): Promise<RoutedPart[]>;
}

/** No organizations: nothing is routed (tests of the rights center alone, tools). */
export const noOrganizationRouting: OrganizationRouting = {
  route: async () => [],
  partsOf: async () => [],
};

/** What the person is told about the parts sent to organizations. */
export function routedAnswer(names: string[]): string {
  const quoted = names.map((n) => `“${n}”`).join(', ');
  return (
    ` The parts about data controlled by ${quoted} were sent to ${names.length > 1 ? 'their' : 'its'} ` +
    'administrators: for data an organization assigns or collects for its work, the organization ' +
    'is the controller and Carillon acts only on its instructions. Their answers appear on this request.'
  );
}
