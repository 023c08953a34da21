import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { AppModal } from '../../app/AppModal.tsx';
import { ORG_READERS, PEOPLE_EDITORS, useAuth } from '../../app/auth.tsx';
import { DateField } from '../../app/DateField.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { FormFooter } from '../../app/FormFooter.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { RequireRole } from '../../app/RequireRole.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useTexts } from '../../i18n/texts.ts';
import { PersonPicker } from '../admin/PersonPicker.tsx';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { useCloseHousehold, useCreateHousehold, useHousehold, useHouseholds, useUpdateHousehold, type Household, type HouseholdItem } from './api.ts';
import { householdsTexts } from './text.ts';

/** Households of the communes in scope: list, add, edit (with the version read), close. */
export function HouseholdsPage() {
  return (
    <RequireRole roles={ORG_READERS}>
      <Households />
    </RequireRole>
  );
}

interface MemberDraft { personId: string | null; label?: string; relation: string }

function HouseholdForm({ household, onDone }: { household: Household | null; onDone: () => void }) {
  const { t } = useTexts(householdsTexts);
  const create = useCreateHousehold();
  const update = useUpdateHousehold(household?.id ?? '');
  const [organisationId, setOrganisationId] = useState<string | null>(household?.organisation.id ?? null);
  const [code, setCode] = useState(household?.code ?? '');
  const [village, setVillage] = useState(household?.village ?? '');
  const [address, setAddress] = useState(household?.address ?? '');
  const [members, setMembers] = useState<MemberDraft[]>(household
    ? household.members.map((m) => ({ personId: m.personId, label: m.fullName, relation: m.relation }))
    : [{ personId: null, relation: 'Chủ hộ' }]);
  const [head, setHead] = useState<number>(Math.max(0, household ? household.members.findIndex((m) => m.personId === household.headPersonId) : 0));
  const mutation = household ? update : create;
  const chosen = members.filter((m) => m.personId !== null);
  const ready = organisationId !== null && village.trim() !== '' && chosen.length === members.length && members[head]?.personId;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!ready) return;
    const list = members.map((m) => ({ personId: m.personId!, relation: m.relation.trim() }));
    const body = { code: code.trim() || null, village: village.trim(), address: address.trim(), headPersonId: members[head]!.personId!, members: list };
    if (household) update.mutate({ ...body, version: household.version }, { onSuccess: onDone });
    else create.mutate({ ...body, organisationId: organisationId! }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        {!household && <OrgSelect label={t('commune')} value={organisationId} onChange={setOrganisationId} required data-testid="household-commune" />}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('village')} required value={village} onChange={(e) => setVillage(e.currentTarget.value)} data-testid="household-village" />
          <TextInput label={t('address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} />
          <TextInput label={t('code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        </SimpleGrid>
        <Radio.Group label={t('members')} value={String(head)} onChange={(v) => setHead(Number(v))}>
          <Stack gap="xs" mt="xs">
            {members.map((m, i) => (
              <Group key={i} align="flex-end" wrap="nowrap">
                <div style={{ flex: 2 }}>
                  <PersonPicker label={t('memberN', { n: i + 1 })} value={m.personId} chosenLabel={m.label}
                    onChange={(personId) => setMembers(members.map((x, j) => (j === i ? { ...x, personId } : x)))} />
                </div>
                <TextInput style={{ flex: 1 }} label={t('relation')} value={m.relation}
                  onChange={(e) => { const relation = e.currentTarget.value; setMembers(members.map((x, j) => (j === i ? { ...x, relation } : x))); }} />
                <Radio value={String(i)} label={t('isHead')} mb={8} />
                {members.length > 1 && (
                  <Button variant="subtle" color="red" size="xs" mb={4} aria-label={t('removeMember', { n: i + 1 })}
                    onClick={() => { setMembers(members.filter((_, j) => j !== i)); setHead(head >= i && head > 0 ? head - 1 : head); }}>×</Button>
                )}
              </Group>
            ))}
          </Stack>
        </Radio.Group>
        <Group><Button variant="default" onClick={() => setMembers([...members, { personId: null, relation: '' }])}>{t('addMember')}</Button></Group>
        <FormFooter error={mutation.error} busy={mutation.isPending} disabled={!ready} onCancel={onDone} submitLabel={household ? t('edit') : t('add')} />
      </Stack>
    </form>
  );
}

function CloseForm({ household, onDone }: { household: Household; onDone: () => void }) {
  const { t } = useTexts(householdsTexts);
  const close = useCloseHousehold(household.id);
  const [closedOn, setClosedOn] = useState(todayIso());
  return (
    <form onSubmit={(e) => { e.preventDefault(); close.mutate({ version: household.version, closedOn }, { onSuccess: onDone }); }}>
      <Stack>
        <Text size="sm">{t('closeHint')}</Text>
        <DateField label={t('closedOn')} required value={closedOn} onChange={setClosedOn} />
        <FormFooter error={close.error} busy={close.isPending} disabled={!closedOn} onCancel={onDone} submitLabel={t('close')} />
      </Stack>
    </form>
  );
}

function Row({ item, editable }: { item: HouseholdItem; editable: boolean }) {
  const { t } = useTexts(householdsTexts);
  const [open, setOpen] = useState<'edit' | 'close' | null>(null);
  const detail = useHousehold(open ? item.id : null);
  return (
    <Table.Tr>
      <Table.Td>{item.headName}<Text size="xs" c="dimmed">{item.code ?? ''}</Text></Table.Td>
      <Table.Td>{item.village}{item.address ? `, ${item.address}` : ''}</Table.Td>
      <Table.Td>{item.organisation.name}</Table.Td>
      <Table.Td>{item.memberCount}</Table.Td>
      <Table.Td>{item.closedOn ? <Badge color="gray" variant="light">{t('closed', { date: formatDate(item.closedOn) })}</Badge> : <Badge variant="light">{t('open')}</Badge>}</Table.Td>
      <Table.Td>
        {editable && !item.closedOn && (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="default" onClick={() => setOpen('edit')}>{t('edit')}</Button>
            <Button size="xs" variant="default" onClick={() => setOpen('close')}>{t('close')}</Button>
          </Group>
        )}
        <AppModal opened={open !== null} onClose={() => setOpen(null)} size="xl"
          title={open === 'close' ? t('closeTitle', { name: item.headName }) : t('editTitle', { name: item.headName })}>
          {detail.data ? (open === 'close' ? <CloseForm household={detail.data} onDone={() => setOpen(null)} />
            : <HouseholdForm household={detail.data} onDone={() => setOpen(null)} />) : <ErrorAlert error={detail.error} />}
        </AppModal>
      </Table.Td>
    </Table.Tr>
  );
}

function Households() {
  const { t, lang } = useTexts(householdsTexts);
  usePageTitle(t('title'));
  const { hasRole } = useAuth();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [includeClosed, setIncludeClosed] = useState(false);
  const [adding, setAdding] = useState(false);
  const list = useHouseholds(debounced.trim(), includeClosed);
  const editable = hasRole(...PEOPLE_EDITORS);
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <Group align="flex-end">
        <TextInput label={t('search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={320} />
        <Checkbox label={t('includeClosed')} checked={includeClosed} onChange={(e) => setIncludeClosed(e.currentTarget.checked)} mb={8} />
        {editable && <Button onClick={() => setAdding(true)} data-testid="household-add">{t('add')}</Button>}
      </Group>
      <ErrorAlert error={list.error} />
      <Text size="sm">{list.data?.totalCapped
        ? t('totalMore', { count: list.data.total.toLocaleString(lang) })
        : t('total', { count: list.data?.total ?? 0 })}</Text>
      {items.length === 0 ? <Text c="dimmed">{t('empty')}</Text> : (
        <ScrollTable minWidth={760} label={t('title')}>
          <Table data-testid="households-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('head')}</Table.Th><Table.Th>{t('village')}</Table.Th><Table.Th>{t('commune')}</Table.Th>
                <Table.Th>{t('members')}</Table.Th><Table.Th>{t('status')}</Table.Th><Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{items.map((h) => <Row key={h.id} item={h} editable={editable} />)}</Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <AppModal opened={adding} onClose={() => setAdding(false)} title={t('addTitle')} size="xl">
        <HouseholdForm household={null} onDone={() => setAdding(false)} />
      </AppModal>
    </Stack>
  );
}
