/** The cluster scoring API's answers (src/modules/clusters/routes.ts). */
export type SheetStatus = 'draft' | 'open' | 'closed' | 'ranked' | 'proposed';
export type CriterionKind = 'criterion' | 'bonus' | 'penalty';
export type Capacity = 'organiser' | 'head' | 'follower' | 'member';
export type SheetAction =
  | 'edit_criteria' | 'configure' | 'open' | 'self_score' | 'submit' | 'adjust' | 'close' | 'rank' | 'reopen' | 'resolve_tie' | 'propose';
export type TieLevel = 'total' | 'criteria' | 'penalty' | 'full_marks' | 'vote';
export type MemberRole = 'head' | 'deputy' | 'member';

export interface ClusterItem {
  id: string; name: string; kind: 'cluster' | 'block'; year: number; organiser: { id: string; name: string };
  parts: ('organiser' | 'head' | 'member' | 'follower')[];
  members: { organisationId: string; name: string; role: MemberRole }[];
  follower: { personId: string; name: string } | null;
  sheet: { id: string; status: SheetStatus; title: string } | null;
}

export interface Criterion { id: string; kind: CriterionKind; heading: string; title: string; maxPoints: number; position: number }
export interface Score { organisationId: string; criterionId: string; self: number | null; adjusted: number | null; evidence: string; evidenceLink: string }
export interface Standing {
  organisationId: string; name: string; rank: number; tied: boolean; separatedBy: TieLevel | null;
  criteria: number; bonus: number; penalty: number; total: number; fullMarks: number; proposedFor: 'flag' | 'bang_khen' | null;
}
export interface SheetMember {
  organisationId: string; name: string; role: MemberRole; ended: boolean; submittedAt: string | null; votePlace: number | null; voteNote: string;
}
export interface Adjustment {
  id: string; organisationId: string; criterionId: string; from: number | null; to: number; reason: string; by: string;
  capacity: 'head' | 'follower'; at: string;
}

export interface Sheet {
  id: string; title: string; year: number; status: SheetStatus; flagCount: number; bangKhenCount: number;
  flagBatchId: string | null; bangKhenBatchId: string | null;
  cluster: { id: string; name: string; kind: 'cluster' | 'block' }; organiser: { id: string; name: string };
  follower: { personId: string; name: string } | null;
  members: SheetMember[]; criteria: Criterion[]; scores: Score[]; ranking: Standing[]; cutoffTie: string[]; tieRule: TieLevel[];
  adjustments: Adjustment[];
  evidenceFiles: EvidenceFile[];
  me: { capacities: Capacity[]; actions: SheetAction[]; scorable: string[] };
}

export interface EvidenceFile { id: string; organisationId: string; criterionId: string; name: string; size: number; uploadedAt: string }

export interface CriterionInput { kind: CriterionKind; heading: string; title: string; maxPoints: number }
export interface SelfScoreInput { criterionId: string; points: number; evidence: string; evidenceLink: string }
