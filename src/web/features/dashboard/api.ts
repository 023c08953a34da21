import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export type DueKind = 'launch' | 'response_plan' | 'registration' | 'periodic_report' | 'mid_term_review' | 'final_review' | 'nomination' | 'nomination_window';
export type DueStatus = 'done' | 'done_late' | 'due' | 'overdue';
/** how far a deadline is (server: dashboard/model.ts dueTiming) */
export type DueTiming = 'past' | 'soon' | 'later';
export interface Punctuality { onTime: number; late: number; missing: number; pending: number }
/** reason: why the batch is where it is (a return's reason), '' when none */
export interface WaitingBatch { id: string; title: string; status: string; organisationName: string; reason: string }

/** GET /api/dashboard (src/modules/dashboard/routes.ts). */
export interface Dashboard {
  today: string;
  year: number;
  units: { id: string; name: string }[];
  due: {
    unit: { id: string; name: string }; movement: { id: string; name: string; issuerName: string }; kind: DueKind; title: string;
    startsOn: string | null; dueOn: string; workingDaysLeft: number; timing: DueTiming; status: DueStatus; known: boolean; doneAt: string | null;
  }[];
  waiting: {
    approvals: { total: number; items: WaitingBatch[] };
    appraisals: { total: number; items: WaitingBatch[] };
    returned: { total: number; items: WaitingBatch[] };
    assigned: { total: number; items: WaitingBatch[] };
    reviews: { total: number; items: WaitingBatch[] };
    signatures: { total: number; items: { id: string; number: string; reason: string; awardFormName: string; authorityName: string }[] };
    meetings: { meetingId: string; councilName: string; meetingDate: string; status: 'planned' | 'voting' }[];
    ballots: { meetingId: string; councilName: string; meetingDate: string; openItems: number }[];
    moderation: { consultationId: string; title: string; pending: number }[];
    reports: { phaseId: string; organisationId: string; organisationName: string; phaseTitle: string; movementName: string; dueOn: string | null; submitted: number }[];
    unreadNotifications: number;
  };
  punctuality: { unit: { id: string; name: string }; parentId: string; responsePlans: Punctuality; registrations: Punctuality }[];
  awards: {
    total: number; titles: number; awards: number; amount: number;
    byForm: { code: string; name: string; category: 'title' | 'award'; count: number; amount: number }[];
  };
}

export const useDashboard = () => useQuery({ queryKey: ['dashboard'], queryFn: () => api.get<Dashboard>('/api/dashboard'), staleTime: 30_000 });
