import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { AppModal } from '../../app/AppModal.tsx';
import { AppSelect } from '../../app/AppSelect.tsx';
import { DateField } from '../../app/DateField.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { currentYear, formatDate, todayIso } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import type { ApiResponse } from '../../api/types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { PersonPicker, UnitPicker, useUnitOptions } from '../council/pickers.tsx';
import { clusterSetupTexts } from './setup-text.ts';

/**
 * The clusters and blocks the standing agency organises (issue 14.2): a year's list, a cluster's form
 * (members, head, deputy, follower), dissolving one. An edit sends the version it read (409 when stale).
 */
type Cluster = ApiResponse<'/api/clusters/setup/{id}', 'get'>;
type Kind = Cluster['kind'];
type Role = Cluster['members'][number]['role'];
const KINDS: Kind[] = ['cluster', 'block'];
const ROLES: Role[] = ['head', 'deputy', 'member'];

interface MemberDraft { key: number; organisationId: string | null; role: Role }
interface Draft { code: string; name: string; kind: Kind; organiserId: string | null; followerId: string | null; followerLabel: string; members: MemberDraft[] }
let keys = 0;
const newMember = (role: Role = 'member'): MemberDraft => ({ key: ++keys, organisationId: null, role });

export function ClusterSetupPage() {
  return <RequireRole roles={['system_admin', 'standing_officer']}><Setup /></RequireRole>;
}

function Setup() {
  const { t } = useTexts(clusterSetupTexts);
  usePageTitle(t('title'));
  const [year, setYear] = useState(currentYear());
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['clusters', 'setup', year],
    queryFn: async () => (await api.get<{ items: Cluster[] }>('/api/clusters/setup', { year })).items,
  });
  const current = list.data?.find((c) => c.id === editing) ?? null;
  return (
    <Stack maw={1100}>
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <Group align="end">
        <NumberInput label={t('year')} value={year} min={1975} max={2100} allowDecimal={false} maw={120}
          onChange={(v) => typeof v === 'number' && v >= 1975 && v <= 2100 && setYear(v)} data-testid="setup-year" />
        <Button onClick={() => setEditing('new')} data-testid="cluster-add">{t('add')}</Button>
        <AnchorLink to="/nhap-du-lieu-ban-dau">{t('toImport')}</AnchorLink>
        <AnchorLink to="/cum-khoi" search={{ year }}>{t('toScoring')}</AnchorLink>
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loading />}
      {list.data && list.data.length === 0 && <Text c="dimmed">{t('none')}</Text>}
      {list.data && list.data.length > 0 && (
        <ScrollTable minWidth={820} label={t('title')}>
          <Table striped withTableBorder data-testid="clusters-setup-table">
            <Table.Thead>
              <Table.Tr>
                {(['code', 'name', 'kind', 'head', 'members', 'follower', 'actions'] as const).map((k) => <Table.Th key={k} scope="col">{t(`columns.${k}`)}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.code}</Table.Td>
                  <Table.Td>
                    {c.name}
                    {c.closedOn && <Badge ml="xs" color="gray" variant="light">{t('closed', { date: formatDate(c.closedOn) })}</Badge>}
                  </Table.Td>
                  <Table.Td>{t(`kinds.${c.kind}`)}</Table.Td>
                  <Table.Td>{c.members.find((m) => m.role === 'head')?.name ?? '—'}</Table.Td>
                  <Table.Td>{c.members.map((m) => m.name).join('; ') || '—'}</Table.Td>
                  <Table.Td>{c.follower?.fullName ?? '—'}</Table.Td>
                  <Table.Td>
                    {!c.closedOn && <Button size="xs" variant="light" onClick={() => setEditing(c.id)} aria-label={`${t('edit')} ${c.name}`}>{t('edit')}</Button>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <AppModal opened={editing !== null} onClose={() => setEditing(null)} size="xl"
        title={editing === 'new' ? t('createTitle', { year }) : t('editTitle', { name: current?.name ?? '', year })}>
        {editing === 'new' && <ClusterForm cluster={null} year={year} onDone={() => setEditing(null)} />}
        {current && <ClusterForm key={`${current.id}-${current.version}`} cluster={current} year={year} onDone={() => setEditing(null)} />}
      </AppModal>
    </Stack>
  );
}

function ClusterForm({ cluster, year, onDone }: { cluster: Cluster | null; year: number; onDone: () => void }) {
  const { t } = useTexts(clusterSetupTexts);
  const { me } = useAuth();
  const queryClient = useQueryClient();
  const managed = me.grants.filter((g) => g.role === 'system_admin' || g.role === 'standing_officer').map((g) => g.organisationId);
  const organisers = useUnitOptions(managed);
  const units = useUnitOptions();
  const [draft, setDraft] = useState<Draft>(() => cluster ? {
    code: cluster.code ?? '', name: cluster.name, kind: cluster.kind, organiserId: cluster.organiser.id, followerId: cluster.follower?.personId ?? null,
    followerLabel: cluster.follower?.fullName ?? '', members: cluster.members.map((m) => ({ key: ++keys, organisationId: m.organisationId, role: m.role })),
  } : { code: '', name: '', kind: 'cluster', organiserId: managed[0] ?? null, followerId: null, followerLabel: '', members: [newMember('head'), newMember('deputy'), newMember()] });
  const [missing, setMissing] = useState(false);
  const [closeOn, setCloseOn] = useState(todayIso());
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setMember = (key: number, patch: Partial<MemberDraft>) =>
    setDraft((d) => ({ ...d, members: d.members.map((m) => (m.key === key ? { ...m, ...patch } : m)) }));
  const done = async () => { await queryClient.invalidateQueries({ queryKey: ['clusters'] }); onDone(); };
  const save = useMutation({
    mutationFn: () => {
      const body = {
        code: draft.code.trim(), name: draft.name.trim(), kind: draft.kind, organiserId: draft.organiserId!, year, followerId: draft.followerId,
        members: draft.members.map((m) => ({ organisationId: m.organisationId!, role: m.role })),
      };
      return cluster ? api.put<Cluster>(`/api/clusters/setup/${cluster.id}`, { ...body, version: cluster.version }) : api.post<Cluster>('/api/clusters/setup', body);
    },
    onSuccess: done,
  });
  const close = useMutation({
    mutationFn: () => api.post<Cluster>(`/api/clusters/setup/${cluster!.id}/close`, { version: cluster!.version, closedOn: closeOn }),
    onSuccess: done,
  });
  const submit = () => {
    const incomplete = !draft.code.trim() || !draft.name.trim() || !draft.organiserId || draft.members.some((m) => !m.organisationId);
    setMissing(incomplete);
    if (!incomplete) save.mutate();
  };

  return (
    <Stack data-testid="cluster-form">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('code')} description={t('codeHint')} required value={draft.code} onChange={(e) => set({ code: e.currentTarget.value })} data-testid="cluster-code" />
        <TextInput label={t('name')} required value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} data-testid="cluster-name" />
        <AppSelect label={t('kind')} required value={draft.kind} onChange={(v) => v && set({ kind: v as Kind })}
          data={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} data-testid="cluster-kind" />
        <UnitPicker label={t('organiser')} required value={draft.organiserId} onChange={(v) => set({ organiserId: v })} data={organisers} testId="cluster-organiser" />
      </SimpleGrid>
      <Title order={3} size="h4">{t('members', { year })}</Title>
      {draft.members.map((m, i) => (
        <Paper key={m.key} withBorder p="sm">
          <Group align="end" gap="sm">
            <div style={{ flex: '2 1 300px' }}>
              <UnitPicker label={`${t('unit')} ${i + 1}`} required value={m.organisationId} onChange={(v) => setMember(m.key, { organisationId: v })} data={units}
                testId={`cluster-member-${i}-unit`} />
            </div>
            <AppSelect label={t('role')} value={m.role} onChange={(v) => v && setMember(m.key, { role: v as Role })} maw={180}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid={`cluster-member-${i}-role`} />
            <ActionIcon variant="subtle" color="red" size="lg" mb={4} aria-label={t('removeMember', { n: i + 1 })}
              onClick={() => set({ members: draft.members.filter((x) => x.key !== m.key) })}>✕</ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group><Button variant="default" onClick={() => set({ members: [...draft.members, newMember()] })}>{t('addMember')}</Button></Group>
      <PersonPicker label={t('follower')} value={draft.followerId} initialLabel={draft.followerLabel} placeholder={t('searchPerson')} nothingFound={t('noPeople')}
        onChange={(followerId, followerLabel) => set({ followerId, followerLabel })} testId="cluster-follower" />
      <Text size="xs" c="dimmed" mt={-8}>{t('followerHint')}</Text>
      {missing && <Alert color="orange" role="alert">{t('missing')}</Alert>}
      <ErrorAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('cancel')}</Button>
        <Button onClick={submit} loading={save.isPending} data-testid="cluster-save">{t('save')}</Button>
      </Group>
      {cluster && (
        <Paper withBorder p="sm">
          <Title order={3} size="h5">{t('closeTitle')}</Title>
          <Text size="sm" c="dimmed">{t('closeHint')}</Text>
          <Group align="end" mt="xs">
            <DateField label={t('closeDate')} value={closeOn} onChange={setCloseOn} required />
            <Button color="red" variant="light" onClick={() => close.mutate()} loading={close.isPending} disabled={!closeOn}>{t('close')}</Button>
          </Group>
          <ErrorAlert error={close.error} />
        </Paper>
      )}
    </Stack>
  );
}
