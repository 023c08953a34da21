export { dashboardRoutes } from './routes.ts';
export { remindDeadlines, startDeadlineReminders, REMINDER_QUEUE, type ReminderSchedule } from './reminders.ts';
