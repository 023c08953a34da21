import { describe, expect, it } from 'vitest';
import { clusterMemberProblems, parseClusterKind, parseClusterRole } from './clusters.ts';
import { councilMemberProblems, parsePost } from './councils.ts';

/** The rules a council's and a cluster's members keep, shared by the import files and the edit screens. */
describe('a council\'s members', () => {
  it('hold one post each, under one chairman, in terms that do not end before they start', () => {
    expect(councilMemberProblems([
      { personId: 'a', role: 'chair', termFrom: null, termTo: null },
      { personId: 'b', role: 'secretary', termFrom: '2025-01-01', termTo: '2026-12-31' },
    ])).toEqual([]);
    expect(councilMemberProblems([
      { personId: 'a', role: 'chair', termFrom: null, termTo: null },
      { personId: 'b', role: 'chair', termFrom: null, termTo: null },
      { personId: 'a', role: 'member', termFrom: '2025-02-01', termTo: '2025-01-01' },
    ])).toEqual([
      { index: 1, code: 'second_chair', other: 0 },
      { index: 2, code: 'member_twice', other: 0 },
      { index: 2, code: 'term_before_start', other: 2 },
    ]);
  });

  it('posts are read as officers write them', () => {
    expect(['Chủ tịch', 'PHÓ CHỦ TỊCH', 'Uy vien thuong truc', 'Ủy viên', 'Thư ký Hội đồng', 'secretary'].map(parsePost))
      .toEqual(['chair', 'vice_chair', 'standing_member', 'member', 'secretary', 'secretary']);
    expect(parsePost('Trưởng ban')).toBeNull();
  });
});

describe('a cluster\'s members in a year', () => {
  it('are each unit once, under one head', () => {
    expect(clusterMemberProblems([{ organisationId: 'x', role: 'head' }, { organisationId: 'y', role: 'deputy' }])).toEqual([]);
    expect(clusterMemberProblems([
      { organisationId: 'x', role: 'head' }, { organisationId: 'y', role: 'head' }, { organisationId: 'x', role: 'member' },
    ])).toEqual([{ index: 1, code: 'second_head', other: 0 }, { index: 2, code: 'unit_twice', other: 0 }]);
  });

  it('kinds and roles are read as officers write them', () => {
    expect(['Cụm', 'khoi', 'Khối thi đua'].map(parseClusterKind)).toEqual(['cluster', 'block', 'block']);
    expect(['Trưởng cụm', 'Trưởng khối', 'Phó cụm', 'thanh vien'].map(parseClusterRole)).toEqual(['head', 'head', 'deputy', 'member']);
  });
});
