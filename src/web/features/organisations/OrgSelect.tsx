import { useMemo } from 'react';
import type { ComboboxItem } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { todayIso } from '../../app/format.ts';
import { appTexts } from '../../app/text.ts';
import { foldQuery, foldVietnamese } from '../../../shared/vn/fold.ts';
import { useOrgTree } from './api.ts';
import { buildTree, treeOrder } from './tree.ts';
import { useTexts } from '../../i18n/texts.ts';

interface Props {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  required?: boolean;
  clearable?: boolean;
  description?: string;
  error?: string;
  placeholder?: string;
  /** ids that may not be chosen (e.g. the organisation itself) */
  exclude?: readonly string[];
  'data-testid'?: string;
}

type OrgOption = ComboboxItem & { depth: number };

/** Pick an organisation existing today, in tree order (each unit before its sub-units), indented; search ignores diacritics. */
export function OrgSelect({ label, value, onChange, required, clearable, description, error, placeholder, exclude, ...rest }: Props) {
  const { t } = useTexts(appTexts);
  const tree = useOrgTree(todayIso());
  const options = useMemo<OrgOption[]>(
    () =>
      treeOrder(buildTree(tree.data ?? []))
        .filter(({ org }) => !exclude?.includes(org.id))
        .map(({ org, depth }) => ({ value: org.id, label: org.name, depth })),
    [tree.data, exclude],
  );

  return (
    <AppSelect
      label={label}
      description={description}
      error={error ?? (tree.error ? tree.error.message : undefined)}
      required={required}
      clearable={clearable}
      searchable
      value={value}
      onChange={(v) => onChange(v)}
      data={options}
      limit={300}
      nothingFoundMessage={t('common.nothingFound')}
      placeholder={tree.isPending ? t('common.loading') : placeholder}
      filter={({ options: all, search }) => {
        const needle = foldQuery(search);
        return needle ? all.filter((o) => 'label' in o && foldVietnamese(o.label).includes(needle)) : all;
      }}
      renderOption={({ option }) => (
        <span style={{ paddingInlineStart: `${((option as OrgOption).depth ?? 0) * 0.75}rem` }}>{option.label}</span>
      )}
      data-testid={rest['data-testid']}
    />
  );
}
