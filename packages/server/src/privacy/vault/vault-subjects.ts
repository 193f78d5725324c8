/**
 * The vault subject whose key seals what an organization controls (ADR 19):
 * messages in its conversations. It is not a person, so no one's erasure
 * shreds it; dissolving the organization does. A prefix user ids (UUIDs)
 * never have, so it cannot name a person's key.
 */
export function organizationVaultSubject(organizationId: string): string {
  return `organization:${organizationId}`;
}
