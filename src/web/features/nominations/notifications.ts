import { noticeTarget, noticeText, type NoticeLocale, type NoticeTarget } from '../../../shared/notices.ts';
import type { Notification } from './types.ts';

/** What the bell says of a notification: the same words as the e-mail (src/shared/notices.ts). */
export function notificationText(lang: NoticeLocale, n: Notification): string {
  return noticeText(lang, n);
}

/** Where a notification leads: the thing it is about, as the person notified can open it. */
export function notificationTarget(n: Notification): NoticeTarget | null {
  return noticeTarget(n);
}
