export type Recipient = 'individual' | 'collective' | 'household';

export interface DecidableCandidate {
  id: string; batchId: string; batchTitle: string; unitName: string; name: string; position: string; recipient: Recipient;
  status: 'accepted' | 'voted'; year: number; kind: string; blocked: 'household' | 'vote_required' | null; amount: number | null;
}

export interface DecidableList { awardFormName: string; signedOn: string; councilVote: boolean; items: DecidableCandidate[] }

export interface Signer { authority: 'TM.' | 'KT.' | 'Q.' | 'TL.' | null; authorityBody: string; title: string; name: string }

export interface DraftInput {
  candidateIds: string[]; number: number; symbol: string; signedOn: string; place: string; signer: Signer; reason: string; budgetSource: string;
}

export interface DecisionLine {
  id: string; candidateId: string; recipient: 'individual' | 'collective'; name: string; position: string; unitName: string;
  coefficient: number | null; baseSalary: number | null; amount: number | null; awardId: string | null;
}

export interface Decision {
  id: string; status: 'draft' | 'issued'; number: number; symbol: string; fullNumber: string; place: string; signedOn: string;
  signer: Signer; decidedBy: string; authority: { id: string; name: string }; awardForm: string; awardFormName: string; basis: string;
  year: number; reason: string; budgetSource: string; issuedAt: string | null; lines: DecisionLine[]; total: number; canIssue: boolean;
}
