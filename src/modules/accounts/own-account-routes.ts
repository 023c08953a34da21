import { z } from 'zod';
import { commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { changeOwnPassword, updateOwnMail } from './own-account.ts';
import { email, emailNotices } from './user-routes.ts';
import { noContent } from '../../platform/http/responses.ts';

const tags = ['auth'];
// a new address takes the current password: it is where password links go (a session left open must not be enough)
const mailBody = z.object({ email: email.nullable(), emailNotices, currentPassword: z.string().min(1).max(200) }).partial().strict();
const mailSchema = z.object({ email: z.string().nullable(), emailNotices });
const passwordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }).strict();

/** "My account": the signed-in person's own e-mail settings and password (GET /auth/me reads them). */
export async function ownAccountRoutes(app: ZodApp, deps: AppDeps) {
  app.patch('/auth/me', {
    schema: { tags, summary: 'Set my e-mail address and how I want notices by e-mail', body: mailBody, response: { 200: mailSchema } },
  }, async (request) => updateOwnMail(commandContext(request, deps), request.body));

  app.post('/auth/me/password', {
    // guessing the current password from an open session is limited like signing in
    config: { rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: 60_000 } },
    schema: { tags, summary: 'Change my password (the current one required); my other sessions end, this one stays', body: passwordBody, response: noContent },
  }, async (request, reply) => {
    await changeOwnPassword({ ...commandContext(request, deps), sessionTokenHash: request.sessionTokenHash! }, request.body);
    return reply.status(204).send();
  });
}
