import { describe, expect, it } from 'vitest';
import { definedTexts, type TextTree } from './texts.ts';
import { appTexts } from '../app/text.ts';
import { archiveTexts } from '../features/archive/text.ts';
import '../features/clusters/text.ts';
import '../features/consultation/text.ts';
import '../features/council/text.ts';
import '../features/dashboard/text.ts';
import '../features/decisions/text.ts';
import '../features/examples/text.ts';
import '../features/nominations/text.ts';
import '../features/records/text.ts';
import '../features/reports/text.ts';
import '../features/statistics/text.ts';
import '../features/statutory-forms/text.ts';
import '../features/verify/text.ts';
import '../features/auth/sso-text.ts';

const leaves = (tree: TextTree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the UI speaks Vietnamese and English with the same words to say', () => {
  it('has every namespace registered once, with the same keys in both languages (the compiler checks missing ones; this catches extra ones)', () => {
    const namespaces = definedTexts();
    expect(namespaces.map((n) => n.namespace).sort()).toEqual([
      'archive', 'certificates', 'clusters', 'consultation', 'council', 'dashboard', 'decisions', 'examples',
      'nominations', 'records', 'reports', 'sso', 'statistics', 'statutoryForms', 'translation',
    ]);
    for (const { namespace, vi, en } of namespaces) {
      expect(leaves(en).map(([k]) => k).sort(), namespace).toEqual(leaves(vi).map(([k]) => k).sort());
    }
  });

  it('fills the same {{placeholders}} in both languages', () => {
    for (const { namespace, vi, en } of definedTexts()) {
      const english = new Map(leaves(en));
      for (const [key, text] of leaves(vi)) {
        expect(placeholders(english.get(key) ?? ''), `${namespace}:${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('interpolates through i18next in either language, outside React too', () => {
    expect(archiveTexts.t('revokedBadge', { date: '01/02/2025' }, 'vi')).toBe('Đã thu hồi 01/02/2025');
    expect(archiveTexts.t('revokedBadge', { date: '01/02/2025' }, 'en')).toBe('Revoked 01/02/2025');
    expect(archiveTexts.t('basis.merit', undefined, 'en')).toBe('Merit');
    expect(appTexts.t('app.signedInAs', { name: 'Nguyễn Thị Ánh' }, 'vi')).toBe('Đang đăng nhập: Nguyễn Thị Ánh');
  });
});
