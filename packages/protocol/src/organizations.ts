import { z } from 'zod';
import { Id, Timestamp } from './common';

/** Roles inside an organization: exactly one main administrator (ORG-2). */
export const OrganizationRole = z.enum(['main_admin', 'sub_admin', 'member']);
export type OrganizationRole = z.infer<typeof OrganizationRole>;

/** What a sub-administrator may manage. */
export const AdminPermission = z.enum(['members', 'departments']);
export type AdminPermission = z.infer<typeof AdminPermission>;

/** A sub-administrator's permissions, within one department's subtree or (null) everywhere. */
export const AdminScope = z.object({
  permissions: z.array(AdminPermission).min(1).max(2),
  departmentId: Id.nullable(),
});
export type AdminScope = z.infer<typeof AdminScope>;

export const StaffSize = z.enum(['1-20', '21-100', '101-500', '501-1000', '1000+']);

const name = z.string().trim().min(1).max(100);
const optionalText = z.string().trim().min(1).max(100).optional();

/** Create an organization; the creator becomes its main administrator (ORG-1). */
export const CreateOrganizationBody = z
  .object({ name, location: optionalText, industry: optionalText, staffSize: StaffSize.optional() })
  .strict();
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBody>;

/** An organization as its members see it, with the caller's own role. */
export const Organization = z.object({
  id: Id,
  name: z.string(),
  location: z.string().nullable(),
  industry: z.string().nullable(),
  staffSize: StaffSize.nullable(),
  certified: z.boolean(),
  certifiedAt: Timestamp.nullable(),
  memberCount: z.number().int(),
  myRole: OrganizationRole,
  createdAt: Timestamp,
});
export type Organization = z.infer<typeof Organization>;

export const OrganizationList = z.object({ organizations: z.array(Organization) });
export const OrganizationParams = z.object({ id: Id });

/**
 * Business details for certification. `documents` are ids of files the
 * submitting administrator uploaded (`POST /api/files`); the request keeps
 * its own reference to their content, so deleting the upload later does not
 * take a document away from the review.
 */
export const CertificationBody = z
  .object({
    legalName: z.string().trim().min(1).max(200),
    registrationNumber: z.string().trim().min(4).max(64),
    legalRepresentative: z.string().trim().min(1).max(80),
    documents: z
      .array(Id)
      .max(10)
      .refine((ids) => new Set(ids).size === ids.length, 'Attach each document once.')
      .default([]),
  })
  .strict();
export type CertificationBody = z.infer<typeof CertificationBody>;

export const CertificationStatus = z.enum(['pending', 'approved', 'rejected']);

/** A document of a certification request: the uploaded file's id, name, sniffed type and size. */
export const CertificationDocument = z.object({
  id: Id,
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
});
export type CertificationDocument = z.infer<typeof CertificationDocument>;

/** A certification request, as its organization's administrators and the operator see it. */
export const Certification = z.object({
  id: Id,
  organizationId: Id,
  organizationName: z.string(),
  status: CertificationStatus,
  legalName: z.string(),
  registrationNumber: z.string(),
  legalRepresentative: z.string(),
  /** The documents' file ids, in the order they were attached. */
  documents: z.array(z.string()),
  /** The same documents, described. */
  documentFiles: z.array(CertificationDocument),
  submittedAt: Timestamp,
  reviewedAt: Timestamp.nullable(),
  reason: z.string().nullable(),
});
export type Certification = z.infer<typeof Certification>;

export const CertificationList = z.object({ certifications: z.array(Certification) });
export const CertificationQuery = z.object({ status: CertificationStatus.default('pending') });
/** `/api/operator/organization-certifications/:id/documents/:fileId`. */
export const CertificationDocumentParams = z.object({ id: Id, fileId: Id });
export const RejectCertificationBody = z
  .object({ reason: z.string().trim().min(3).max(500) })
  .strict();

/** An invite link token or a short code; both expire (default 7 days). */
export const CreateOrgInviteBody = z
  .object({
    kind: z.enum(['link', 'code']),
    expiresInHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24 * 7),
  })
  .strict();
export const OrgInvite = z.object({
  kind: z.enum(['link', 'code']),
  token: z.string().optional(),
  code: z.string().optional(),
  expiresAt: Timestamp,
});

/** Invite by phone number; the answer is the same whether or not the number is registered. */
export const PhoneInviteBody = z.object({ phone: z.string().trim().min(3).max(32) }).strict();

/** Join with a link token or a short code. */
export const JoinOrganizationBody = z.union([
  z.object({ token: z.string().min(10).max(300) }).strict(),
  z
    .object({
      code: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{8}$/),
    })
    .strict(),
]);

/** A pending phone invitation addressed to the caller. */
export const PendingInvitation = z.object({
  id: Id,
  organizationId: Id,
  organizationName: z.string(),
  expiresAt: Timestamp,
});
export const PendingInvitationList = z.object({ invitations: z.array(PendingInvitation) });
export const InvitationParams = z.object({ invitationId: Id });

export const ApplyBody = z
  .object({ organizationId: Id, message: z.string().trim().max(200).optional() })
  .strict();
export const Application = z.object({
  id: Id,
  organizationId: Id,
  userId: Id,
  nickname: z.string(),
  message: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'declined']),
  createdAt: Timestamp,
});
export const ApplicationList = z.object({ applications: z.array(Application) });
export const ApplicationParams = z.object({ id: Id, applicationId: Id });

/**
 * A department; `parentId` null means directly under the organization.
 * `groupId` is its department group (conversation), when turned on.
 */
export const Department = z.object({
  id: Id,
  parentId: Id.nullable(),
  name: z.string(),
  managerId: Id.nullable(),
  memberCount: z.number().int(),
  groupId: Id.nullable(),
});
export type Department = z.infer<typeof Department>;
export const DepartmentList = z.object({ departments: z.array(Department) });
export const DepartmentParams = z.object({ id: Id, departmentId: Id });
export const CreateDepartmentBody = z
  .object({ name, parentId: Id.nullable().default(null) })
  .strict();
export const UpdateDepartmentBody = z
  .object({
    name: name.optional(),
    parentId: Id.nullable().optional(),
    managerId: Id.nullable().optional(),
  })
  .strict();
export const DeleteDepartmentQuery = z.object({ moveMembersTo: Id.optional() });

/**
 * Turns a department's group on (created with the department's members,
 * who then follow the department) or off (the group is dissolved).
 */
export const DepartmentGroupBody = z.object({ enabled: z.boolean() }).strict();

/** A member as the directory shows them; absent fields are not visible to the caller. */
export const OrgMember = z.object({
  userId: Id,
  name: z.string(),
  nickname: z.string(),
  role: OrganizationRole,
  position: z.string().nullable(),
  departmentIds: z.array(Id),
  officeEmail: z.string().nullable(),
  officePhone: z.string().nullable(),
  jobNumber: z.string().nullable().optional(),
  adminScope: AdminScope.nullable().optional(),
  joinedAt: Timestamp,
});
export type OrgMember = z.infer<typeof OrgMember>;
export const OrgMemberPage = z.object({
  members: z.array(OrgMember),
  nextOffset: z.number().int().nullable(),
});
export const MemberParams = z.object({ id: Id, userId: Id });

/** Browse a department or search the whole directory (name, nickname, position, office phone; pinyin). */
export const DirectoryQuery = z.object({
  departmentId: Id.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const optionalField = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

/** Organization-assigned details of a membership (organization-controlled data). */
export const UpdateMemberBody = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    position: optionalField(80),
    jobNumber: optionalField(40),
    officeEmail: z.email().max(254).nullable().optional(),
    officePhone: optionalField(32),
    departmentIds: z.array(Id).max(20).optional(),
  })
  .strict();
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

/** Make a member a sub-administrator (with a scope) or a plain member again. */
export const SetOrgRoleBody = z.union([
  z.object({ role: z.literal('sub_admin'), scope: AdminScope }).strict(),
  z.object({ role: z.literal('member') }).strict(),
]);
export const TransferMainAdminBody = z.object({ userId: Id }).strict();
