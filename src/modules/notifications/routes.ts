import { z } from 'zod';
import { actorOf, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { markRead, notificationsOf, unreadCount } from './store.ts';

const tags = ['notifications'];

/** The signed-in user's own notifications: nobody reads another's. */
export async function notificationRoutes(app: ZodApp, deps: AppDeps) {
  const { db } = deps;
  app.get('/notifications', {
    schema: {
      tags, summary: 'My notifications, newest first, and how many are unread',
      response: { 200: z.object({
        unread: z.number(),
        items: z.array(z.object({
          id: z.uuid(), topic: z.string(), entityType: z.string(), entityId: z.uuid().nullable(),
          params: z.record(z.string(), z.union([z.string(), z.number()])), createdAt: z.string(), read: z.boolean(),
        })),
      }) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const [rows, unread] = await Promise.all([notificationsOf(db, actor.tenantId, actor.userId), unreadCount(db, actor.tenantId, actor.userId)]);
    return {
      unread,
      items: rows.map((n) => ({
        id: n.id, topic: n.topic, entityType: n.entity_type, entityId: n.entity_id,
        params: n.params as Record<string, string | number>, createdAt: n.created_at.toISOString(), read: n.read_at !== null,
      })),
    };
  });

  app.post('/notifications/read', {
    schema: {
      tags, summary: 'Mark my notifications read: the ones listed, or all',
      body: z.object({ ids: z.array(z.uuid()).max(500).optional(), all: z.boolean().optional() }).strict(),
      response: { 200: z.object({ marked: z.number() }) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return { marked: await markRead(db, actor.tenantId, actor.userId, request.body.all ? 'all' : request.body.ids ?? [], deps.clock.now()) };
  });
}
