import { describe, expect, it } from 'vitest';
import { definedTexts, loadLanguage, type TextTree } from './texts.ts';
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
  // first: the other tests load the English
  it("fetches the shell's English words only when English is chosen", async () => {
    expect(appTexts.en).toBeUndefined();
    expect(appTexts.t('app.logout', undefined, 'en')).toBe('Đăng xuất'); // not loaded: i18next falls back to Vietnamese
    await loadLanguage('en');
    expect(appTexts.en?.app.logout).toBe('Sign out');
    expect(appTexts.t('app.logout', undefined, 'en')).toBe('Sign out');
  });

  it('has every namespace registered once, with the same keys in both languages (the compiler checks missing ones; this catches extra ones)', async () => {
    await loadLanguage('en');
    const namespaces = definedTexts();
    expect(namespaces.map((n) => n.namespace).sort()).toEqual([
      'archive', 'certificates', 'clusters', 'consultation', 'council', 'dashboard', 'decisions', 'examples',
      'nominations', 'records', 'reports', 'sso', 'statistics', 'statutoryForms', 'translation',
    ]);
    for (const { namespace, vi, en } of namespaces) {
      if (!en) throw new Error(`${namespace}: no English`);
      expect(leaves(en).map(([k]) => k).sort(), namespace).toEqual(leaves(vi).map(([k]) => k).sort());
    }
  });

  it('fills the same {{placeholders}} in both languages', async () => {
    await loadLanguage('en');
    for (const { namespace, vi, en } of definedTexts()) {
      if (!en) throw new Error(`${namespace}: no English`);
      const english = new Map(leaves(en));
      for (const [key, text] of leaves(vi)) {
        expect(placeholders(english.get(key) ?? ''), `${namespace}:${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('interpolates through i18next in either language, outside React too', async () => {
    await loadLanguage('en');
    expect(archiveTexts.t('revokedBadge', { date: '01/02/2025' }, 'vi')).toBe('Đã thu hồi 01/02/2025');
    expect(archiveTexts.t('revokedBadge', { date: '01/02/2025' }, 'en')).toBe('Revoked 01/02/2025');
    expect(archiveTexts.t('basis.merit', undefined, 'en')).toBe('Merit');
    expect(appTexts.t('app.signedInAs', { name: 'Nguyễn Thị Ánh' }, 'vi')).toBe('Đang đăng nhập: Nguyễn Thị Ánh');
  });
});
