import { useState } from 'react';
import { SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { AppSelect } from '../../app/AppSelect.tsx';
import { currentYear } from '../../app/format.ts';
import { MOVEMENT_STATUSES, type MovementsSearch, type MovementStatus } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';
import { appTexts } from '../../app/text.ts';

interface Props {
  search: MovementsSearch;
  onChange: (changes: MovementsSearch) => void;
}

/** Name search (debounced; the server folds diacritics), status and year. */
export function MovementFilters({ search, onChange }: Props) {
  const { t } = useTexts(appTexts);
  const mv = useTexts(movementsTexts);
  const [text, setText] = useState(search.q ?? '');
  const pushQuery = useDebouncedCallback((value: string) => {
    const q = value.trim() || undefined;
    if (q !== search.q) onChange({ q });
  }, 300);
  const thisYear = currentYear();
  const years = Array.from({ length: thisYear + 2 - 2015 }, (_, i) => String(thisYear + 1 - i));
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <TextInput
        type="search"
        label={mv.t('search')}
        placeholder={mv.t('searchPlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          pushQuery(e.currentTarget.value);
        }}
        data-testid="movement-search"
      />
      <AppSelect
        label={mv.t('status')}
        allowDeselect={false}
        value={search.status ?? 'all'}
        onChange={(v) => onChange({ status: (MOVEMENT_STATUSES as readonly (string | null)[]).includes(v) ? (v as MovementStatus) : undefined })}
        data={[{ value: 'all', label: t('common.all') }, ...MOVEMENT_STATUSES.map((s) => ({ value: s, label: mv.t(`statuses.${s}`) }))]}
      />
      <AppSelect
        label={mv.t('year')}
        allowDeselect={false}
        value={search.year ? String(search.year) : 'all'}
        onChange={(v) => onChange({ year: v && v !== 'all' ? Number(v) : undefined })}
        data={[{ value: 'all', label: t('common.all') }, ...years.map((y) => ({ value: y, label: y }))]}
      />
    </SimpleGrid>
  );
}
