export { calendarRoutes } from './routes.ts';
export { loadTenantCalendar } from './service.ts';
export { tenantCalendar, isDayOff } from './model.ts';
