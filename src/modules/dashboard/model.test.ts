import { describe, expect, it } from 'vitest';
import { ancestorPaths, dueStatus, dueTiming, owedBy, workingDaysLeft } from './model.ts';

describe('deadlines on the dashboard', () => {
  it('counts working days left, skipping weekends and Tết, and working days late', () => {
    // Friday 20/11/2026
    expect(workingDaysLeft('2026-11-20', '2026-11-20')).toBe(0);
    expect(workingDaysLeft('2026-11-20', '2026-11-23')).toBe(1);
    expect(workingDaysLeft('2026-11-20', '2026-11-30')).toBe(6);
    expect(workingDaysLeft('2026-11-20', '2026-11-10')).toBe(-8);
    // a Friday deadline seen on Saturday is past, even with no working day in between
    expect(workingDaysLeft('2026-11-21', '2026-11-20')).toBe(-1);
    // Tết Bính Ngọ: 16–20/2/2026 are off
    expect(workingDaysLeft('2026-02-13', '2026-02-23')).toBe(1);
  });

  it('a deadline is the end of its day in Việt Nam', () => {
    const now = new Date('2026-11-20T16:59:00Z'); // 23:59 on the 20th in Hà Nội
    expect(dueStatus('2026-11-20', null, true, now)).toBe('due');
    expect(dueStatus('2026-11-19', null, true, now)).toBe('overdue');
    expect(dueStatus('2026-11-19', new Date('2026-11-19T16:00:00Z'), true, now)).toBe('done');
    expect(dueStatus('2026-11-19', new Date('2026-11-19T17:00:00Z'), true, now)).toBe('done_late');
    // a kind the system cannot check yet: only "due"
    expect(dueStatus('2026-11-19', null, false, now)).toBe('due');
  });

  it('a deadline is labelled by its distance: passed, due within ten working days, or later (162 or 759 days away is not "due")', () => {
    expect([-1, 0, 10, 11, 162, 759].map(dueTiming)).toEqual(['past', 'soon', 'soon', 'later', 'later', 'later']);
  });

  it('a commune answers the district\'s copy of a provincial plan, the district the province\'s', () => {
    expect(ancestorPaths('/p/d/c/')).toEqual(['/p/', '/p/d/']);
    const items = [
      { id: 'prov-phase', inheritedFrom: null, issuerPath: '/p/' },
      { id: 'district-copy', inheritedFrom: 'prov-phase', issuerPath: '/p/d/' },
      { id: 'prov-only', inheritedFrom: null, issuerPath: '/p/' },
    ];
    expect(owedBy('/p/d/c/', items).map((i) => i.id)).toEqual(['district-copy', 'prov-only']);
    expect(owedBy('/p/d/', items).map((i) => i.id)).toEqual(['prov-phase', 'prov-only']);
    expect(owedBy('/p/', items)).toEqual([]);
  });
});
