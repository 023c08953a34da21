import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Input, MultiSelect, Paper, Radio, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { foldQuery, foldVietnamese } from '../../../shared/vn/fold.ts';
import { AppModal } from '../../app/AppModal.tsx';
import { AppSelect } from '../../app/AppSelect.tsx';
import { DateField } from '../../app/DateField.tsx';
import { FormFooter } from '../../app/FormFooter.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { appTexts } from '../../app/text.ts';
import { useTexts } from '../../i18n/texts.ts';
import type { ApiBody, ApiResponse } from '../../api/types.ts';
import { useOrgMembers, useOrgTree } from './api.ts';
import { KindSelect } from './OrgFields.tsx';
import { OrgSelect } from './OrgSelect.tsx';
import { reorganiseTexts } from './reorganise-text.ts';
import { buildTree, treeOrder } from './tree.ts';
import { ORG_LEVELS, type OrgDetail, type OrgKind, type OrgLevel } from './types.ts';

/**
 * Merging units into one and splitting one among several (POST /api/organisations/merge, /split):
 * the dialogs open from a unit's page. Each unit is sent with the version the tree gave, so a unit
 * someone changed meanwhile is refused (409) rather than overwritten.
 */
type MergeBody = ApiBody<'/api/organisations/merge', 'post'>;
type SplitBody = ApiBody<'/api/organisations/split', 'post'>;
type Result = ApiResponse<'/api/organisations/merge', 'post'>;
type Successor = MergeBody['successor'];

interface SuccessorDraft { mode: 'existing' | 'created'; id: string | null; name: string; parentId: string | null; kind: OrgKind; level: OrgLevel; code: string; shareNote: string }
const blank = (parentId: string | null, level: OrgLevel): SuccessorDraft =>
  ({ mode: 'existing', id: null, name: '', parentId, kind: 'peoples_committee', level, code: '', shareNote: '' });

function useReorganise<B>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<Result>(path, body),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** Versions of the units as the tree read them today (and ended ones, for a unit already closed). */
function useVersions() {
  const tree = useOrgTree(todayIso(), true);
  return useMemo(() => new Map((tree.data ?? []).map((o) => [o.id, o])), [tree.data]);
}

function toSuccessor(d: SuccessorDraft, versions: ReturnType<typeof useVersions>): Successor | null {
  const shareNote = d.shareNote.trim() || undefined;
  if (d.mode === 'existing') return d.id ? { id: d.id, version: versions.get(d.id)?.version ?? 0, shareNote } : null;
  if (!d.parentId || d.name.trim().length < 2) return null;
  return { create: { parentId: d.parentId, name: d.name.trim(), kind: d.kind, level: d.level, code: d.code.trim() || null }, shareNote };
}

function SuccessorFields({ draft, onChange, label, exclude, testId }: {
  draft: SuccessorDraft; onChange: (d: SuccessorDraft) => void; label: string; exclude: string[]; testId: string;
}) {
  const { t } = useTexts(reorganiseTexts);
  const { t: app } = useTexts(appTexts);
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{label}</Text>
          <SegmentedControl size="xs" value={draft.mode} onChange={(v) => onChange({ ...draft, mode: v as SuccessorDraft['mode'] })}
            data={[{ value: 'existing', label: t('existing') }, { value: 'created', label: t('created') }]} aria-label={label} />
        </Group>
        {draft.mode === 'existing' ? (
          <OrgSelect label={label} value={draft.id} onChange={(id) => onChange({ ...draft, id })} exclude={exclude} required data-testid={`${testId}-unit`} />
        ) : (
          <>
            <TextInput label={t('newName')} required value={draft.name} onChange={(e) => onChange({ ...draft, name: e.currentTarget.value })} data-testid={`${testId}-name`} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <OrgSelect label={t('newParent')} value={draft.parentId} onChange={(parentId) => onChange({ ...draft, parentId })} exclude={exclude} required />
              <KindSelect value={draft.kind} onChange={(kind) => onChange({ ...draft, kind })} />
              <AppSelect label={t('level')} required allowDeselect={false} value={draft.level} onChange={(v) => v && onChange({ ...draft, level: v as OrgLevel })}
                data={ORG_LEVELS.map((l) => ({ value: l, label: app(`org.levels.${l}`) }))} />
            </SimpleGrid>
            <TextInput label={t('code')} value={draft.code} onChange={(e) => onChange({ ...draft, code: e.currentTarget.value })} maw={240} />
          </>
        )}
        <TextInput label={t('shareNote')} value={draft.shareNote} onChange={(e) => onChange({ ...draft, shareNote: e.currentTarget.value })} />
      </Stack>
    </Paper>
  );
}

function Outcome({ result }: { result: Result }) {
  const { t } = useTexts(reorganiseTexts);
  return (
    <Alert color="green" title={t('doneTitle')} data-testid="reorganise-done">
      {t('done', {
        predecessors: result.predecessors.map((p) => p.name).join(', '), date: formatDate(result.predecessors[0]?.validTo),
        successors: result.successors.map((s) => s.name).join(', '), moved: result.employmentsMoved, residents: result.residencesMoved,
        households: result.householdsMoved, left: result.employmentsLeft, grantsMoved: result.grantsMoved, grantsEnded: result.grantsEnded,
      })}
    </Alert>
  );
}

function MergeForm({ org, onDone }: { org: OrgDetail; onDone: () => void }) {
  const { t } = useTexts(reorganiseTexts);
  const { t: app } = useTexts(appTexts);
  const versions = useVersions();
  const tree = useOrgTree(todayIso());
  const merge = useReorganise<MergeBody>('/api/organisations/merge');
  const [onDate, setOnDate] = useState('2025-07-01');
  const [others, setOthers] = useState<string[]>([]);
  const [successor, setSuccessor] = useState<SuccessorDraft>(blank(org.parentId, org.level));
  const [grants, setGrants] = useState<'move' | 'end'>('move');
  const options = useMemo(() => treeOrder(buildTree(tree.data ?? [])).filter(({ org: o }) => o.id !== org.id)
    .map(({ org: o }) => ({ value: o.id, label: o.name })), [tree.data, org.id]);
  const units = [org.id, ...others];
  const body = toSuccessor(successor, versions);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!body || !onDate) return;
    merge.mutate({ onDate, units: units.map((id) => ({ id, version: versions.get(id)?.version ?? org.version })), successor: body, grants });
  };
  if (merge.data) {
    return <Stack><Outcome result={merge.data} /><Group justify="flex-end"><Button onClick={onDone}>{app('common.close')}</Button></Group></Stack>;
  }
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">{t('mergeIntro')}</Text>
        <DateField label={t('onDate')} description={t('onDateHint')} required value={onDate} onChange={setOnDate} />
        <Input.Wrapper label={t('others')} id="merge-others">
          <MultiSelect id="merge-others" searchable placeholder={t('othersPlaceholder')} data={options} value={others} onChange={setOthers}
            filter={({ options: all, search }) => all.filter((o) => 'label' in o && foldVietnamese(o.label).includes(foldQuery(search)))}
            data-testid="merge-others" clearButtonProps={{ 'aria-label': app('common.clear') }} />
        </Input.Wrapper>
        <SuccessorFields draft={successor} onChange={setSuccessor} label={t('successor')} exclude={units} testId="merge-successor" />
        <Radio.Group label={t('grants')} value={grants} onChange={(v) => setGrants(v as 'move' | 'end')}>
          <Group mt="xs">
            <Radio value="move" label={t('grantsMove')} />
            <Radio value="end" label={t('grantsEnd')} />
          </Group>
        </Radio.Group>
        <FormFooter error={merge.error} busy={merge.isPending} disabled={!body || !onDate} onCancel={onDone} submitLabel={t('submitMerge')} />
      </Stack>
    </form>
  );
}

function SplitForm({ org, onDone }: { org: OrgDetail; onDone: () => void }) {
  const { t } = useTexts(reorganiseTexts);
  const { t: app } = useTexts(appTexts);
  const versions = useVersions();
  const split = useReorganise<SplitBody>('/api/organisations/split');
  const [onDate, setOnDate] = useState('2025-07-01');
  const [drafts, setDrafts] = useState<SuccessorDraft[]>([blank(org.parentId, 'commune'), blank(org.parentId, 'commune')]);
  const [placed, setPlaced] = useState<Record<string, string>>({});
  const [grantsTo, setGrantsTo] = useState<string>('end');
  const dayBefore = useMemo(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(onDate)) return todayIso();
    const d = new Date(`${onDate}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }, [onDate]);
  const members = useOrgMembers(org.id, dayBefore);
  const bodies = drafts.map((d) => toSuccessor(d, versions));
  const nameOf = (i: number) => {
    const d = drafts[i]!;
    return (d.mode === 'existing' ? (d.id ? versions.get(d.id)?.name : undefined) : d.name.trim()) || `${t('successorN', { n: i + 1 })} ${t('unnamed')}`;
  };
  const successorChoices = [{ value: '', label: t('later') }, ...drafts.map((_, i) => ({ value: String(i), label: nameOf(i) }))];
  const chosen = drafts.flatMap((d) => (d.mode === 'existing' && d.id ? [d.id] : []));
  const ready = bodies.every((b) => b !== null) && onDate !== '';

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!ready) return;
    split.mutate({
      onDate, unit: { id: org.id, version: versions.get(org.id)?.version ?? org.version }, successors: bodies as Successor[],
      employments: Object.entries(placed).filter(([, v]) => v !== '').map(([employmentId, v]) => ({ employmentId, successor: Number(v) })),
      grantsTo: grantsTo === 'end' ? null : Number(grantsTo),
    });
  };
  if (split.data) {
    return <Stack><Outcome result={split.data} /><Group justify="flex-end"><Button onClick={onDone}>{app('common.close')}</Button></Group></Stack>;
  }
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">{t('splitIntro')}</Text>
        <DateField label={t('onDate')} description={t('onDateHint')} required value={onDate} onChange={setOnDate} />
        {drafts.map((d, i) => (
          <Stack key={i} gap={4}>
            <SuccessorFields draft={d} label={t('successorN', { n: i + 1 })} exclude={[org.id, ...chosen.filter((id) => id !== d.id)]} testId={`split-successor-${i}`}
              onChange={(next) => setDrafts(drafts.map((x, j) => (j === i ? next : x)))} />
            {drafts.length > 2 && (
              <Group justify="flex-end">
                <Button variant="subtle" size="xs" color="red" onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>
                  {t('removeSuccessor', { n: i + 1 })}
                </Button>
              </Group>
            )}
          </Stack>
        ))}
        <Group><Button variant="default" onClick={() => setDrafts([...drafts, blank(org.parentId, 'commune')])}>{t('addSuccessor')}</Button></Group>
        <Text fw={600}>{t('people', { count: members.data?.length ?? 0 })}</Text>
        {(members.data ?? []).length === 0 ? <Text size="sm" c="dimmed">{t('noPeople')}</Text> : (
          <Table data-testid="split-people">
            <Table.Tbody>
              {(members.data ?? []).map((m) => (
                <Table.Tr key={m.employmentId}>
                  <Table.Td>{m.fullName}<Text size="xs" c="dimmed">{m.position}</Text></Table.Td>
                  <Table.Td w={280}>
                    <AppSelect label={t('personTo', { name: m.fullName })} styles={{ label: { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' } }} allowDeselect={false}
                      value={placed[m.employmentId] ?? ''} data={successorChoices}
                      onChange={(v) => setPlaced({ ...placed, [m.employmentId]: v ?? '' })} data-testid={`split-person-${m.personId}`} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <AppSelect label={t('grantsTo')} allowDeselect={false} value={grantsTo} onChange={(v) => setGrantsTo(v ?? 'end')}
          data={[{ value: 'end', label: t('grantsEndOption') }, ...drafts.map((_, i) => ({ value: String(i), label: t('grantsToOption', { name: nameOf(i) }) }))]} />
        <FormFooter error={split.error} busy={split.isPending} disabled={!ready} onCancel={onDone} submitLabel={t('submitSplit')} />
      </Stack>
    </form>
  );
}

/** The buttons on a unit's page (organisation writers, a unit still in force); the dialog stays until closed when the unit has just ended. */
export function ReorganiseButtons({ org, ended }: { org: OrgDetail; ended: boolean }) {
  const { t } = useTexts(reorganiseTexts);
  const [open, setOpen] = useState<'merge' | 'split' | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      {!ended && <Button variant="default" onClick={() => setOpen('merge')} data-testid="org-merge">{t('mergeButton')}</Button>}
      {!ended && <Button variant="default" onClick={() => setOpen('split')} data-testid="org-split">{t('splitButton')}</Button>}
      <AppModal opened={open === 'merge'} onClose={close} title={t('mergeTitle', { name: org.name })} size="xl">
        <MergeForm org={org} onDone={close} />
      </AppModal>
      <AppModal opened={open === 'split'} onClose={close} title={t('splitTitle', { name: org.name })} size="xl">
        <SplitForm org={org} onDone={close} />
      </AppModal>
    </>
  );
}
