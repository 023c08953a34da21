import { describe, expect, it } from 'vitest';
import { BATCH_STATUSES as SERVER_BATCH_STATUSES, BATCH_TRANSITIONS, CANDIDATE_STATUSES, CANDIDATE_TRANSITIONS } from '../../../modules/nominations/workflow.ts';
import { NOMINATION_KINDS as SERVER_KINDS, DOCUMENT_KINDS } from '../../../modules/nominations/model.ts';
import { enNominations, viNominations } from './messages.ts';
import { BATCH_STATUSES, NOMINATION_KINDS } from './types.ts';

/** The screens read the server's workflow tables: every state and step they can meet has words, in both languages. */
describe('the nomination screens speak the workflow', () => {
  it('know every batch status and nomination kind the server has', () => {
    expect([...BATCH_STATUSES]).toEqual([...SERVER_BATCH_STATUSES]);
    expect([...NOMINATION_KINDS]).toEqual([...SERVER_KINDS]);
  });

  it('name every status, step and document in Vietnamese and English', () => {
    for (const m of [viNominations, enNominations]) {
      for (const s of SERVER_BATCH_STATUSES) expect(m.statuses[s], s).toBeTruthy();
      for (const s of CANDIDATE_STATUSES) expect(m.candidateStatuses[s], s).toBeTruthy();
      for (const t of [...BATCH_TRANSITIONS, ...CANDIDATE_TRANSITIONS]) {
        expect((m.history.actions as Record<string, string>)[t.action], t.action).toBeTruthy();
      }
      for (const k of DOCUMENT_KINDS) expect(m.dossier.kinds[k], k).toBeTruthy();
    }
  });
});
