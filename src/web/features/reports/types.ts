/** The report API's answers (src/modules/reports/present.ts and routes.ts). */
export type UnitState = 'on_time' | 'late' | 'draft' | 'returned' | 'missing';
export type ReportStatus = 'draft' | 'submitted' | 'returned';
export interface Ref { id: string; name: string }
export interface OutlineSection { title: string; points: string[] }
export interface Phase { id: string; title: string; dueOn: string | null; deadline: string | null; outline: OutlineSection[] }

export interface AwardFigure {
  awardForm: string; total: number; forMovement: number; collectives: number; individuals: number; women: number;
  ethnicMinorities: number; nonLeaders: number; directWorkers: number; amount: number;
}
export interface Figures {
  period: { from: string; to: string };
  registrations: { units: number; collectives: number; individuals: number };
  awards: AwardFigure[];
  nominations: { submitted: number; accepted: number; returned: number };
}

export interface ReportView {
  phase: Phase; movement: Ref; organisation: Ref; receiving: Ref;
  exists: boolean; status: ReportStatus; sections: Record<string, string>;
  late: boolean; firstSubmittedAt: string | null; submittedAt: string | null; returnedReason: string | null;
  figures: Figures; figuresFrozen: boolean; awardFormNames: Record<string, string>;
  history: { event: 'submitted' | 'returned' | 'resubmitted'; reason: string; late: boolean; at: string; actorName: string | null }[];
  can: { edit: boolean; submit: boolean; return: boolean };
  compilation: { phaseId: string; units: number } | null;
}

export interface CompilationView {
  phase: Phase; movement: Ref; organisation: Ref;
  ownReport: { phaseId: string; status: ReportStatus | 'missing'; canStart: boolean } | null;
  units: { organisation: Ref; state: UnitState; submittedAt: string | null; returnedReason: string | null; figures: Figures }[];
  missing: Ref[];
  total: Figures; own: Figures;
  gathered: Record<string, { organisation: Ref; text: string }[]>;
  awardFormNames: Record<string, string>;
}

interface ListItem { phaseId: string; phaseTitle: string; dueOn: string | null; movement: Ref; organisation: Ref }
export interface MyReports {
  items: (ListItem & { issuerName: string; state: UnitState })[];
  received: (ListItem & { submitted: number })[];
}
