import { useMemo, useState, type FormEvent } from 'react';
import { Button, NumberInput, Radio, Group, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { AppModal } from '../../app/AppModal.tsx';
import { AppSelect } from '../../app/AppSelect.tsx';
import { useAuth } from '../../app/auth.tsx';
import { FormFooter } from '../../app/FormFooter.tsx';
import { todayIso } from '../../app/format.ts';
import { foldQuery, foldVietnamese } from '../../../shared/vn/fold.ts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useAwardForms, useMovements } from '../movements/api.ts';
import type { MovementDetail } from '../movements/types.ts';
import type { OrgDetail } from '../organisations/types.ts';
import { useOrgTree } from '../organisations/api.ts';
import { buildTree, treeOrder } from '../organisations/tree.ts';
import { useCreateBatch } from './api.ts';
import { nominationsTexts } from './text.ts';
import { NOMINATION_KINDS, NOMINATION_WRITERS, type NewBatch, type NominationKind } from './types.ts';
import { movementsTexts } from '../movements/text.ts';
import { useTexts } from '../../i18n/texts.ts';

const searchFolded = ({ options, search }: { options: Array<{ label?: string }>; search: string }) => {
  const needle = foldQuery(search);
  return needle ? options.filter((o) => 'label' in o && foldVietnamese(o.label ?? '').includes(needle)) : options;
};

/** "Lập đợt đề nghị": opens the form in a dialog; on success goes to the new batch. */
export function CreateBatchButton() {
  const { t } = useTexts(nominationsTexts);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)} data-testid="batch-create">
        {t('list.create')}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('create.title')} size="lg">
        {opened && <CreateBatchForm onClose={() => setOpened(false)} />}
      </AppModal>
    </>
  );
}

function CreateBatchForm({ onClose }: { onClose: () => void }) {
  const { t } = useTexts(nominationsTexts);
  const phaseKinds: Readonly<Record<string, string>> = useTexts(movementsTexts).strings.phaseKinds;
  const { me } = useAuth();
  const navigate = useNavigate();
  const tree = useOrgTree(todayIso());
  const forms = useAwardForms();
  const movements = useMovements({ status: 'issued' });
  const create = useCreateBatch();

  const [unitId, setUnitId] = useState<string | null>(null);
  const [kind, setKind] = useState<NominationKind>('thematic');
  const [source, setSource] = useState<'movement' | 'direct'>('movement');
  const [movementId, setMovementId] = useState<string | null>(null);
  const [awardItemId, setAwardItemId] = useState<string | null>(null);
  const [awardForm, setAwardForm] = useState<string | null>(null);
  const [receivingId, setReceivingId] = useState<string | null>(null);
  // empty: the server's year (its clock may replay a past round)
  const [year, setYear] = useState<number | string>('');
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const movement = useQuery({
    queryKey: ['movements', 'detail', movementId],
    queryFn: () => api.get<MovementDetail>(`/api/movements/${encodeURIComponent(movementId!)}`),
    enabled: Boolean(movementId),
  });

  // the units I may nominate for: where I hold a writer's grant, and everything under them
  const ordered = useMemo(() => treeOrder(buildTree(tree.data ?? [])), [tree.data]);
  const writerPaths = useMemo(() => {
    const byId = new Map((tree.data ?? []).map((o) => [o.id, o.path]));
    return me.grants.filter((g) => (NOMINATION_WRITERS as readonly string[]).includes(g.role))
      .map((g) => byId.get(g.organisationId)).filter((p): p is string => Boolean(p));
  }, [tree.data, me.grants]);
  const units = ordered.filter(({ org }) => writerPaths.some((p) => org.path.startsWith(p)))
    .map(({ org, depth }) => ({ value: org.id, label: org.name, depth }));
  const unit = tree.data?.find((o) => o.id === unitId);
  // the receiving level is the unit itself or one of its ancestors: those in my tree, and the unit's
  // parent, which a sub-unit's officer does not see in the tree but sends its Giấy khen to
  const parent = useQuery({
    queryKey: ['organisations', 'detail', unitId],
    queryFn: () => api.get<OrgDetail>(`/api/organisations/${encodeURIComponent(unitId!)}`),
    enabled: Boolean(unitId),
  }).data?.parent;
  const ancestors = unit ? ordered.filter(({ org }) => unit.path.startsWith(org.path)).map(({ org }) => ({ value: org.id, label: org.name })) : [];
  const receivers = parent && !ancestors.some((a) => a.value === parent.id) ? [{ value: parent.id, label: parent.name }, ...ancestors] : ancestors;
  const formName = (code: string) => forms.data?.find((f) => f.code === code)?.name ?? code;
  const awardItems = (movement.data?.plan.awards ?? []).map((a) => ({
    value: a.id,
    label: a.phase
      ? t('create.awardItemLabel', { form: formName(a.awardForm), phase: phaseKinds[a.phase] ?? a.phase })
      : formName(a.awardForm),
  }));
  const chosenItem = movement.data?.plan.awards.find((a) => a.id === awardItemId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!unitId) return setProblem(t('create.chooseUnit'));
    const body: NewBatch = { organisationId: unitId, kind, year: Number(year) || undefined, title: title.trim() || undefined };
    if (source === 'movement') {
      if (!movementId || !awardItemId) return setProblem(t('create.chooseAward'));
      Object.assign(body, { movementId, awardItemId });
    } else {
      if (!awardForm) return setProblem(t('create.chooseAward'));
      Object.assign(body, { awardForm, receivingOrganisationId: receivingId ?? unitId });
    }
    create.mutate(body, {
      onSuccess: ({ id }) => {
        onClose();
        void navigate({ to: '/de-nghi/$batchId', params: { batchId: id } });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <AppSelect
          label={t('create.unit')}
          required
          searchable
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            setReceivingId(null);
          }}
          data={units}
          limit={300}
          filter={searchFolded as never}
          renderOption={({ option }) => (
            <span style={{ paddingInlineStart: `${((option as unknown as { depth: number }).depth ?? 0) * 0.75}rem` }}>{option.label}</span>
          )}
          data-testid="batch-unit"
        />
        <AppSelect
          label={t('create.kind')}
          required
          value={kind}
          onChange={(v) => v && setKind(v as NominationKind)}
          data={NOMINATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          allowDeselect={false}
          data-testid="batch-kind"
        />
        <Radio.Group label={t('create.source')} value={source} onChange={(v) => setSource(v as 'movement' | 'direct')}>
          <Group mt="xs">
            <Radio value="movement" label={t('create.fromMovement')} data-testid="batch-source-movement" />
            <Radio value="direct" label={t('create.direct')} data-testid="batch-source-direct" />
          </Group>
        </Radio.Group>
        {source === 'movement' ? (
          <>
            <AppSelect
              label={t('create.movement')}
              required
              searchable
              value={movementId}
              onChange={(v) => {
                setMovementId(v);
                setAwardItemId(null);
              }}
              data={(movements.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
              nothingFoundMessage={t('create.noMovements')}
              filter={searchFolded as never}
              data-testid="batch-movement"
            />
            {movementId && (
              <AppSelect
                label={t('create.awardItem')}
                required
                value={awardItemId}
                onChange={setAwardItemId}
                data={awardItems}
                data-testid="batch-award-item"
              />
            )}
            {chosenItem && chosenItem.quotas.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('create.quotaHint', {
                  quotas: chosenItem.quotas
                    .map((q) => `${q.appliesTo.label}: ${[q.individuals, q.collectives, q.total].map((n) => n ?? '–').join(' / ')}`)
                    .join('; '),
                })}
              </Text>
            )}
          </>
        ) : (
          <>
            <AppSelect
              label={t('create.awardForm')}
              required
              searchable
              value={awardForm}
              onChange={setAwardForm}
              data={(forms.data ?? []).map((f) => ({ value: f.code, label: f.name }))}
              filter={searchFolded as never}
              data-testid="batch-award-form"
            />
            <AppSelect
              label={t('create.receiving')}
              description={t('create.receivingHint')}
              value={receivingId ?? unitId}
              onChange={setReceivingId}
              data={receivers}
              disabled={!unit}
              data-testid="batch-receiving"
            />
          </>
        )}
        <NumberInput label={t('create.year')} value={year} onChange={setYear} min={1975} max={2100} allowDecimal={false} data-testid="batch-year" />
        <TextInput label={t('create.titleField')} description={t('create.titleHint')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={500} data-testid="batch-title" />
        {problem && (
          <Text c="red.8" size="sm" role="alert">
            {problem}
          </Text>
        )}
        <FormFooter error={create.error} busy={create.isPending} onCancel={onClose} submitLabel={t('create.submit')} />
      </Stack>
    </form>
  );
}
