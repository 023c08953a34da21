import { describe, expect, it } from 'vitest';
import { allowedActions, gatherTexts, isLate, outlineKeys, startFromCompilation, transition, unitState, unknownKeys, withoutLabel } from './model.ts';
import { countingAnchors, compilationScopes, pathRange, scopeEntries, type OrgNode } from './scope.ts';
import { addFigures, awardTotals, emptyAward, emptyFigures } from './figures.ts';

const OUTLINE = [
  { title: 'I. Kết quả thực hiện đợt thi đua', points: ['1. Công tác lãnh đạo', '2. Công tác tuyên truyền'] },
  { title: 'II. Bài học kinh nghiệm', points: [] },
];

describe('the report workflow', () => {
  it('is a table: draft → submitted → returned → submitted, and nothing edits a submitted report', () => {
    expect(allowedActions('draft')).toEqual(['edit', 'submit']);
    expect(allowedActions('submitted')).toEqual(['return']);
    expect(allowedActions('returned')).toEqual(['edit', 'submit']);
    expect(transition('submitted', 'edit')).toBeNull();
    expect(transition('returned', 'submit')).toMatchObject({ to: 'submitted', permission: 'report.submit', where: 'unit' });
    expect(transition('submitted', 'return')).toMatchObject({ to: 'returned', permission: 'report.review', where: 'receiving' });
  });

  it('is on time until the end of the due day in Việt Nam, judged on the first submission', () => {
    expect(isLate('2023-07-10', new Date('2023-07-10T16:59:59Z'))).toBe(false);
    expect(isLate('2023-07-10', new Date('2023-07-10T17:00:00Z'))).toBe(true);
    expect(isLate(null, new Date('2099-01-01T00:00:00Z'))).toBe(false);
    expect(unitState(null, '2023-07-10')).toBe('missing');
    expect(unitState({ status: 'submitted', first_submitted_at: new Date('2023-07-09T00:00:00Z') }, '2023-07-10')).toBe('on_time');
    expect(unitState({ status: 'returned', first_submitted_at: new Date('2023-07-09T00:00:00Z') }, '2023-07-10')).toBe('returned');
  });
});

describe('texts keyed by the outline', () => {
  it('has a key per section and per point, and knows the keys it has no place for', () => {
    expect(outlineKeys(OUTLINE)).toEqual(['0', '0.0', '0.1', '1']);
    expect(unknownKeys(OUTLINE, { '0.1': 'a', '1.0': 'b', '2': 'c' }).sort()).toEqual(['1.0', '2']);
    expect(withoutLabel('I. Kết quả')).toBe('Kết quả');
    expect(withoutLabel('2. Hạn chế')).toBe('Hạn chế');
    expect(withoutLabel('Bài học')).toBe('Bài học');
  });

  it('gathers the units\' texts per key and starts a level\'s report from them, keeping its own words', () => {
    const gathered = gatherTexts(OUTLINE, [
      { organisationId: 'a', organisationName: 'Xã A', sections: { '0.0': 'Chỉ đạo sát sao.', '1': '  ' } },
      { organisationId: 'b', organisationName: 'Xã B', sections: { '0.0': 'Ban hành kế hoạch.', '1': 'Phải làm sớm.' } },
    ]);
    expect(gathered['0.0']!.map((t) => t.organisationName)).toEqual(['Xã A', 'Xã B']);
    expect(gathered['1']).toEqual([{ organisationId: 'b', organisationName: 'Xã B', text: 'Phải làm sớm.' }]);
    expect(startFromCompilation({ '1': 'Của huyện.' }, gathered)).toEqual({
      '0.0': 'Xã A:\nChỉ đạo sát sao.\n\nXã B:\nBan hành kế hoạch.', '1': 'Của huyện.',
    });
  });
});

describe('what counts under an organisation', () => {
  // province P: district D (abolished 30/6/2025 → commune N) with communes X (→ N) and Y (→ M), and D's
  // office O (no successor of its own); N and M founded 1/7/2025
  const node = (id: string, parent: string | null, path: string, validTo: string | null = null, successorId: string | null = null): OrgNode =>
    ({ id, parentId: parent, path, validTo, successorId });
  const orgs = [
    node('P', null, '/P/'), node('D', 'P', '/P/D/', '2025-06-30', 'N'), node('O', 'D', '/P/D/O/', '2025-06-30'),
    node('X', 'D', '/P/D/X/', '2025-06-30', 'N'), node('Y', 'D', '/P/D/Y/', '2025-06-30', 'M'), node('N', 'P', '/P/N/'), node('M', 'P', '/P/M/'),
  ];

  it('is the organisation itself before the reform, and its successor after', () => {
    const before = countingAnchors(orgs, '2023-07-10');
    expect(before.get('Y')).toBe('/P/D/Y/');
    const after = countingAnchors(orgs, '2026-06-30');
    expect([after.get('D'), after.get('O'), after.get('X'), after.get('Y')]).toEqual(['/P/N/', '/P/N/', '/P/N/', '/P/M/']);
  });

  it('is a few path ranges that cover exactly those organisations, the district alone where a commune went elsewhere', () => {
    const anchors = countingAnchors(orgs, '2026-06-30');
    const entries = scopeEntries(orgs, (o) => anchors.get(o.id)!.startsWith('/P/N/'));
    expect(entries).toEqual([
      { path: '/P/D/', subtree: false }, { path: '/P/D/O/', subtree: true }, { path: '/P/D/X/', subtree: true }, { path: '/P/N/', subtree: true },
    ]);
    expect(pathRange({ path: '/P/N/', subtree: true })).toEqual({ lo: '/P/N/', hi: '/P/N0' });
    expect(pathRange({ path: '/P/D/', subtree: false })).toEqual({ lo: '/P/D/', hi: '/P/D/!' });
  });

  it('splits a compilation into units that never overlap and the level\'s own part', () => {
    const scopes = compilationScopes(orgs, '2026-06-30', '/P/', new Map([['N', '/P/N/'], ['M', '/P/M/']]));
    const own = scopes.find((s) => s.key === 'own')!.entries;
    expect(own).toEqual([{ path: '/P/', subtree: false }]);
    expect(scopes.find((s) => s.key === 'total')!.entries).toEqual([{ path: '/P/', subtree: true }]);
  });
});

describe('figures', () => {
  it('add up award form by award form', () => {
    const period = { from: '2023-01-01', to: '2023-07-10' };
    const a = { ...emptyFigures(period), awards: [{ ...emptyAward('giay_khen'), total: 2, amount: 100 }] };
    const b = { ...emptyFigures(period), awards: [{ ...emptyAward('bang_khen_tinh'), total: 1 }, { ...emptyAward('giay_khen'), total: 1 }] };
    const sum = addFigures(period, [a, b]);
    expect(sum.awards.map((x) => [x.awardForm, x.total])).toEqual([['giay_khen', 3], ['bang_khen_tinh', 1]]);
    expect(awardTotals(sum)).toMatchObject({ total: 4, amount: 100 });
  });
});
