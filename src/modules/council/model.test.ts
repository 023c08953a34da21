import { describe, expect, it } from 'vitest';
import { ballotState, denominators, meetingAllows, outcomeOf, recusalOf, votesNeeded } from './model.ts';
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
