import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { isoDate } from '../organisations/index.ts';
import { certificatePdf, revokeAward, verifyCode } from './service.ts';
import { fileResponse } from '../../platform/http/responses.ts';

const tags = ['certificates'];
const params = z.object({ id: z.uuid() });
const text = (max: number) => z.string().trim().max(max);

const revocationBody = z.object({
  decisionNumber: text(100).min(1), decidedOn: isoDate, decidedBy: text(300).min(1), reason: text(2000).min(3),
}).strict();
const revocationSchema = z.object({
  id: z.uuid(), awardId: z.uuid(), decisionNumber: z.string(), decidedOn: isoDate, decidedBy: z.string(), reason: z.string(),
  /** đồng to recover: the amount recorded on the award, else computed from the catalogue; null when unknown */
  amountToRecover: z.number().int().nullable(), amountSource: z.enum(['recorded', 'computed']).nullable(),
});

/** Exactly what a printed certificate shows: no ids, no birth dates, nothing of the record behind it. */
const verificationSchema = z.object({
  status: z.enum(['valid', 'revoked', 'not_found']),
  award: z.object({
    recipientName: z.string(), unitName: z.string(), awardFormName: z.string(), year: z.number().int(),
    decisionNumber: z.string(), decidedOn: isoDate.nullable(), decidedBy: z.string(),
    revokedOn: isoDate.optional(), revocationNumber: z.string().optional(),
  }).strict().optional(),
});

export async function certificateRoutes(app: ZodApp, deps: AppDeps) {
  const { db, config } = deps;

  app.get('/awards/:id/certificate.pdf', {
    schema: { tags, summary: 'The printable certificate (Bằng khen, Giấy khen, title certificate) with its verification QR code', params,
      produces: ['application/pdf'], response: fileResponse('application/pdf') },
  }, async (request, reply) => {
    const { file, name } = await certificatePdf(db, actorOf(request), request.params.id, config.publicBaseUrl);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).send(file);
  });

  app.post('/awards/:id/revocation', {
    schema: { tags, summary: 'Revoke (thu hồi) an award by a later decision; records the money to recover', params, body: revocationBody,
      response: { 201: revocationSchema } },
  }, async (request, reply) => reply.status(201).send(await revokeAward(commandContext(request, deps), request.params.id, request.body)));

  // Public: anyone holding the paper may check it. Malformed, forged and unknown codes all answer
  // 200 { status: 'not_found' } — the page says "không tìm thấy" and a guesser learns nothing more.
  app.get('/public/verify/:code', {
    config: { public: true, rateLimit: { max: config.verifyRatePerMinute, timeWindow: 60_000 } },
    schema: { tags, summary: 'Check a printed certificate by its verification code (no sign-in)', security: [],
      params: z.object({ code: z.string().max(200) }), response: { 200: verificationSchema } },
  }, async (request) => verifyCode(db, request.params.code));
}
