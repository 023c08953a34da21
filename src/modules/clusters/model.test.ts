import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import {
  achievementLine, allowedActions, assertWithinMax, formatPoints, proposalOf, rankMembers, sheetTransition, toHundredths,
  type CriterionFacts, type MemberScores,
} from './model.ts';

// A sheet shaped like a provincial cluster's: two criteria (60 and 20 points), a bonus and a penalty item.
const CRITERIA: CriterionFacts[] = [
  { id: 'nv', kind: 'criterion', title: 'Thực hiện nhiệm vụ chính trị', maxPoints: 60 },
  { id: 'tdkt', kind: 'criterion', title: 'Công tác thi đua, khen thưởng', maxPoints: 20 },
  { id: 'thuong', kind: 'bonus', title: 'Điểm thưởng', maxPoints: 5 },
  { id: 'tru', kind: 'penalty', title: 'Điểm trừ', maxPoints: 10 },
];

let n = 0;
function member(name: string, nv: number, tdkt: number, thuong = 0, tru = 0, votePlace: number | null = null): MemberScores {
  n += 1;
  return {
    organisationId: `org-${name}`, name, sortKey: `${String(100 - n).padStart(3, '0')}`, votePlace,
    points: new Map([['nv', nv], ['tdkt', tdkt], ['thuong', thuong], ['tru', tru]]),
  };
}
const order = (standings: { name: string }[]) => standings.map((s) => s.name);

describe('the ranking of a cluster\'s members', () => {
  it('adds criteria and bonus and deducts penalty: the higher total ranks first', () => {
    const r = rankMembers(CRITERIA, [member('A', 50, 15, 2, 1), member('B', 55, 18, 0, 0)]);
    expect(order(r)).toEqual(['B', 'A']);
    expect(r[0]).toMatchObject({ total: 7300, criteria: 7300, bonus: 0, penalty: 0, rank: 1, tied: false, separatedBy: null });
    expect(r[1]).toMatchObject({ total: 6600, criteria: 6500, bonus: 200, penalty: 100, rank: 2, separatedBy: 'total' });
  });

  it('level 2: at an equal total, the higher criteria subtotal (bonus excluded) ranks first', () => {
    // A: 70 + 5 bonus = 75; B: 75 criteria, no bonus
    const r = rankMembers(CRITERIA, [member('A', 55, 15, 5), member('B', 58, 17)]);
    expect(order(r)).toEqual(['B', 'A']);
    expect(r[1]).toMatchObject({ rank: 2, separatedBy: 'criteria', tied: false });
  });

  it('level 3: at equal total and criteria, the lower penalty ranks first', () => {
    // both 70 criteria; A: +3 −3 = 70, B: +1 −1 = 70
    const r = rankMembers(CRITERIA, [member('A', 55, 15, 3, 3), member('B', 55, 15, 1, 1)]);
    expect(order(r)).toEqual(['B', 'A']);
    expect(r[1]).toMatchObject({ rank: 2, separatedBy: 'penalty' });
  });

  it('level 4: then more criteria at full marks ranks first', () => {
    // both 75 criteria, no bonus or penalty; B has 20/20 on thi đua, khen thưởng
    const r = rankMembers(CRITERIA, [member('A', 58, 17), member('B', 55, 20)]);
    expect(order(r)).toEqual(['B', 'A']);
    expect(r[0]!.fullMarks).toBe(1);
    expect(r[1]).toMatchObject({ rank: 2, separatedBy: 'full_marks' });
  });

  it('level 5: still equal on every rule, they share the rank, flagged đồng hạng, and the next rank is skipped', () => {
    const r = rankMembers(CRITERIA, [member('A', 50, 15), member('B', 58, 17), member('C', 58, 17), member('D', 58, 17)]);
    expect(r.map((s) => [s.rank, s.tied])).toEqual([[1, true], [1, true], [1, true], [4, false]]);
    expect(r[3]).toMatchObject({ name: 'A', separatedBy: 'total' });
    expect(r.slice(0, 3).every((s) => s.separatedBy === null)).toBe(true);
  });

  it('never breaks a tie by name or order of entry: the same members in any order tie the same way', () => {
    const a = rankMembers(CRITERIA, [member('Bình Minh', 58, 17), member('An Phú', 58, 17)]);
    const b = rankMembers(CRITERIA, [member('An Phú', 58, 17), member('Bình Minh', 58, 17)]);
    for (const r of [a, b]) expect(r.map((s) => [s.rank, s.tied])).toEqual([[1, true], [1, true]]);
  });

  it('level 6: the cluster\'s vote, once recorded for every tied member, orders them', () => {
    const r = rankMembers(CRITERIA, [member('A', 58, 17, 0, 0, 2), member('B', 58, 17, 0, 0, 1), member('C', 40, 10)]);
    expect(order(r)).toEqual(['B', 'A', 'C']);
    expect(r.map((s) => [s.rank, s.tied, s.separatedBy])).toEqual([[1, false, null], [2, false, 'vote'], [3, false, 'total']]);
  });

  it('a vote that leaves out one of the tied members settles nothing', () => {
    const r = rankMembers(CRITERIA, [member('A', 58, 17, 0, 0, 1), member('B', 58, 17, 0, 0, 2), member('C', 58, 17)]);
    expect(r.every((s) => s.tied && s.rank === 1)).toBe(true);
  });

  it('counts a missing score as zero and works in hundredths (no float drift)', () => {
    const r = rankMembers(CRITERIA, [
      { organisationId: 'x', name: 'X', sortKey: 'x', votePlace: null, points: new Map([['nv', 0.1], ['tdkt', 0.2]]) },
      { organisationId: 'y', name: 'Y', sortKey: 'y', votePlace: null, points: new Map([['nv', 0.3]]) },
    ]);
    expect(r.map((s) => [s.total, s.rank, s.tied])).toEqual([[30, 1, true], [30, 1, true]]);
  });
});

describe('the proposal cut', () => {
  it('takes the first N for the flag and the next M for Bằng khen', () => {
    const r = rankMembers(CRITERIA, [member('A', 60, 20), member('B', 50, 20), member('C', 40, 20), member('D', 30, 20)]);
    const p = proposalOf(r, 1, 2);
    expect(order(p.flag)).toEqual(['A']);
    expect(order(p.bangKhen)).toEqual(['B', 'C']);
  });

  it('refuses a tie straddling either cut (409 naming the tied members), but not a tie inside one group', () => {
    const r = rankMembers(CRITERIA, [member('A', 60, 20), member('B', 50, 20), member('C', 50, 20), member('D', 30, 20)]);
    expect(() => proposalOf(r, 2, 1)).toThrow(AppError);
    try {
      proposalOf(r, 2, 1);
    } catch (e) {
      expect(e).toMatchObject({ code: 'cluster.tie_at_cutoff', status: 409, params: { rank: 2 } });
      expect(String((e as AppError).params.names)).toContain('B');
    }
    expect(() => proposalOf(r, 1, 1)).toThrow(/tie_at_cutoff/);
    expect(order(proposalOf(r, 1, 2).bangKhen).sort()).toEqual(['B', 'C']);
    expect(order(proposalOf(r, 3, 0).flag).sort()).toEqual(['A', 'B', 'C']);
  });

  it('quotes rank and score in the candidate\'s achievement line', () => {
    const [first] = rankMembers(CRITERIA, [member('A', 57.5, 19, 2, 0.5), member('B', 30, 10)]);
    expect(achievementLine(first!, 2, 'Cụm thi đua các huyện, thành phố', 2024))
      .toBe('Xếp thứ 1/2 trong Cụm thi đua các huyện, thành phố năm 2024 với tổng số 78 điểm (điểm tiêu chí 76,5, điểm thưởng 2, '
        + 'điểm trừ 0,5) theo kết quả chấm điểm, bình xét thi đua của cụm, khối.');
  });
});

describe('points and the sheet\'s lifecycle', () => {
  it('accepts 0..max, with a penalty entered as a positive number, and names the row above its maximum', () => {
    expect(() => assertWithinMax(CRITERIA[0]!, 60)).not.toThrow();
    expect(() => assertWithinMax(CRITERIA[3]!, 10)).not.toThrow();
    expect(() => assertWithinMax(CRITERIA[0]!, 60.01)).toThrow(expect.objectContaining({
      code: 'cluster.points_above_max', status: 422, params: { criterion: 'Thực hiện nhiệm vụ chính trị', max: '60' } }));
    expect(toHundredths(1.25)).toBe(125);
    expect(toHundredths(1.255)).toBeNull();
    expect(formatPoints(9550)).toBe('95,5');
    expect(formatPoints(1205)).toBe('12,05');
  });

  it('goes draft → open → closed → ranked → proposed, with reopen back to adjusting', () => {
    expect(sheetTransition('draft', 'open')?.to).toBe('open');
    expect(sheetTransition('open', 'close')?.to).toBe('closed');
    expect(sheetTransition('closed', 'rank')?.to).toBe('ranked');
    expect(sheetTransition('ranked', 'reopen')?.to).toBe('closed');
    expect(sheetTransition('ranked', 'propose')?.to).toBe('proposed');
    expect(sheetTransition('proposed', 'propose')).toBeNull();
    expect(sheetTransition('open', 'edit_criteria')).toBeNull();
    expect(sheetTransition('ranked', 'adjust')).toBeNull();
    expect(sheetTransition('closed', 'self_score')).toBeNull();
  });

  it('offers each capacity only its own actions', () => {
    expect(allowedActions('open', new Set(['member']))).toEqual(['self_score', 'submit']);
    expect(allowedActions('open', new Set(['follower']))).toEqual(['adjust']);
    expect(allowedActions('open', new Set(['head', 'member']))).toEqual(['self_score', 'submit', 'adjust', 'close']);
    expect(allowedActions('ranked', new Set(['organiser']))).toEqual(['configure', 'reopen', 'resolve_tie', 'propose']);
    expect(allowedActions('ranked', new Set(['head']))).toEqual(['reopen', 'resolve_tie']);
  });
});
