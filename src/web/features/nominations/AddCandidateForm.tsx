import { useMemo, useState, type FormEvent } from 'react';
import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { AppModal } from '../../app/AppModal.tsx';
import { AppSelect } from '../../app/AppSelect.tsx';
import { FormFooter } from '../../app/FormFooter.tsx';
import { todayIso } from '../../app/format.ts';
import { foldQuery, foldVietnamese } from '../../../shared/vn/fold.ts';
import { useOrgTree } from '../organisations/api.ts';
import { buildTree, treeOrder } from '../organisations/tree.ts';
import type { PeoplePage } from '../people/types.ts';
import { useAddCandidate } from './api.ts';
import { nominationsTexts } from './text.ts';
import type { BatchDetail } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

/** "Thêm người được đề nghị": a person of the unit (searched on the server) or a collective of its subtree. */
export function AddCandidateButton({ detail }: { detail: BatchDetail }) {
  const { t } = useTexts(nominationsTexts);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)} data-testid="candidate-add">
        {t('add.open')}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('add.heading')} size="lg">
        {opened && <AddCandidateForm detail={detail} onClose={() => setOpened(false)} />}
      </AppModal>
    </>
  );
}

function usePeopleSearch(q: string, organisationId: string) {
  return useQuery({
    queryKey: ['people', 'pick', organisationId, q],
    queryFn: () => api.get<PeoplePage>('/api/people', { q, organisationId, pageSize: 30 }),
    placeholderData: keepPreviousData,
    select: (data) => data.items,
  });
}

function AddCandidateForm({ detail, onClose }: { detail: BatchDetail; onClose: () => void }) {
  const { t } = useTexts(nominationsTexts);
  const unit = detail.batch.organisation;
  const add = useAddCandidate(detail.batch.id);
  const [kind, setKind] = useState<'person' | 'collective'>('person');
  const [search, setSearch] = useState('');
  // what was typed (choosing an option puts its label in the box, which is not a new search)
  const [typed, setTyped] = useState('');
  const [debounced] = useDebouncedValue(typed, 300);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [achievement, setAchievement] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const people = usePeopleSearch(debounced, unit.id);
  const tree = useOrgTree(todayIso());

  // the collectives the unit may nominate: itself and its sub-units
  const units = useMemo(() => {
    const root = tree.data?.find((o) => o.id === unit.id);
    if (!root) return [];
    return treeOrder(buildTree(tree.data ?? [])).filter(({ org }) => org.path.startsWith(root.path))
      .map(({ org, depth }) => ({ value: org.id, label: org.name, depth: depth - root.depth }));
  }, [tree.data, unit.id]);
  const found = (people.data ?? []).map((p) => ({
    value: p.id,
    label: [p.fullName, p.code, p.position, p.organisation?.name].filter(Boolean).join(' – '),
  }));
  const personOptions = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const chosen = kind === 'person' ? personId : organisationId;
    if (!chosen) return setProblem(t('add.choose'));
    const body = kind === 'person' ? { personId: chosen } : { organisationId: chosen };
    add.mutate({ ...body, achievement: achievement.trim() || undefined }, { onSuccess: onClose });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Radio.Group label={t('add.kind')} value={kind} onChange={(v) => setKind(v as 'person' | 'collective')}>
          <Group mt="xs">
            <Radio value="person" label={t('add.person')} data-testid="candidate-kind-person" />
            <Radio value="collective" label={t('add.collective')} data-testid="candidate-kind-collective" />
          </Group>
        </Radio.Group>
        {kind === 'person' ? (
          <AppSelect
            label={t('add.person_pick')}
            description={t('add.searchHint', { unit: unit.name })}
            placeholder={t('add.search')}
            required
            searchable
            searchValue={search}
            onSearchChange={(v) => {
              setSearch(v);
              if (!personOptions.some((o) => o.label === v)) setTyped(v);
            }}
            value={personId}
            onChange={(v, option) => {
              setPersonId(v);
              setChosen(v && option ? { value: v, label: option.label } : null);
            }}
            data={personOptions}
            filter={({ options }) => options}
            nothingFoundMessage={people.isFetching ? undefined : t('add.noPeople')}
            error={people.error?.message}
            data-testid="candidate-person"
          />
        ) : (
          <AppSelect
            label={t('add.unit')}
            required
            searchable
            value={organisationId}
            onChange={setOrganisationId}
            data={units}
            limit={300}
            filter={({ options, search: s }) => {
              const needle = foldQuery(s);
              return needle ? options.filter((o) => 'label' in o && foldVietnamese(o.label).includes(needle)) : options;
            }}
            renderOption={({ option }) => (
              <span style={{ paddingInlineStart: `${((option as unknown as { depth: number }).depth ?? 0) * 0.75}rem` }}>{option.label}</span>
            )}
            data-testid="candidate-collective"
          />
        )}
        <Textarea
          label={t('add.achievement')}
          autosize
          minRows={3}
          maxLength={20_000}
          value={achievement}
          onChange={(e) => setAchievement(e.currentTarget.value)}
          data-testid="candidate-achievement"
        />
        {problem && (
          <Text c="red.8" size="sm" role="alert">
            {problem}
          </Text>
        )}
        <FormFooter error={add.error} busy={add.isPending} onCancel={onClose} submitLabel={t('add.submit')} />
      </Stack>
    </form>
  );
}
