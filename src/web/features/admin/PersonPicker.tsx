import { useState } from 'react';
import type { ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../people/api.ts';
import { AppSelect } from '../../app/AppSelect.tsx';

/** Search people on the server as the user types (diacritics optional) and pick one. */
export function PersonPicker({ label, description, value, onChange }: { label: string; description?: string; value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [chosen, setChosen] = useState<ComboboxItem | null>(null);
  const q = debounced.trim();
  const query = usePeople({ q: q && q !== chosen?.label ? q : undefined });
  const found = (query.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.organisation ? `${p.fullName} — ${p.organisation.name}` : p.fullName,
  }));
  // Keep the chosen option listed even when the current search no longer returns it.
  const data = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;

  return (
    <AppSelect
      label={label}
      description={description}
      searchable
      clearable
      value={value}
      onChange={(id, option) => {
        setChosen(option);
        onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={({ options }) => options}
      nothingFoundMessage={query.isFetching ? t('common.loading') : t('common.nothingFound')}
    />
  );
}
