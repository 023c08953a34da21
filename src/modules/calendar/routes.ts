import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { hasPermissionSomewhere } from '../../platform/auth/policy.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { noContent } from '../../platform/http/responses.ts';
import { isoDate } from '../organisations/index.ts';
import { deleteOwnDay, deleteSharedDay, presentYear, setOwnDay, setSharedDay } from './service.ts';

const tags = ['calendar'];
const day = z.object({ date: isoDate, off: z.boolean(), name: z.string().optional(), version: z.number().int() });
const dayBody = z.object({
  off: z.boolean(), name: z.string().trim().min(1).max(200),
  // set by date (create or replace): the version of the day the form showed, none for a day not set yet; a stale one answers 409 edit.stale
  version: z.number().int().min(1).optional(),
}).strict();
const dateParams = z.object({ date: isoDate });

export async function calendarRoutes(app: ZodApp, deps: AppDeps) {
  const { db, clock } = deps;

  app.get('/calendar/holidays', {
    schema: { tags, summary: 'The working calendar of a year: computed holidays, the shared decisions, this organisation\'s own days, and the days off that result',
      querystring: z.object({ year: z.coerce.number().int().min(1900).max(2199).optional() }),
      response: { 200: z.object({
        year: z.number().int(), defaults: z.array(z.object({ date: isoDate, name: z.string() })), shared: z.array(day), own: z.array(day),
        offWeekdays: z.array(isoDate), workedWeekends: z.array(isoDate), canManageOwn: z.boolean(), canManageShared: z.boolean(),
      }) } },
  }, async (request) => {
    const actor = actorOf(request);
    const year = request.query.year ?? Number(todayInVietnam(clock.now()).slice(0, 4));
    return {
      ...(await presentYear(db, actor.tenantId, year)),
      canManageOwn: hasPermissionSomewhere(actor, 'holiday.manage'), canManageShared: actor.platformOperator === true,
    };
  });

  app.put('/calendar/days/:date', {
    schema: { tags, summary: 'Mark a day off or worked for this organisation only, e.g. a province\'s decision on nghỉ bù (system administrators)',
      params: dateParams, body: dayBody, response: noContent },
  }, async (request, reply) => {
    await setOwnDay(commandContext(request, deps), request.params.date, request.body);
    return reply.status(204).send();
  });

  app.delete('/calendar/days/:date', {
    schema: { tags, summary: 'Remove this organisation\'s own mark on a day (system administrators)', params: dateParams, response: noContent },
  }, async (request, reply) => {
    await deleteOwnDay(commandContext(request, deps), request.params.date);
    return reply.status(204).send();
  });

  app.put('/platform/holidays/:date', {
    schema: { tags: ['platform'], summary: 'Mark a day off or worked for every organisation: the Government\'s yearly schedule (platform operator)',
      params: dateParams, body: dayBody, response: noContent },
  }, async (request, reply) => {
    await setSharedDay(commandContext(request, deps), request.params.date, request.body);
    return reply.status(204).send();
  });

  app.delete('/platform/holidays/:date', {
    schema: { tags: ['platform'], summary: 'Remove a shared decision on a day (platform operator)', params: dateParams, response: noContent },
  }, async (request, reply) => {
    await deleteSharedDay(commandContext(request, deps), request.params.date);
    return reply.status(204).send();
  });
}
