import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { isoDate } from '../organisations/index.ts';
import { DISCIPLINE_FORMS, INITIATIVE_LEVELS, RATINGS } from '../rules/index.ts';
import { AWARD_BASES, RECORD_KINDS, type SubjectKind } from './model.ts';
import type { Subject } from './store.ts';
import { hasCertificate } from '../awards/index.ts';
import { addAward, addDiscipline, addInitiative, readRecord, removeRecord, setRating } from './service.ts';
import { noContent } from '../../platform/http/responses.ts';

const tags = ['records'];
const year = z.number().int().min(1975).max(2100);
const text = (max: number) => z.string().trim().max(max);

const sourceSchema = z.object({ number: z.string(), date: isoDate.nullable(), issuer: z.string() });
const sourceBody = z.object({ number: text(100).optional(), date: isoDate.nullable().optional(), issuer: text(300).optional() }).strict();

const recordSchema = z.object({
  subject: z.object({ kind: z.enum(['person', 'collective']), id: z.uuid(), name: z.string() }),
  ratings: z.array(z.object({ id: z.uuid(), year: z.number().int(), rating: z.enum(RATINGS), source: sourceSchema })),
  awards: z.array(z.object({
    id: z.uuid(), awardForm: z.string(), awardFormName: z.string(), category: z.enum(['title', 'award']), level: z.string(),
    year: z.number().int(), basis: z.enum(AWARD_BASES), reason: z.string(), movementId: z.uuid().nullable(),
    decisionNumber: z.string(), decidedOn: isoDate.nullable(), decidedBy: z.string(), revokedOn: isoDate.nullable(),
    revocationNumber: z.string().nullable(),
    /** printed on the certificate; null: the award cannot be checked publicly */
    verificationCode: z.string().nullable(),
    /** a certificate can be printed for it (its form has one, it has a code, it is not revoked) */
    printable: z.boolean(),
    /** what keeps it from being deleted: the decision that wrote it, or its revocation; null: entered by hand, may be deleted */
    heldBy: z.enum(['decision', 'revocation']).nullable(),
  })),
  initiatives: z.array(z.object({
    id: z.uuid(), kind: z.enum(['initiative', 'scientific_work']), title: z.string(), level: z.enum(INITIATIVE_LEVELS),
    year: z.number().int(), recognisedOn: isoDate.nullable(), effect: z.string(), source: sourceSchema,
  })),
  disciplines: z.array(z.object({
    id: z.uuid(), form: z.enum(DISCIPLINE_FORMS), startsOn: isoDate, endsOn: isoDate.nullable(), reason: z.string(), source: sourceSchema,
  })),
});
type RecordResponse = z.infer<typeof recordSchema>;

/** Exactly one of personId / organisationId: a person's record, or a collective's. */
const subjectBody = { personId: z.uuid().optional(), organisationId: z.uuid().optional() };
const oneSubject = (b: { personId?: string | undefined; organisationId?: string | undefined }) => (b.personId === undefined) !== (b.organisationId === undefined);
const subjectOf = (b: { personId?: string | undefined; organisationId?: string | undefined }): Subject =>
  b.personId ? { kind: 'person', id: b.personId } : { kind: 'collective', id: b.organisationId! };
const subjectRefine = { message: 'record.one_subject', path: ['personId'] };

const ratingBody = z.object({ ...subjectBody, year, rating: z.enum(RATINGS), source: sourceBody.optional() }).strict().refine(oneSubject, subjectRefine);
const awardBody = z.object({
  ...subjectBody, awardForm: z.string().min(1).max(100), year, basis: z.enum(AWARD_BASES).default('merit'),
  reason: text(2000).optional(), movementId: z.uuid().nullable().optional(), decisionNumber: text(100).min(1),
  decidedOn: isoDate.nullable().optional(), decidedBy: text(300).optional(),
}).strict().refine(oneSubject, subjectRefine);
const initiativeBody = z.object({
  ...subjectBody, kind: z.enum(['initiative', 'scientific_work']).default('initiative'), title: text(1000).min(3),
  level: z.enum(INITIATIVE_LEVELS), year, recognisedOn: isoDate.nullable().optional(), effect: text(4000).optional(),
  source: sourceBody.optional(),
}).strict().refine(oneSubject, subjectRefine);
const disciplineBody = z.object({
  ...subjectBody, form: z.enum(DISCIPLINE_FORMS), startsOn: isoDate, endsOn: isoDate.nullable().optional(),
  reason: text(2000).optional(), source: sourceBody.optional(),
}).strict().refine(oneSubject, subjectRefine);

const created = z.object({ id: z.uuid() });

export async function recordRoutes(app: ZodApp, deps: AppDeps) {
  const { db } = deps;

  async function present(request: Parameters<typeof actorOf>[0], kind: SubjectKind, id: string): Promise<RecordResponse> {
    const { subject, record, holds } = await readRecord(db, actorOf(request), { kind, id });
    const source = (r: { source_number: string; source_date: string | null; source_issuer: string }) =>
      ({ number: r.source_number, date: r.source_date, issuer: r.source_issuer });
    return {
      subject: { kind: subject.kind, id: subject.id, name: subject.name },
      ratings: record.ratings.map((r) => ({ id: r.id, year: r.year, rating: r.rating, source: source(r) })),
      awards: record.awards.map((a) => ({
        id: a.id, awardForm: a.award_form, awardFormName: a.award_form_name, category: a.category, level: a.level, year: a.year,
        basis: a.basis, reason: a.reason, movementId: a.movement_id, decisionNumber: a.decision_number, decidedOn: a.decided_on,
        decidedBy: a.decided_by, revokedOn: a.revoked_on, revocationNumber: a.revocation_number, verificationCode: a.verification_code,
        printable: hasCertificate(a.award_form) && a.verification_code !== null && a.revoked_on === null,
        heldBy: holds.get(a.id) ?? null,
      })),
      initiatives: record.initiatives.map((i) => ({
        id: i.id, kind: i.kind, title: i.title, level: i.level, year: i.year, recognisedOn: i.recognised_on, effect: i.effect, source: source(i),
      })),
      disciplines: record.disciplines.map((d) => ({
        id: d.id, form: d.form, startsOn: d.starts_on, endsOn: d.ends_on, reason: d.reason, source: source(d),
      })),
    };
  }

  const params = z.object({ id: z.uuid() });
  app.get('/people/:id/record', {
    schema: { tags, summary: 'A person\'s record: ratings, titles and awards, initiatives, discipline', params, response: { 200: recordSchema } },
  }, async (request) => present(request, 'person', request.params.id));

  app.get('/organisations/:id/record', {
    schema: { tags, summary: 'A collective\'s record: ratings, titles and awards, initiatives, discipline', params, response: { 200: recordSchema } },
  }, async (request) => present(request, 'collective', request.params.id));

  app.post('/records/ratings', {
    schema: { tags, summary: 'Enter (or correct) the annual rating of a person or collective for a year', body: ratingBody, response: { 201: created } },
  }, async (request, reply) => {
    const { year: y, rating, source } = request.body;
    const id = await setRating(commandContext(request, deps), subjectOf(request.body), { year: y, rating, ...(source && { source }) });
    return reply.status(201).send({ id });
  });

  app.post('/records/awards', {
    schema: { tags, summary: 'Record a title or award received (with its decision)', body: awardBody, response: { 201: created } },
  }, async (request, reply) => reply.status(201).send({ id: await addAward(commandContext(request, deps), subjectOf(request.body), request.body) }));

  app.post('/records/initiatives', {
    schema: { tags, summary: 'Record an initiative or scientific work and the level that recognised it', body: initiativeBody, response: { 201: created } },
  }, async (request, reply) => {
    const { source, ...input } = request.body;
    return reply.status(201).send({ id: await addInitiative(commandContext(request, deps), subjectOf(request.body), { ...input, ...(source && { source }) }) });
  });

  app.post('/records/disciplines', {
    schema: { tags, summary: 'Record a disciplinary measure and its period', body: disciplineBody, response: { 201: created } },
  }, async (request, reply) => {
    const { source, ...input } = request.body;
    return reply.status(201).send({ id: await addDiscipline(commandContext(request, deps), subjectOf(request.body), { ...input, ...(source && { source }) }) });
  });

  app.delete('/records/:kind/:id', {
    schema: { tags, summary: 'Remove a record entered by mistake (the audit log keeps it)', params: z.object({ kind: z.enum(RECORD_KINDS), id: z.uuid() }), response: noContent },
  }, async (request, reply) => {
    await removeRecord(commandContext(request, deps), request.params.kind, request.params.id);
    return reply.status(204).send();
  });
}
