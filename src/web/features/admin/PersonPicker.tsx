import { useState } from 'react';
import type { ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { usePeople } from '../people/api.ts';
import { AppSelect } from '../../app/AppSelect.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/**
 * Search people on the server as the user types (diacritics optional) and pick one. Editing something
 * that already names a person: `chosenLabel` is that person as shown, so the field is not empty.
 */
export function PersonPicker({ label, description, value, chosenLabel, onChange }: {
  label: string; description?: string; value: string | null; chosenLabel?: string; onChange: (id: string | null) => void;
}) {
  const { t } = useTexts(appTexts);
  const [search, setSearch] = useState(value && chosenLabel ? chosenLabel : '');
  const [debounced] = useDebouncedValue(search, 300);
  const [chosen, setChosen] = useState<ComboboxItem | null>(value && chosenLabel ? { value, label: chosenLabel } : null);
  const q = debounced.trim();
  const query = usePeople({ q: q && q !== chosen?.label ? q : undefined });
  const found = (query.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.organisation ? `${p.fullName} — ${p.organisation.name}` : p.fullName,
  }));
  // The chosen option stays listed, under its own label, whatever the search returns: were the same person
  // listed under another label ("name — unit"), the select would put that label in the search box, search
  // for it, and go back and forth.
  const data = chosen ? [chosen, ...found.filter((o) => o.value !== chosen.value)] : found;

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
