import { useMemo, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { AppSelect } from '../../app/AppSelect.tsx';
import { todayIso } from '../../app/format.ts';
import { foldQuery, foldVietnamese } from '../../../shared/vn/fold.ts';
import { useOrgTree } from '../organisations/api.ts';
import { buildTree, treeOrder } from '../organisations/tree.ts';
import type { PeoplePage } from '../people/types.ts';

/**
 * The pickers of the councils' and clusters' edit forms: a person of the tenant in scope, searched on
 * the server by name or HR code; a unit of the tree in scope, indented.
 */
export function PersonPicker({ label, value, initialLabel, onChange, placeholder, nothingFound, required, testId }: {
  label: string; value: string | null; initialLabel?: string | undefined; onChange: (id: string | null, label: string) => void;
  placeholder?: string; nothingFound: string; required?: boolean; testId?: string;
}) {
  const [search, setSearch] = useState(initialLabel ?? '');
  const [typed, setTyped] = useState('');
  const [debounced] = useDebouncedValue(typed, 300);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(value && initialLabel ? { value, label: initialLabel } : null);
  const people = useQuery({
    queryKey: ['people', 'pick', debounced],
    queryFn: () => api.get<PeoplePage>('/api/people', { q: debounced, pageSize: 30 }),
    placeholderData: keepPreviousData,
    select: (data) => data.items,
  });
  const found = (people.data ?? []).map((p) => ({
    value: p.id, label: [p.fullName, p.code, p.position, p.organisation?.name].filter(Boolean).join(' – '),
  }));
  const options = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  return (
    <AppSelect
      label={label} placeholder={placeholder} required={required} searchable clearable
      searchValue={search}
      onSearchChange={(v) => { setSearch(v); if (!options.some((o) => o.label === v)) setTyped(v); }}
      value={value}
      onChange={(v, option) => {
        setChosen(v && option ? { value: v, label: option.label } : null);
        onChange(v, option?.label ?? '');
      }}
      data={options} filter={({ options: o }) => o}
      nothingFoundMessage={people.isFetching ? undefined : nothingFound}
      data-testid={testId}
    />
  );
}

/** Units of the tree in my scope, indented; `rootIds`: only those units and their subtrees. */
export function useUnitOptions(rootIds?: readonly string[]) {
  const tree = useOrgTree(todayIso());
  const key = rootIds?.join(',');
  return useMemo(() => {
    const items = tree.data ?? [];
    const prefixes = rootIds ? items.filter((o) => rootIds.includes(o.id)).map((o) => o.path) : null;
    return treeOrder(buildTree(items))
      .filter(({ org }) => !prefixes || prefixes.some((p) => org.path.startsWith(p)))
      .map(({ org, depth }) => ({ value: org.id, label: org.name, depth }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tree.data, key]);
}

export function UnitPicker({ label, value, onChange, data, required, testId }: {
  label: string; value: string | null; onChange: (id: string | null) => void; data: { value: string; label: string; depth: number }[];
  required?: boolean; testId?: string;
}) {
  return (
    <AppSelect
      label={label} required={required} searchable value={value} onChange={onChange} data={data} limit={300}
      filter={({ options, search }) => {
        const needle = foldQuery(search);
        return needle ? options.filter((o) => 'label' in o && foldVietnamese(o.label).includes(needle)) : options;
      }}
      renderOption={({ option }) => (
        <span style={{ paddingInlineStart: `${((option as unknown as { depth: number }).depth ?? 0) * 0.75}rem` }}>{option.label}</span>
      )}
      data-testid={testId}
    />
  );
}
