import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { ROLES, hasPermissionSomewhere } from '../../platform/auth/policy.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Role } from '../../platform/db/schema.ts';
import { createUser, grantRole, listManagedUsers, revokeRole, updateUser } from './service.ts';
import { noContent } from '../../platform/http/responses.ts';

const tags = ['administration'];
const role = z.enum(ROLES as [Role, ...Role[]]);
const grantSchema = z.object({ id: z.uuid(), role, organisationId: z.uuid(), organisationName: z.string() });
export const emailNotices = z.enum(['each', 'digest', 'none']);
const userSchema = z.object({
  id: z.uuid(), username: z.string(), displayName: z.string(), disabled: z.boolean(),
  email: z.string().nullable(), emailNotices, grants: z.array(grantSchema),
  /** send back with a change (optimistic concurrency) */
  version: z.number().int(),
});
// an address a mail server will take: trimmed, lower-cased, at most 254 characters (RFC 5321)
export const email = z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'user.email_format' }));
const userParams = z.object({ id: z.uuid() });
const password = z.string().min(1).max(200);

const createBody = z.object({
  username: z.string().trim().regex(/^[a-zA-Z0-9._-]{3,60}$/, { message: 'user.username_format' }),
  displayName: z.string().trim().min(2).max(150),
  password,
  personId: z.uuid().nullable().optional(),
  email: email.nullable().optional(),
  role,
  organisationId: z.uuid(),
}).strict();
const updateBody = z.object({
  displayName: z.string().trim().min(2).max(150), disabled: z.boolean(), password, email: email.nullable(), emailNotices,
  /** the version the form was filled from: a stale one answers 409 edit.stale */
  version: z.number().int().min(1),
}).partial().strict().refine((patch) => Object.keys(patch).some((k) => k !== 'version'), { message: 'validation.nothing_to_change' });
const grantBody = z.object({ role, organisationId: z.uuid() }).strict();

export async function userRoutes(app: ZodApp, deps: AppDeps) {
  app.get('/users', {
    schema: { tags, summary: 'Accounts holding a role in my subtree', querystring: z.object({ q: z.string().max(100).optional() }),
      response: { 200: z.object({ items: z.array(userSchema) }) } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!hasPermissionSomewhere(actor, 'user.manage')) throw forbidden();
    return { items: await listManagedUsers(deps.db, actor, request.query.q) };
  });

  app.post('/users', {
    schema: { tags, summary: 'Create an account with its first role grant', body: createBody, response: { 201: userSchema } },
  }, async (request, reply) => reply.status(201).send(await createUser(commandContext(request, deps), request.body)));

  app.patch('/users/:id', {
    schema: { tags, summary: 'Rename, disable or reset the password of an account', params: userParams, body: updateBody,
      response: { 200: userSchema } },
  }, async (request) => updateUser(commandContext(request, deps), request.params.id, request.body));

  app.post('/users/:id/grants', {
    schema: { tags, summary: 'Grant a role at an organisation', params: userParams, body: grantBody, response: { 201: userSchema } },
  }, async (request, reply) => reply.status(201).send(
    await grantRole(commandContext(request, deps), request.params.id, request.body.role, request.body.organisationId)));

  app.delete('/users/:id/grants/:grantId', {
    schema: { tags, summary: 'Revoke a role grant', params: z.object({ id: z.uuid(), grantId: z.uuid() }), response: noContent },
  }, async (request, reply) => {
    await revokeRole(commandContext(request, deps), request.params.id, request.params.grantId);
    return reply.status(204).send();
  });
}
