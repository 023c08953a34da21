import { z } from 'zod';
import { ADMINISTRATIVE_LEVELS, ORGANISATION_KINDS, UNIT_CODE } from './model.ts';
import { calendarDate } from '../../platform/http/dates.ts';

export const isoDate = calendarDate;
export const idParam = z.object({ id: z.uuid() });

export const organisationSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  path: z.string(),
  depth: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(ORGANISATION_KINDS),
  level: z.enum(ADMINISTRATIVE_LEVELS),
  adminCode: z.string().nullable(),
  agencyCode: z.string().nullable(),
  code: z.string().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  successorId: z.uuid().nullable(),
  standingAgencyId: z.uuid().nullable(),
  /** changes with every edit, merge or split: a merge or split names the version it read */
  version: z.number().int(),
});

const ref = z.object({ id: z.uuid(), name: z.string() });

export const organisationDetailSchema = organisationSchema.extend({
  parent: ref.nullable(),
  successor: ref.nullable(),
  currentSuccessor: ref.nullable(),
  predecessors: z.array(ref.extend({ validTo: isoDate.nullable() })),
  standingAgency: ref.nullable(),
});

const name = z.string().trim().min(2).max(300);
const adminCode = z.string().regex(/^\d{2}(\d{3})?$/).nullable().optional();
const agencyCode = z.string().regex(/^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$/).nullable().optional();
/** The unit code (mã đơn vị) record import files name the unit by: unique in the tenant, kept as typed. */
const unitCode = z.string().trim().regex(UNIT_CODE).nullable().optional();

export const createOrganisationBody = z.object({
  parentId: z.uuid(),
  name,
  shortName: z.string().trim().max(100).nullable().optional(),
  kind: z.enum(ORGANISATION_KINDS),
  level: z.enum(ADMINISTRATIVE_LEVELS),
  adminCode,
  agencyCode,
  code: unitCode,
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  successorId: z.uuid().nullable().optional(),
  standingAgencyId: z.uuid().nullable().optional(),
}).strict();

export const updateOrganisationBody = createOrganisationBody.partial()
  .extend({ version: z.number().int().min(0).optional() }).strict();

export const treeQuery = z.object({
  asOf: isoDate.optional(),
  includeEnded: z.enum(['true', 'false']).optional(),
});
export const dateQuery = z.object({ asOf: isoDate.optional() });
export const yearQuery = z.object({ year: z.coerce.number().int().min(1945).max(2100).optional() });

export const memberSchema = z.object({
  employmentId: z.uuid(), personId: z.uuid(), fullName: z.string(), position: z.string(), isLeader: z.boolean(),
  startDate: isoDate, endDate: isoDate.nullable(),
});

export const councilSchema = z.object({
  council: z.object({
    id: z.uuid(), name: z.string(), establishedBy: z.string(), validFrom: isoDate,
    members: z.array(z.object({
      personId: z.uuid(), fullName: z.string(),
      role: z.enum(['chair', 'vice_chair', 'standing_member', 'member', 'secretary']), title: z.string(),
    })),
  }).nullable(),
});

export const clusterSchema = z.object({
  id: z.uuid(), kind: z.enum(['cluster', 'block']), name: z.string(), year: z.number().int(),
  role: z.enum(['organiser', 'head', 'deputy', 'member']),
  members: z.array(z.object({ organisationId: z.uuid(), name: z.string(), role: z.enum(['head', 'deputy', 'member']) })),
  follower: z.object({ personId: z.uuid(), fullName: z.string() }).nullable(),
});
