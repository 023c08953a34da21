import { describe, expect, it } from 'vitest';
import { meetingKey, newBallotSalt, seal, shuffled, tokenHash, unseal } from './ballot-box.ts';
import { ballotPapers, tallyOf, type Choice } from './model.ts';

const SECRET = 'a-ballot-secret-of-at-least-thirty-two-bytes';
const at = { tenantId: 't1', meetingId: 'm1', salt: newBallotSalt() };
const key = meetingKey(SECRET, at);
const paper = { tenantId: 't1', itemId: 'i1', token: tokenHash(key, 'i1', 'p1') };

describe('the ballot box', () => {
  it('finds a member\'s paper again with the same key, and only with it', () => {
    expect(tokenHash(meetingKey(SECRET, at), 'i1', 'p1')).toBe(paper.token);
    expect(tokenHash(key, 'i1', 'p2')).not.toBe(paper.token);
    expect(tokenHash(key, 'i2', 'p1')).not.toBe(paper.token);
    // another salt (another meeting, or this one after the close forgot it) or another server secret: another token
    expect(tokenHash(meetingKey(SECRET, { ...at, salt: newBallotSalt() }), 'i1', 'p1')).not.toBe(paper.token);
    expect(tokenHash(meetingKey(`${SECRET}-other`, at), 'i1', 'p1')).not.toBe(paper.token);
  });

  it('seals every choice to the same length, differently each time, and opens it back', () => {
    const sealed = (['yes', 'no', 'abstain'] as const).flatMap((c) => [seal(key, paper, c), seal(key, paper, c)]);
    expect(new Set(sealed.map((s) => s.length)).size).toBe(1);
    expect(new Set(sealed).size).toBe(6);
    expect(sealed.map((s) => unseal(key, paper, s))).toEqual(['yes', 'yes', 'no', 'no', 'abstain', 'abstain']);
  });

  it('does not open a sealed choice under another key, or moved to another paper or item', () => {
    const sealed = seal(key, paper, 'yes');
    expect(() => unseal(meetingKey(SECRET, { ...at, salt: newBallotSalt() }), paper, sealed)).toThrow();
    expect(() => unseal(key, { ...paper, token: tokenHash(key, 'i1', 'p2') }, sealed)).toThrow();
    expect(() => unseal(key, { ...paper, itemId: 'i2' }, sealed)).toThrow();
  });

  it('refuses a server secret too short to be one', () => {
    expect(() => meetingKey('short', at)).toThrow('BALLOT_SECRET');
  });

  it('shuffles: the same papers, not in the order given (30 papers: one chance in 30! of keeping it)', () => {
    const list = Array.from({ length: 30 }, (_, i) => i);
    const out = shuffled(list);
    expect([...out].sort((a, b) => a - b)).toEqual(list);
    expect(out).not.toEqual(list);
  });
});

describe('papers and the tally', () => {
  it('gives a paper to each member who may vote: not the recused, not the absent where those present count, none on a deferred item', () => {
    const items = [
      { id: 'all', outcome: 'pending' as const, thresholdOf: 'members' as const },
      { id: 'present', outcome: 'pending' as const, thresholdOf: 'present' as const },
      { id: 'deferred', outcome: 'deferred' as const, thresholdOf: 'members' as const },
    ];
    const members = [{ personId: 'a', present: true }, { personId: 'b', present: true }, { personId: 'c', present: false }];
    expect(ballotPapers(items, members, [{ itemId: 'all', personId: 'b' }]).map((p) => `${p.itemId}/${p.personId}`))
      .toEqual(['all/a', 'all/c', 'present/a', 'present/b']);
  });

  it('counts the opened papers into the counters, whatever their order', () => {
    const choices: Choice[] = ['yes', 'no', 'yes', 'abstain', 'yes'];
    expect(tallyOf(choices)).toEqual({ yes: 3, no: 1, abstain: 1 });
    expect(tallyOf(shuffled(choices))).toEqual({ yes: 3, no: 1, abstain: 1 });
    expect(tallyOf([])).toEqual({ yes: 0, no: 0, abstain: 0 });
  });
});
