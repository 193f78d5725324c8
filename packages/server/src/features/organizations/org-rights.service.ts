import type { OrgRightsRequest } from '@carillon/protocol/org-data';
import type { CreateRightsRequestBody, RightsRequestKind } from '@carillon/protocol/rights';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../../privacy/audit/audit-log';
import type { EditionRules } from '../../privacy/editions';
import type { OrganizationHolding } from '../../privacy/engines/data-engines';
import { overlaps } from '../../privacy/engines/table-walk';
import type { OrganizationRouting, RoutedPart } from '../../privacy/rights/organization-routing';
import { DAY_MS, deadlineDays, deadlineState } from '../../privacy/rights/request-states';
import type { ValueSealer } from '../../privacy/rights/request-view';
import type { RightsRequestRow } from '../../privacy/rights/rights.repository';
import type { OrgRightsRow } from './org-controller.repository';
import { membershipIn } from './org-access';
import { recordOrgAction } from './org-audit';
import type { OrgDataEngines } from './org-data.service';
import { authorize } from './organizations.policy';
import type { OrganizationsStore } from './organizations.store';

const noParents = () => undefined;

/** Why the open parts of a dissolved organization were never answered; the member reads it. */
export const DISSOLVED_REASON =
  'The organization was dissolved before answering, and the data it controlled was erased with it.';

/**
 * What of a request concerns an organization's data, and so goes to it:
 * access and copy cover all of it; a correction only its free text (profile
 * fields are the person's own); a deletion or restriction the tables whose
 * categories overlap the ones named (all of them for items described in words).
 */
function askedOf(body: CreateRightsRequestBody, holding: OrganizationHolding) {
  const touches = (categories: string[]) =>
    holding.tables.filter((t) => t.categories.some((c) => categories.some((k) => overlaps(c, k))));
  switch (body.kind) {
    case 'access':
    case 'copy':
      return { asked: {}, tables: holding.tables };
    case 'correct':
      return body.text ? { asked: { text: body.text }, tables: holding.tables } : undefined;
    case 'delete': {
      const tables = body.items ? holding.tables : touches(body.categories ?? []);
      const asked = { categories: body.categories, items: body.items };
      return tables.length ? { asked, tables } : undefined;
    }
    case 'restrict': {
      const tables = touches([body.category]);
      return tables.length
        ? { asked: { category: body.category, lift: body.lift }, tables }
        : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The data-rights requests members make about data their organization
 * controls (ORG-4, DingTalk policy II(III)): routed to the organization's
 * main administrator, who fulfils or refuses each with a reason the member
 * reads on their request. Parts are found from the manifests, not per feature.
 */
export class OrgRightsService implements OrganizationRouting {
  constructor(
    private readonly store: OrganizationsStore,
    private readonly engines: OrgDataEngines,
    private readonly vault: ValueSealer,
    private readonly audit: AuditLog,
    /** Routed parts get the deadline personal requests have (PRIV-5). */
    private readonly edition: EditionRules,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async route(row: RightsRequestRow, body: CreateRightsRequestBody): Promise<string[]> {
    const userId = row.user_id!;
    const names: string[] = [];
    for (const holding of await this.engines.organizationHoldings(userId)) {
      const part = askedOf(body, holding);
      const organization = await this.store.organizations.find(holding.organizationId);
      if (!part || !organization) continue;
      const now = this.clock.now();
      await this.store.controller.insertRights({
        id: this.ids.next(),
        request_id: row.id,
        organization_id: organization.id,
        user_id: userId,
        kind: body.kind,
        details: await this.vault.encrypt(userId, JSON.stringify(part.asked)),
        tables: JSON.stringify(part.tables.map((t) => t.table)),
        status: 'open',
        answer: null,
        refusal_reason: null,
        created_at: now,
        // Counted from routing, when the organization learns of it, by the edition's rule.
        deadline_at: now + deadlineDays(body.kind, this.edition) * DAY_MS,
        answered_at: null,
        reminded: null,
      });
      await recordOrgAction(this.audit, {
        actor: { kind: 'system' },
        action: 'organization.rights_request_routed',
        organizationId: organization.id,
        subjectId: userId,
        detail: { requestId: row.id, kind: body.kind },
      });
      names.push(organization.name);
    }
    return names;
  }

  /** The parts at organizations that exist, and those kept from organizations since dissolved. */
  async partsOf(requestId: string): Promise<RoutedPart[]> {
    const now = this.clock.now();
    const live = await this.store.controller.rightsOfRequest(requestId);
    const dissolved = await this.store.controller.dissolvedPartsOf(requestId);
    const seen = new Set(live.map((r) => r.id));
    const parts = [...live, ...dissolved.filter((r) => !seen.has(r.id))];
    return parts
      .map((r) => ({
        organizationId: r.organization_id,
        organizationName: r.organization_name,
        status: r.status as RoutedPart['status'],
        answer: r.answer,
        refusalReason: r.refusal_reason,
        answeredAt: r.answered_at,
        ...deadlineState(r.deadline_at, r.answered_at, now),
      }))
      .sort((a, b) => a.organizationId.localeCompare(b.organizationId));
  }

  /**
   * Before a dissolved organization's data goes (ORG-8): its open parts are
   * refused with `DISSOLVED_REASON`, and every part is kept in its
   * requester's record, so none vanishes from their request. Answers the
   * requesters whose parts were still open, to be told.
   */
  async closeOnDissolution(organizationId: string, organizationName: string): Promise<string[]> {
    const requesters = await this.store.controller.closeForDissolution(
      organizationId,
      organizationName,
      DISSOLVED_REASON,
      this.clock.now(),
    );
    for (const subjectId of requesters)
      await recordOrgAction(this.audit, {
        actor: { kind: 'system' },
        action: 'organization.rights_request_answered',
        organizationId,
        subjectId,
        detail: { status: 'refused', reason: 'organization_dissolved' },
      });
    return requesters;
  }

  /** The organization's queue (open first, overdue first); each requester shown is an audit entry. */
  async list(userId: string, organizationId: string): Promise<OrgRightsRequest[]> {
    await this.requireController(userId, organizationId);
    const rows = await this.store.controller.rightsQueue(organizationId);
    const shown = await Promise.all(rows.map((r) => this.present(r)));
    for (const subjectId of new Set(rows.flatMap((r) => r.user_id ?? [])))
      await recordOrgAction(this.audit, {
        actor: { kind: 'user', id: userId },
        action: 'organization.rights_requests_read',
        organizationId,
        subjectId,
      });
    return shown;
  }

  /** Closes an open part as done, with an optional note for the member. */
  async fulfil(userId: string, organizationId: string, id: string, note?: string) {
    return this.answer(userId, organizationId, id, {
      status: 'fulfilled',
      // Without a note the status says it all, in the member's language.
      answer: note ?? null,
      refusal_reason: null,
    });
  }

  /** Refuses an open part; the member reads the reason. */
  async refuse(userId: string, organizationId: string, id: string, reason: string) {
    return this.answer(userId, organizationId, id, {
      status: 'refused',
      answer: null,
      refusal_reason: reason,
    });
  }

  private async answer(
    userId: string,
    organizationId: string,
    id: string,
    changes: Pick<OrgRightsRow, 'status' | 'answer' | 'refusal_reason'>,
  ): Promise<OrgRightsRequest> {
    await this.requireController(userId, organizationId);
    const row = await this.store.controller.findRights(organizationId, id);
    if (!row) throw notFound('Request');
    const answeredAt = this.clock.now();
    if (!(await this.store.controller.answerRights(id, { ...changes, answered_at: answeredAt })))
      throw new AppError('conflict', 'This request was already answered.', { status: row.status });
    await recordOrgAction(this.audit, {
      actor: { kind: 'user', id: userId },
      action: 'organization.rights_request_answered',
      organizationId,
      subjectId: row.user_id ?? undefined,
      detail: { requestId: row.request_id, status: changes.status },
    });
    return this.present({ ...row, ...changes, answered_at: answeredAt });
  }

  private async requireController(userId: string, organizationId: string) {
    const { actor } = await membershipIn(this.store, organizationId, userId);
    authorize(actor, { kind: 'control_data' }, noParents);
  }

  private async present(row: OrgRightsRow): Promise<OrgRightsRequest> {
    const json =
      row.user_id && row.details ? await this.vault.decrypt(row.user_id, row.details) : undefined;
    const member = row.user_id
      ? await this.store.organizations.findMember(row.organization_id, row.user_id)
      : undefined;
    return {
      id: row.id,
      requestId: row.request_id,
      organizationId: row.organization_id,
      userId: row.user_id,
      memberName: member?.name ?? null,
      kind: row.kind as RightsRequestKind,
      asked: json ? (JSON.parse(json) as Record<string, unknown>) : {},
      tables: JSON.parse(row.tables) as string[],
      status: row.status as OrgRightsRequest['status'],
      answer: row.answer,
      refusalReason: row.refusal_reason,
      createdAt: row.created_at,
      answeredAt: row.answered_at,
      ...deadlineState(row.deadline_at, row.answered_at, this.clock.now()),
    };
  }
}
