export { notificationRoutes } from './routes.ts';
export { actorsFor, notify, receiversAt, unreadCount } from './store.ts';
