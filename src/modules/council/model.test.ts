import { describe, expect, it } from 'vitest';
import { ballotState, declarePaperBallot, denominators, meetingAllows, outcomeOf, recusalOf, votesNeeded, type PaperItem } from './model.ts';
import { AppError } from '../../platform/errors.ts';
import { minutesDocument } from './document.ts';

describe('who is recused', () => {
  const member = { personId: 'p1', heads: [{ organisationId: 'u1', name: 'Phòng Kinh tế' }] };
  it('a member who is the candidate', () => {
    expect(recusalOf(member, { personId: 'p1', unitId: 'u2' })).toEqual({ reason: 'is_candidate', detail: '' });
  });
  it('a member who heads the candidate\'s unit, for a person or for the collective itself', () => {
    expect(recusalOf(member, { personId: 'p9', unitId: 'u1' })).toEqual({ reason: 'heads_unit', detail: 'Phòng Kinh tế' });
    expect(recusalOf(member, { personId: null, unitId: 'u1' })).toEqual({ reason: 'heads_unit', detail: 'Phòng Kinh tế' });
  });
  it('nobody else', () => {
    expect(recusalOf(member, { personId: 'p9', unitId: 'u2' })).toBeNull();
    expect(recusalOf(member, { personId: 'p9', unitId: null })).toBeNull();
  });
});

describe('thresholds', () => {
  const strict = { thresholdPercent: 90, thresholdOf: 'members' as const };
  it('90% of 12 members needs 11 yes votes', () => {
    expect(votesNeeded(strict, { members: 12, present: 9 })).toBe(11);
    expect(outcomeOf(strict, { yes: 10, no: 2, abstain: 0 }, { members: 12, present: 12 })).toBe('failed');
    expect(outcomeOf(strict, { yes: 11, no: 0, abstain: 1 }, { members: 12, present: 12 })).toBe('passed');
  });
  it('a simple majority (50.01%) of 10 needs 6; of 11 needs 6', () => {
    const majority = { thresholdPercent: 50.01, thresholdOf: 'members' as const };
    expect(votesNeeded(majority, { members: 10, present: 10 })).toBe(6);
    expect(votesNeeded(majority, { members: 11, present: 10 })).toBe(6);
  });
  it('counts those present when the procedure says so', () => {
    const present = { thresholdPercent: 90, thresholdOf: 'present' as const };
    expect(outcomeOf(present, { yes: 8, no: 0, abstain: 0 }, { members: 12, present: 8 })).toBe('passed');
    expect(outcomeOf(present, { yes: 7, no: 0, abstain: 0 }, { members: 12, present: 8 })).toBe('failed');
  });
  it('takes recused members out of either denominator', () => {
    expect(denominators({ members: 12, present: 9, recusedMembers: 2, recusedPresent: 1 })).toEqual({ members: 10, present: 8 });
  });
});

describe('who may vote on an item', () => {
  it('members present vote; the absent vote in writing only where all members count', () => {
    const me = { present: false, recused: false, voted: false };
    expect(ballotState({ outcome: 'pending', thresholdOf: 'members' }, me)).toBe('open');
    expect(ballotState({ outcome: 'pending', thresholdOf: 'present' }, me)).toBe('absent');
    expect(ballotState({ outcome: 'pending', thresholdOf: 'present' }, { ...me, present: true })).toBe('open');
  });
  it('never twice, never when recused, never on a deferred item', () => {
    const me = { present: true, recused: false, voted: false };
    expect(ballotState({ outcome: 'pending', thresholdOf: 'members' }, { ...me, voted: true })).toBe('voted');
    expect(ballotState({ outcome: 'pending', thresholdOf: 'members' }, { ...me, recused: true })).toBe('recused');
    expect(ballotState({ outcome: 'deferred', thresholdOf: 'members' }, me)).toBe('deferred');
  });
  it('attendance before the ballot, ballots while it is open', () => {
    expect(meetingAllows('planned', 'set_attendance')).toBe(true);
    expect(meetingAllows('voting', 'set_attendance')).toBe(false);
    expect(meetingAllows('planned', 'vote')).toBe(false);
    expect(meetingAllows('closed', 'vote')).toBe(false);
    expect(meetingAllows('closed', 'defer')).toBe(false);
  });
});

describe('the minutes before the close', () => {
  it('print no tally while the ballot is open', () => {
    const doc = minutesDocument({
      organisation: { name: 'Văn phòng UBND tỉnh' }, councilName: 'Hội đồng', date: '2026-11-25', startsAt: '', location: '', place: '',
      closed: false, members: [{ name: 'A', role: 'chair', present: true }], recusals: [],
      items: [{ name: 'B', position: '', unit: '', awardFormName: 'Giấy khen', secretBallot: true, thresholdPercent: 50.01, thresholdOf: 'members',
        yes: 1, no: 0, abstain: 0, outcome: 'pending', base: { members: 1, present: 1 } }],
    });
    const text = JSON.stringify(doc);
    expect(text).toContain('Chưa kết thúc bỏ phiếu.');
    expect(text).not.toContain('phiếu đồng ý,');
    expect(doc.kind).toBe('BB');
  });
});

describe('a paper ballot copied from the counting minutes (issue 17.4)', () => {
  // a 12-member provincial council; m1 heads the unit of the second candidate
  const members = Array.from({ length: 12 }, (_, i) => `m${i}`);
  const strict = { thresholdPercent: 90, thresholdOf: 'members' as const };
  const majority = { thresholdPercent: 50.01, thresholdOf: 'present' as const };
  const items: PaperItem[] = [
    { id: 'csttt', name: 'Đinh Văn Thắng', outcome: 'pending', procedure: strict, recused: [] },
    { id: 'gk', name: 'Hà Thị Yến', outcome: 'pending', procedure: majority, recused: ['m1'] },
    { id: 'later', name: 'Phòng Kinh tế', outcome: 'deferred', procedure: majority, recused: [] },
  ];
  const present = members.slice(0, 11);
  const counts = [{ itemId: 'csttt', yes: 11, no: 0, abstain: 0 }, { itemId: 'gk', yes: 5, no: 4, abstain: 1 }];
  const refusal = (fn: () => unknown) => {
    try { fn(); } catch (e) { return e instanceof AppError ? { code: e.code, status: e.status, params: e.params } : e; }
    return null;
  };

  it('declares each candidate by the online ballot\'s rule: 90% of all members, a majority of those present less the recused', () => {
    expect(declarePaperBallot({ members, present, items, counts })).toEqual([
      { itemId: 'csttt', tally: { yes: 11, no: 0, abstain: 0 }, base: { members: 12, present: 11 }, outcome: 'passed', percent: 91.67 },
      // m1 is present but recused: 10 may vote, 5 of 10 is not more than half
      { itemId: 'gk', tally: { yes: 5, no: 4, abstain: 1 }, base: { members: 11, present: 10 }, outcome: 'failed', percent: 50 },
    ]);
  });
  it('ten yes votes of twelve members are not 90%, however many were present', () => {
    const [result] = declarePaperBallot({ members, present: members, items, counts: [{ ...counts[0]!, yes: 10, no: 2 }, counts[1]!] });
    expect(result).toMatchObject({ outcome: 'failed', percent: 83.33 });
  });
  it('refuses counts that are negative or not whole numbers, naming the candidate', () => {
    for (const bad of [-1, 1.5, Number.NaN]) {
      expect(refusal(() => declarePaperBallot({ members, present, items, counts: [counts[0]!, { ...counts[1]!, no: bad }] })))
        .toEqual({ code: 'council.paper_count_invalid', status: 400, params: { name: 'Hà Thị Yến' } });
    }
  });
  it('refuses more ballots on a candidate than members present who may vote on it', () => {
    expect(refusal(() => declarePaperBallot({ members, present, items, counts: [counts[0]!, { itemId: 'gk', yes: 6, no: 4, abstain: 1 }] })))
      .toEqual({ code: 'council.paper_over_present', status: 400, params: { name: 'Hà Thị Yến', total: 11, max: 10 } });
    expect(refusal(() => declarePaperBallot({ members, present: members.slice(0, 3), items, counts })))
      .toMatchObject({ code: 'council.paper_over_present', params: { name: 'Đinh Văn Thắng', total: 11, max: 3 } });
  });
  it('refuses a list of those present that is empty, repeats a name, or names someone off the council', () => {
    expect(refusal(() => declarePaperBallot({ members, present: [], items, counts }))).toMatchObject({ code: 'council.paper_nobody_present', status: 400 });
    expect(refusal(() => declarePaperBallot({ members, present: ['m0', 'm0'], items, counts }))).toMatchObject({ code: 'council.paper_present_twice' });
    expect(refusal(() => declarePaperBallot({ members, present: ['m0', 'stranger'], items, counts }))).toMatchObject({ code: 'council.not_a_member_person', status: 400 });
  });
  it('wants every candidate still on the agenda once, and no counts for a deferred one or a stranger', () => {
    expect(refusal(() => declarePaperBallot({ members, present, items, counts: [counts[0]!] }))).toMatchObject({ code: 'council.paper_item_missing', params: { name: 'Hà Thị Yến' } });
    expect(refusal(() => declarePaperBallot({ members, present, items, counts: [...counts, counts[1]!] }))).toMatchObject({ code: 'council.paper_item_twice' });
    expect(refusal(() => declarePaperBallot({ members, present, items, counts: [...counts, { itemId: 'later', yes: 1, no: 0, abstain: 0 }] })))
      .toMatchObject({ code: 'council.item_deferred', status: 400 });
    expect(refusal(() => declarePaperBallot({ members, present, items, counts: [...counts, { itemId: 'x', yes: 0, no: 0, abstain: 0 }] })))
      .toMatchObject({ code: 'not_found', status: 404 });
  });
  it('is recorded instead of the close, before or during voting, never after', () => {
    expect(meetingAllows('planned', 'record_paper')).toBe(true);
    expect(meetingAllows('voting', 'record_paper')).toBe(true);
    expect(meetingAllows('closed', 'record_paper')).toBe(false);
  });
});

describe('the minutes of a paper ballot', () => {
  it('say the members voted on paper and print the counts of the counting minutes', () => {
    const doc = minutesDocument({
      organisation: { name: 'Văn phòng UBND tỉnh' }, councilName: 'Hội đồng', date: '2026-11-25', startsAt: '', location: '', place: '',
      closed: true, paperBallot: true, members: [{ name: 'A', role: 'chair', present: true }], recusals: [],
      items: [{ name: 'B', position: '', unit: '', awardFormName: 'Giấy khen', secretBallot: true, thresholdPercent: 50.01, thresholdOf: 'present',
        yes: 7, no: 2, abstain: 1, outcome: 'passed', base: { members: 12, present: 10 } }],
    });
    const text = JSON.stringify(doc);
    expect(text).toContain('Hình thức biểu quyết: bỏ phiếu giấy');
    expect(text).toContain('Kết quả kiểm phiếu: 7 phiếu đồng ý, 2 phiếu không đồng ý, 1 phiếu không biểu quyết; đạt 70%.');
    expect(text).toContain('theo biên bản kiểm phiếu');
  });
});
