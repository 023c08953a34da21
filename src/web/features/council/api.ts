import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { versionShown } from '../../app/versions.ts';

export type MeetingStatus = 'planned' | 'voting' | 'closed';
export type Outcome = 'pending' | 'passed' | 'failed' | 'deferred';
export type Choice = 'yes' | 'no' | 'abstain';
export type BallotState = 'open' | 'voted' | 'recused' | 'absent' | 'deferred';

export interface CandidateView {
  candidateId: string; batchId: string; name: string; position: string; unit: string; nominatingUnit: string;
  awardForm: string; awardFormName: string; recipient: 'person' | 'collective' | 'household'; isLeader: boolean; eligibility: string | null;
}
export interface MeetingSummary {
  id: string; status: MeetingStatus; date: string; startsAt: string; location: string; organisation: { id: string; name: string }; councilName: string;
}
export interface MeetingItem extends CandidateView {
  id: string; outcome: Outcome; procedure: { secretBallot: boolean; thresholdPercent: number; thresholdOf: 'members' | 'present' };
  procedureFixed: boolean; base: { members: number; present: number }; votesNeeded: number; ballotsReceived: number;
  tally: { yes: number; no: number; abstain: number } | null;
  recusals: { personId: string; name: string; reason: 'is_candidate' | 'heads_unit'; detail: string }[];
}
export interface Meeting extends MeetingSummary {
  place: string; openedAt: string | null; closedAt: string | null; viewer: { canManage: boolean; isMember: boolean };
  members: { personId: string; name: string; role: string; present: boolean }[];
  /** the paper ballot: its counting minutes once attached; recordedAt once the results came from it */
  paperBallot: { minutesName: string; recordedAt: string | null } | null;
  items: MeetingItem[];
}
export interface Ballot {
  meeting: MeetingSummary & { present: boolean };
  items: (CandidateView & { id: string; state: BallotState; dossier: { id: string; kind: DossierKind; name: string }[] })[];
}
export type DossierKind = 'proposal_letter' | 'minutes' | 'achievement_report' | 'summary' | 'other';

const base = '/api/council';

export function useMeetings(organisationId: string | null) {
  return useQuery({
    queryKey: ['council', 'meetings', organisationId],
    queryFn: async () => (await api.get<{ items: (MeetingSummary & { itemCount: number })[] }>(`${base}/meetings`, { organisationId })).items,
    enabled: organisationId !== null,
  });
}

export function useCompiledList(organisationId: string | null) {
  return useQuery({
    queryKey: ['council', 'compiled', organisationId],
    queryFn: async () => (await api.get<{ items: CandidateView[] }>(`${base}/compiled-list`, { organisationId })).items,
    enabled: organisationId !== null,
  });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: ['council', 'meeting', id], queryFn: () => api.get<Meeting>(`${base}/meetings/${encodeURIComponent(id)}`) });
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { organisationId: string; date: string; startsAt?: string; location?: string; place?: string }) =>
      api.post<{ id: string }>(`${base}/meetings`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['council'] }),
  });
}

/** Every change to a meeting answers with the meeting as it now stands. */
export function useMeetingAction(id: string) {
  const queryClient = useQueryClient();
  const path = `${base}/meetings/${encodeURIComponent(id)}`;
  return useMutation({
    mutationFn: (action: { kind: 'attendance'; present: string[] } | { kind: 'open' } | { kind: 'close' } | { kind: 'defer'; itemId: string }) =>
      action.kind === 'attendance' ? api.put<Meeting>(`${path}/attendance`, { present: action.present, version: versionShown(queryClient, ['council', 'meeting', id]) })
        : action.kind === 'defer' ? api.post<Meeting>(`${path}/items/${encodeURIComponent(action.itemId)}/defer`, {})
          : api.post<Meeting>(`${path}/${action.kind}`),
    onSuccess: (meeting) => {
      queryClient.setQueryData(['council', 'meeting', id], meeting);
      return queryClient.invalidateQueries({ queryKey: ['council', 'meetings'] });
    },
  });
}

export interface PaperCounts { present: string[]; counts: { itemId: string; yes: number; no: number; abstain: number }[] }
export interface PaperResult {
  itemId: string; tally: { yes: number; no: number; abstain: number }; base: { members: number; present: number };
  outcome: 'passed' | 'failed'; percent: number;
}

/** What the counts would declare (nothing saved): the confirmation before saving. */
export function useCheckPaperBallot(id: string) {
  return useMutation({
    mutationFn: async (body: PaperCounts) =>
      (await api.post<{ results: PaperResult[] }>(`${base}/meetings/${encodeURIComponent(id)}/paper-ballot/check`, body)).results,
  });
}

/** Attaches the scanned counting minutes, then records the counts against the meeting as the page loaded it. */
export function useRecordPaperBallot(id: string) {
  const queryClient = useQueryClient();
  const path = `${base}/meetings/${encodeURIComponent(id)}/paper-ballot`;
  return useMutation({
    mutationFn: async ({ minutes, ...body }: PaperCounts & { minutes: File }) => {
      // the version the counts were entered from: attaching the scan does not change it
      const version = versionShown(queryClient, ['council', 'meeting', id]);
      await api.upload<Meeting>(`${path}/minutes`, minutes, 'application/pdf');
      return api.post<Meeting>(path, { ...body, version });
    },
    onSuccess: (meeting) => {
      queryClient.setQueryData(['council', 'meeting', id], meeting);
      return queryClient.invalidateQueries({ queryKey: ['council', 'meetings'] });
    },
  });
}

export const paperMinutesUrl = (id: string) => `${base}/meetings/${encodeURIComponent(id)}/paper-ballot/minutes`;
export const minutesUrl = (id: string) => `${base}/meetings/${encodeURIComponent(id)}/minutes.docx`;

export function useBallots() {
  return useQuery({ queryKey: ['council', 'ballots'], queryFn: async () => (await api.get<{ items: Ballot[] }>(`${base}/ballots`)).items });
}

export function useCastBallot(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (votes: { itemId: string; choice: Choice }[]) => api.post<{ voted: number }>(`${base}/meetings/${encodeURIComponent(meetingId)}/ballot`, { votes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['council', 'ballots'] }),
  });
}

export const CHOICES_ORDER: readonly Choice[] = ['yes', 'no', 'abstain'];
