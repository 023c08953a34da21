import { formatDate } from '../../app/format.ts';
import { viNominations } from './messages.ts';
import type { NominationsT } from './text.ts';
import type { Notification } from './types.ts';

/** What the bell says of a notification and where it leads (the server sends a topic, an entity and parameters). */
type Topic = keyof typeof viNominations.notifications.topics;
const TOPICS = new Set(Object.keys(viNominations.notifications.topics));

export function notificationText(t: NominationsT, n: Notification): string {
  const topic: Topic = TOPICS.has(n.topic) ? (n.topic as Topic) : 'other';
  // calendar dates come as 'YYYY-MM-DD' and are read as dd/mm/yyyy
  const params = Object.fromEntries(Object.entries(n.params).map(([k, v]) => [k, k === 'date' ? formatDate(String(v)) : v]));
  return t(`notifications.topics.${topic}`, params);
}

/** Where a notification leads: the thing it is about, as the person notified can open it. */
export function notificationTarget(n: Notification): { to: string; params?: Record<string, string> } | null {
  const id = n.entityId;
  const param = (k: string) => (typeof n.params[k] === 'string' ? (n.params[k] as string) : null);
  switch (n.entityType) {
    case 'nomination_batch': return id ? { to: '/de-nghi/$batchId', params: { batchId: id } } : null;
    // a member votes on the ballot page; the standing officer reads the result on the meeting's
    case 'council_meeting':
      return n.topic === 'council_voting_open' ? { to: '/hoi-dong/bo-phieu' } : id ? { to: '/hoi-dong/phien-hop/$meetingId', params: { meetingId: id } } : null;
    // the units told of a decision may not read the decision itself: their new awards are in the archive
    case 'award_decision': return { to: '/tra-cuu-khen-thuong' };
    case 'consultation': return id ? { to: '/lay-y-kien/$consultationId', params: { consultationId: id } } : null;
    case 'unit_report': {
      const phaseId = param('phaseId');
      const organisationId = param('organisationId');
      return phaseId && organisationId ? { to: '/bao-cao/$phaseId/$organisationId', params: { phaseId, organisationId } } : null;
    }
    default: return null;
  }
}

