export { notificationRoutes } from './routes.ts';
export { actorsFor, holdersAt, notify, receiversAt, unreadCount } from './store.ts';
export { startMailDelivery, type MailDelivery } from './mail.ts';
