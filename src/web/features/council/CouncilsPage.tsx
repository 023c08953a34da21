import { useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { AppModal } from '../../app/AppModal.tsx';
import { AppSelect } from '../../app/AppSelect.tsx';
import { DateField } from '../../app/DateField.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import type { ApiResponse } from '../../api/types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { PersonPicker, UnitPicker, useUnitOptions } from './pickers.tsx';
import { councilRegistryTexts } from './registry-text.ts';

/**
 * The councils of the units the standing agency runs (issue 14.2): the list, a council's form (members,
 * posts, terms, secretary), and the end of its term. An edit sends the version it read: when someone
 * else saved meanwhile, the server answers 409 and the form says so.
 */
type CouncilList = ApiResponse<'/api/council/councils', 'get'>['items'];
type Council = ApiResponse<'/api/council/councils/{id}', 'get'>;
type Post = Council['members'][number]['role'];
type Level = NonNullable<Council['level']>;
const POSTS: Post[] = ['chair', 'vice_chair', 'standing_member', 'member', 'secretary'];
const LEVELS: Level[] = ['central', 'province', 'district', 'commune'];

interface MemberDraft { key: number; personId: string | null; label: string; role: Post; title: string; termFrom: string | null; termTo: string | null }
interface Draft {
  code: string; name: string; organisationId: string | null; level: Level | null; validFrom: string | null; validTo: string | null;
  establishedBy: string; members: MemberDraft[];
}

let keys = 0;
const newMember = (role: Post = 'member'): MemberDraft => ({ key: ++keys, personId: null, label: '', role, title: '', termFrom: null, termTo: null });
const draftOf = (c: Council | null): Draft => c ? {
  code: c.code ?? '', name: c.name, organisationId: c.organisation.id, level: c.level, validFrom: c.validFrom, validTo: c.validTo,
  establishedBy: c.establishedBy,
  members: c.members.map((m) => ({ key: ++keys, personId: m.personId, label: [m.fullName, m.personCode].filter(Boolean).join(' – '), role: m.role,
    title: m.title, termFrom: m.termFrom, termTo: m.termTo })),
} : { code: '', name: 'Hội đồng Thi đua – Khen thưởng ', organisationId: null, level: null, validFrom: todayIso(), validTo: null, establishedBy: '',
  members: [newMember('chair'), newMember('vice_chair'), newMember('member'), newMember('secretary')] };

export function CouncilsPage() {
  return <RequireRole roles={['system_admin', 'standing_officer']}><Councils /></RequireRole>;
}

function Councils() {
  const { t } = useTexts(councilRegistryTexts);
  usePageTitle(t('title'));
  const [includeClosed, setIncludeClosed] = useState(false);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['council', 'councils', includeClosed],
    queryFn: async () => (await api.get<{ items: CouncilList }>('/api/council/councils', { includeClosed })).items,
  });
  return (
    <Stack maw={1100}>
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <Group>
        <Button onClick={() => setEditing('new')} data-testid="council-add">{t('add')}</Button>
        <AnchorLink to="/nhap-du-lieu-ban-dau">{t('toImport')}</AnchorLink>
        <AnchorLink to="/hoi-dong">{t('toMeetings')}</AnchorLink>
      </Group>
      <Checkbox label={t('includeClosed')} checked={includeClosed} onChange={(e) => setIncludeClosed(e.currentTarget.checked)} />
      <ErrorAlert error={list.error} />
      {list.isPending && <Loading />}
      {list.data && list.data.length === 0 && <Text c="dimmed">{t('none')}</Text>}
      {list.data && list.data.length > 0 && (
        <ScrollTable minWidth={760} label={t('title')}>
          <Table striped withTableBorder data-testid="councils-table">
            <Table.Thead>
              <Table.Tr>
                {(['code', 'name', 'organisation', 'term', 'members', 'actions'] as const).map((k) => <Table.Th key={k} scope="col">{t(`columns.${k}`)}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.code}</Table.Td>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.organisation.name}</Table.Td>
                  <Table.Td>{c.validTo ? t('termClosed', { from: formatDate(c.validFrom), to: formatDate(c.validTo) }) : t('termOpen', { from: formatDate(c.validFrom) })}</Table.Td>
                  <Table.Td>{c.memberCount}</Table.Td>
                  <Table.Td><Button size="xs" variant="light" onClick={() => setEditing(c.id)} aria-label={`${t('edit')} ${c.name}`}>{t('edit')}</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <AppModal opened={editing !== null} onClose={() => setEditing(null)} size="xl"
        title={editing === 'new' ? t('createTitle') : t('editTitle', { name: list.data?.find((c) => c.id === editing)?.name ?? '' })}>
        {editing === 'new' && <CouncilForm council={null} onDone={() => setEditing(null)} />}
        {editing && editing !== 'new' && <EditCouncil id={editing} onDone={() => setEditing(null)} />}
      </AppModal>
    </Stack>
  );
}

function EditCouncil({ id, onDone }: { id: string; onDone: () => void }) {
  const council = useQuery({ queryKey: ['council', 'councils', 'one', id], queryFn: () => api.get<Council>(`/api/council/councils/${id}`) });
  if (council.error) return <ErrorAlert error={council.error} />;
  if (!council.data) return <Loading />;
  return <CouncilForm key={council.data.version} council={council.data} onDone={onDone} />;
}

function CouncilForm({ council, onDone }: { council: Council | null; onDone: () => void }) {
  const { t } = useTexts(councilRegistryTexts);
  const { me } = useAuth();
  const queryClient = useQueryClient();
  const managed = me.grants.filter((g) => g.role === 'system_admin' || g.role === 'standing_officer').map((g) => g.organisationId);
  const units = useUnitOptions(managed);
  const [draft, setDraft] = useState<Draft>(() => draftOf(council));
  const [missing, setMissing] = useState(false);
  const [closeOn, setCloseOn] = useState<string | null>(todayIso());
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setMember = (key: number, patch: Partial<MemberDraft>) =>
    setDraft((d) => ({ ...d, members: d.members.map((m) => (m.key === key ? { ...m, ...patch } : m)) }));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        code: draft.code.trim(), name: draft.name.trim(), organisationId: draft.organisationId!, level: draft.level, validFrom: draft.validFrom!,
        validTo: draft.validTo, establishedBy: draft.establishedBy.trim(),
        members: draft.members.map((m) => ({ personId: m.personId!, role: m.role, title: m.title.trim(), termFrom: m.termFrom, termTo: m.termTo })),
      };
      return council ? api.put<Council>(`/api/council/councils/${council.id}`, { ...body, version: council.version })
        : api.post<Council>('/api/council/councils', body);
    },
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['council'] }); onDone(); },
  });
  const close = useMutation({
    mutationFn: () => api.post<Council>(`/api/council/councils/${council!.id}/close`, { version: council!.version, validTo: closeOn }),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['council'] }); onDone(); },
  });
  const submit = () => {
    const incomplete = !draft.code.trim() || !draft.name.trim() || !draft.organisationId || !draft.validFrom || draft.members.some((m) => !m.personId);
    setMissing(incomplete);
    if (!incomplete) save.mutate();
  };

  return (
    <Stack data-testid="council-form">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('code')} description={t('codeHint')} required value={draft.code} onChange={(e) => set({ code: e.currentTarget.value })} data-testid="council-code" />
        <TextInput label={t('name')} required value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} data-testid="council-name" />
        <UnitPicker label={t('organisation')} required value={draft.organisationId} onChange={(v) => set({ organisationId: v })} data={units} testId="council-unit" />
        <AppSelect label={t('level')} value={draft.level} onChange={(v) => set({ level: v as Level | null })} clearable
          data={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} data-testid="council-level" />
        <DateField label={t('validFrom')} required value={draft.validFrom ?? ''} onChange={(v) => set({ validFrom: v || null })} />
        <DateField label={t('validTo')} clearable value={draft.validTo ?? ''} onChange={(v) => set({ validTo: v || null })} />
      </SimpleGrid>
      <TextInput label={t('establishedBy')} value={draft.establishedBy} onChange={(e) => set({ establishedBy: e.currentTarget.value })} />

      <Title order={3} size="h4">{t('members')}</Title>
      {draft.members.map((m, i) => (
        <Paper key={m.key} withBorder p="sm" data-testid={`council-member-${i}`}>
          <Group align="end" wrap="wrap" gap="sm">
            <div style={{ flex: '2 1 260px' }}>
              <PersonPicker label={`${t('member')} ${i + 1}`} value={m.personId} initialLabel={m.label} required placeholder={t('searchPerson')}
                nothingFound={t('noPeople')} onChange={(personId, label) => setMember(m.key, { personId, label })} testId={`council-member-${i}-person`} />
            </div>
            <AppSelect label={t('post')} value={m.role} onChange={(v) => v && setMember(m.key, { role: v as Post })} maw={190}
              data={POSTS.map((p) => ({ value: p, label: t(`posts.${p}`) }))} data-testid={`council-member-${i}-post`} />
            <TextInput label={t('titleField')} value={m.title} onChange={(e) => setMember(m.key, { title: e.currentTarget.value })} maw={220} />
            <DateField label={t('termFrom')} clearable value={m.termFrom ?? ''} onChange={(v) => setMember(m.key, { termFrom: v || null })} maw={150} />
            <DateField label={t('termTo')} clearable value={m.termTo ?? ''} onChange={(v) => setMember(m.key, { termTo: v || null })} maw={150} />
            <ActionIcon variant="subtle" color="red" size="lg" mb={4} aria-label={t('removeMember', { n: i + 1 })}
              onClick={() => set({ members: draft.members.filter((x) => x.key !== m.key) })}>✕</ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group><Button variant="default" onClick={() => set({ members: [...draft.members, newMember()] })} data-testid="council-add-member">{t('addMember')}</Button></Group>

      {missing && <Alert color="orange" role="alert">{t('missing')}</Alert>}
      <ErrorAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('cancel')}</Button>
        <Button onClick={submit} loading={save.isPending} data-testid="council-save">{t('save')}</Button>
      </Group>

      {council && (
        <Paper withBorder p="sm">
          <Title order={3} size="h5">{t('closeTitle')}</Title>
          <Text size="sm" c="dimmed">{t('closeHint')}</Text>
          <Group align="end" mt="xs">
            <DateField label={t('closeDate')} value={closeOn ?? ''} onChange={(v) => setCloseOn(v || null)} required />
            <Button color="red" variant="light" onClick={() => close.mutate()} loading={close.isPending} disabled={!closeOn} data-testid="council-close">{t('close')}</Button>
          </Group>
          <ErrorAlert error={close.error} />
        </Paper>
      )}
    </Stack>
  );
}
