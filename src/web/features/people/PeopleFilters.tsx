import { useState } from 'react';
import { SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import type { Gender, PeopleSearch } from './types.ts';
import { AppSelect } from '../../app/AppSelect.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

interface Props {
  search: PeopleSearch;
  onChange: (changes: PeopleSearch) => void;
}

/** Name search (debounced, diacritics optional — the server folds) and the three filters. */
export function PeopleFilters({ search, onChange }: Props) {
  const { t } = useTexts(appTexts);
  const [text, setText] = useState(search.q ?? '');
  // Ask the server once the user pauses typing, not on every key.
  const pushQuery = useDebouncedCallback((value: string) => {
    const q = value.trim() || undefined;
    if (q !== search.q) onChange({ q });
  }, 300);

  const leaderValue = search.leader === undefined ? 'all' : search.leader ? 'yes' : 'no';
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      <TextInput
        type="search"
        label={t('people.search')}
        placeholder={t('people.searchPlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          pushQuery(e.currentTarget.value);
        }}
        data-testid="people-search"
      />
      <OrgSelect
        label={t('people.organisation')}
        value={search.org ?? null}
        onChange={(org) => onChange({ org: org ?? undefined })}
        clearable
        placeholder={t('common.all')}
      />
      <AppSelect
        label={t('people.gender')}
        allowDeselect={false}
        value={search.gender ?? 'all'}
        onChange={(v) => onChange({ gender: v === 'male' || v === 'female' ? (v as Gender) : undefined })}
        data={[
          { value: 'all', label: t('common.all') },
          { value: 'male', label: t('gender.male') },
          { value: 'female', label: t('gender.female') },
        ]}
      />
      <AppSelect
        label={t('people.leader')}
        allowDeselect={false}
        value={leaderValue}
        onChange={(v) => onChange({ leader: v === 'yes' ? true : v === 'no' ? false : undefined })}
        data={[
          { value: 'all', label: t('common.all') },
          { value: 'yes', label: t('people.leaderYes') },
          { value: 'no', label: t('people.leaderNo') },
        ]}
      />
    </SimpleGrid>
  );
}
