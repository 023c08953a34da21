import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { countedOrganisations, indexTree, minimalPrefixes, pathCounted, unitRows, type TreeNode } from './counted.ts';
import { checkPeriod, formsKept, planPunctuality, registrationPunctuality, sharesOf, tally, ZERO, type AwardForm } from './model.ts';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? `${e.status} ${e.code}` : String(e);
  }
  return 'no error';
};

describe('the period', () => {
  it('is one year or more, the first not after the last, at most 50 years', () => {
    expect(checkPeriod(2022, 2022)).toEqual({ fromYear: 2022, toYear: 2022 });
    expect(checkPeriod(1976, 2025)).toEqual({ fromYear: 1976, toYear: 2025 });
    expect(codeOf(() => checkPeriod(2024, 2020))).toBe('400 statistics.year_range');
    expect(codeOf(() => checkPeriod(1975, 2025))).toBe('400 statistics.span');
  });
});

describe('the award forms a filter keeps', () => {
  const catalogue: AwardForm[] = [
    { code: 'lao_dong_tien_tien', name: 'Lao động tiên tiến', category: 'title', level: 'base', sortOrder: 10 },
    { code: 'giay_khen', name: 'Giấy khen', category: 'award', level: 'base', sortOrder: 110 },
    { code: 'bang_khen_tinh', name: 'Bằng khen của Chủ tịch UBND tỉnh', category: 'award', level: 'province', sortOrder: 120 },
  ];
  it('all of them without a filter; forms, level and category narrow each other', () => {
    expect(formsKept(catalogue, {})).toBeNull();
    expect(formsKept(catalogue, { level: 'base' })).toEqual(['lao_dong_tien_tien', 'giay_khen']);
    expect(formsKept(catalogue, { level: 'base', category: 'award' })).toEqual(['giay_khen']);
    expect(formsKept(catalogue, { awardForms: ['giay_khen', 'bang_khen_tinh'], level: 'province' })).toEqual(['bang_khen_tinh']);
    expect(formsKept(catalogue, { awardForms: ['lao_dong_tien_tien'], category: 'award' })).toEqual([]);
  });
  it('an unknown form is bad input, not an empty table', () => {
    expect(codeOf(() => formsKept(catalogue, { awardForms: ['giay_khen', 'bang_khen_mat_trang'] }))).toBe('400 statistics.unknown_award_form');
  });
});

describe('shares', () => {
  it('groups among individuals, individuals and collectives among all; an empty base is 0', () => {
    const shares = sharesOf({ ...ZERO, total: 8, individuals: 6, collectives: 2, nonLeaders: 4, women: 3 });
    expect(shares.find((s) => s.key === 'nonLeaders')).toEqual({ key: 'nonLeaders', count: 4, of: 6, fraction: 0.6667 });
    expect(shares.find((s) => s.key === 'collectives')).toEqual({ key: 'collectives', count: 2, of: 8, fraction: 0.25 });
    expect(sharesOf(ZERO).every((s) => s.fraction === 0)).toBe(true);
  });
});

describe('punctuality', () => {
  const now = new Date('2023-06-01T03:00:00Z');
  it('a plan issued on the due day is on time; the day after is late; none once the day has passed is missing', () => {
    expect(planPunctuality('2023-05-15', '2023-05-15', now)).toBe('onTime');
    expect(planPunctuality('2023-05-15', '2023-05-16', now)).toBe('late');
    expect(planPunctuality('2023-05-15', null, now)).toBe('missing');
    expect(planPunctuality('2023-06-01', null, now)).toBe('pending');
  });
  it('a registration at 23:30 in Hà Nội on the due day is on time (16:30 UTC)', () => {
    expect(registrationPunctuality('2023-05-15', new Date('2023-05-15T16:30:00Z'), now)).toBe('onTime');
    expect(registrationPunctuality('2023-05-15', new Date('2023-05-15T17:30:00Z'), now)).toBe('late');
    expect(tally(['onTime', 'late', 'late', 'missing'])).toEqual({ expected: 4, onTime: 1, late: 2, missing: 1, pending: 0 });
  });
});

describe('what counts under a unit (pure rules on a small tree)', () => {
  // province P: district D (→ commune C, until 30/6/2025) with office O (→ department E) and commune K (→ C); C from 1/7/2025
  const node = (id: string, parent: TreeNode | null, extra: Partial<TreeNode> = {}): TreeNode => ({
    id, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, name: id, sortKey: id, validFrom: '2008-01-01',
    validTo: null, successorId: null, ...extra,
  });
  const P = node('p', null);
  const E = node('e', P);
  const C = node('c', P, { validFrom: '2025-07-01' });
  const D = node('d', P, { validTo: '2025-06-30', successorId: 'c' });
  const O = node('o', D, { validTo: '2025-06-30', successorId: 'e' });
  const K = node('k', D, { validTo: '2025-06-30', successorId: 'c' });
  const tree = indexTree([P, E, C, D, O, K]);
  const prefixes = (root: string, fromYear: number, toYear = fromYear) => minimalPrefixes(tree, countedOrganisations(tree, root, { fromYear, toYear }));

  it('the successor takes the district itself and the commune that came whole, not the office that went elsewhere', () => {
    expect(prefixes('c', 2022)).toEqual([{ path: '/p/c/', subtree: true }, { path: '/p/d/', subtree: false }, { path: '/p/d/k/', subtree: true }]);
    expect(prefixes('e', 2022)).toEqual([{ path: '/p/d/o/', subtree: true }, { path: '/p/e/', subtree: true }]);
    expect(prefixes('p', 2022)).toEqual([{ path: '/p/', subtree: true }]);
    expect(prefixes('c', 2026)).toEqual([{ path: '/p/c/', subtree: true }]);
    expect(pathCounted(prefixes('c', 2022), '/p/d/')).toBe(true);
    expect(pathCounted(prefixes('c', 2022), '/p/d/o/')).toBe(false);
  });

  it('by unit: the district\'s commune counts in both the district\'s row and its successor\'s', () => {
    const { units, links } = unitRows(tree, 'p', { fromYear: 2024, toYear: 2025 });
    expect(units.map((u) => u.id)).toEqual(['c', 'd', 'e']);
    const rowsOf = (path: string) => links.row.filter((_, i) => links.path[i] === path).sort();
    expect(rowsOf('/p/d/k/')).toEqual(['c', 'd']);
    expect(rowsOf('/p/d/o/')).toEqual(['d', 'e']);
    expect(rowsOf('/p/')).toEqual(['p']);
  });
});
