import { z } from 'zod';
import { commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { ADMINISTRATIVE_LEVELS, ORGANISATION_KINDS } from './model.ts';
import { isoDate } from './schemas.ts';
import { mergeUnits, splitUnit, type ReorganisationHooks } from './reorganise.ts';

const tags = ['organisations'];
const unitVersion = z.object({ id: z.uuid(), version: z.number().int().min(0) }).strict();
const shareNote = z.string().trim().max(300).optional();
const newUnit = z.object({
  parentId: z.uuid(),
  name: z.string().trim().min(2).max(300),
  shortName: z.string().trim().max(100).nullable().optional(),
  kind: z.enum(ORGANISATION_KINDS),
  level: z.enum(ADMINISTRATIVE_LEVELS),
  code: z.string().trim().min(1).max(30).regex(/^[0-9A-Za-z._-]+$/).nullable().optional(),
}).strict();
const successor = z.union([
  unitVersion.extend({ shareNote }).strict(),
  z.object({ create: newUnit, shareNote }).strict(),
]);

const mergeBody = z.object({
  onDate: isoDate.describe('the day the successor takes over; the merged units end the day before'),
  units: z.array(unitVersion).min(1).max(50),
  successor,
  grants: z.enum(['move', 'end']).default('move').describe('role grants at the merged units: move to the successor, or end'),
}).strict();

const splitBody = z.object({
  onDate: isoDate.describe('the day the successors take over; the unit ends the day before'),
  unit: unitVersion,
  successors: z.array(successor).min(2).max(50),
  employments: z.array(z.object({ employmentId: z.uuid(), successor: z.number().int().min(0) }).strict()).max(5000).default([])
    .describe('employments in force at the unit, each placed at a successor (its position in successors); the others stay for later'),
  grantsTo: z.number().int().min(0).nullable().default(null).describe('the successor (position) the role grants move to; null ends them'),
}).strict();

const result = z.object({
  predecessors: z.array(z.object({ id: z.uuid(), name: z.string(), validTo: isoDate })),
  successors: z.array(z.object({ id: z.uuid(), name: z.string(), created: z.boolean() })),
  employmentsMoved: z.number().int(), employmentsLeft: z.number().int(), residencesMoved: z.number().int(), householdsMoved: z.number().int(),
  grantsMoved: z.number().int(), grantsEnded: z.number().int(),
});

/** Merging units into one and splitting one among several; people and accounts act through the hooks. */
export async function reorganisationRoutes(app: ZodApp, deps: AppDeps, hooks: ReorganisationHooks) {
  app.post('/organisations/merge', {
    schema: { tags, summary: 'Merge units into one (new or existing) on a date: they end the day before, their people and role grants move',
      description: '422 with a reorganisation.* code names what is wrong (unknown unit, date before a unit started, merging into a descendant…); 409 reorganisation.stale when a unit changed since it was read (its version).',
      body: mergeBody, response: { 200: result } },
  }, async (request) => mergeUnits(commandContext(request, deps), hooks, request.body));

  app.post('/organisations/split', {
    schema: { tags, summary: 'Split a unit among several successors on a date: it ends the day before, the employments placed move',
      description: '422 with a reorganisation.* code names what is wrong; 409 reorganisation.stale when a unit changed since it was read (its version).',
      body: splitBody, response: { 200: result } },
  }, async (request) => splitUnit(commandContext(request, deps), hooks, request.body));
}
