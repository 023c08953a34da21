import { useMemo, useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, MultiSelect, NumberInput, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { todayIso } from '../../app/format.ts';
import { useOrgTree } from '../organisations/api.ts';
import type { PeoplePage } from '../people/types.ts';
import { AppSelect } from '../../app/AppSelect.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatInstant } from '../../app/format.ts';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { useApproveRegistration, useAwardForms, useRegister, useRegistrations } from './api.ts';
import type { MovementDetail } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';
import { appTexts } from '../../app/text.ts';

interface Row {
  key: string;
  awardForm: string | null;
  collectives: number | string;
  individuals: number | string;
  /** who registers by name (issue 17.7): when any is named, the counts are theirs */
  personIds: string[];
  organisationIds: string[];
}

const emptyRow = (): Row => ({ key: crypto.randomUUID(), awardForm: null, collectives: '', individuals: '', personIds: [], organisationIds: [] });

/** The people working in the unit (its subtree) and its collectives, to name who registers. */
function useRegistrable(organisationId: string | null) {
  const people = useQuery({
    queryKey: ['people', 'registrable', organisationId], enabled: organisationId !== null,
    queryFn: () => api.get<PeoplePage>('/api/people', { organisationId: organisationId!, pageSize: 200 }),
    select: (data) => data.items.filter((p) => p.organisation !== null).map((p) => ({ value: p.id, label: [p.fullName, p.code].filter(Boolean).join(' – ') })),
  });
  const tree = useOrgTree(todayIso());
  const units = useMemo(() => {
    const root = tree.data?.find((o) => o.id === organisationId);
    return root ? (tree.data ?? []).filter((o) => o.path.startsWith(root.path)).map((o) => ({ value: o.id, label: o.name })) : [];
  }, [tree.data, organisationId]);
  return { people: people.data ?? [], units };
}
const count = (v: number | string) => (v === '' ? undefined : Number(v));

function RegistrationForm({ movement }: { movement: MovementDetail }) {
  const { t } = useTexts(appTexts);
  const mv = useTexts(movementsTexts);
  const register = useRegister(movement.id);
  const awardForms = useAwardForms();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [commitments, setCommitments] = useState('');
  const [saved, setSaved] = useState(false);
  const registrable = useRegistrable(organisationId);
  const setRow = (key: string, change: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!organisationId) return;
    setSaved(false);
    register.mutate(
      {
        organisationId,
        titles: rows
          .filter((r) => r.awardForm)
          .map((r) => (r.personIds.length || r.organisationIds.length
            ? { awardForm: r.awardForm!, personIds: r.personIds, organisationIds: r.organisationIds }
            : { awardForm: r.awardForm!, collectives: count(r.collectives), individuals: count(r.individuals) })),
        commitments: commitments.trim(),
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mv-register-heading">
      <Title order={2} size="h4" id="mv-register-heading" mb="sm">
        {mv.t('registrations.form')}
      </Title>
      <form onSubmit={submit}>
        <Stack>
          <OrgSelect label={mv.t('registrations.formOrganisation')} required value={organisationId} data-testid="registration-unit"
            onChange={(id) => { setOrganisationId(id); setRows((all) => all.map((r) => ({ ...r, personIds: [], organisationIds: [] }))); }} />
          {rows.map((row, i) => (
            <Stack key={row.key} gap="xs" role="group" aria-label={mv.t('registrations.titleRow', { index: i + 1 })}>
            <Group align="flex-end" wrap="wrap">
              <AppSelect
                label={mv.t('registrations.awardForm')}
                searchable
                value={row.awardForm}
                onChange={(v) => setRow(row.key, { awardForm: v })}
                data-testid={`registration-form-${i}`}
                data={(awardForms.data ?? []).map((f) => ({ value: f.code, label: f.name }))}
                style={{ flex: '1 1 18rem' }}
              />
              <NumberInput label={mv.t('registrations.collectives')} min={0} allowDecimal={false} value={row.collectives} onChange={(v) => setRow(row.key, { collectives: v })} w={130} />
              <NumberInput label={mv.t('registrations.individuals')} min={0} allowDecimal={false} value={row.individuals} onChange={(v) => setRow(row.key, { individuals: v })} w={130} />
              {rows.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={mv.t('registrations.removeTitle', { index: i + 1 })}
                  onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                >
                  <span aria-hidden="true">×</span>
                </ActionIcon>
              )}
            </Group>
            {organisationId && (
              <Group align="flex-start" wrap="wrap" grow>
                <MultiSelect label={mv.t('registrations.namedPeople')} description={mv.t('registrations.namedHint')} searchable clearable
                  data={registrable.people} value={row.personIds} onChange={(v) => setRow(row.key, { personIds: v })}
                  clearButtonProps={{ 'aria-label': t('common.clear') }} data-testid={`registration-people-${i}`} />
                <MultiSelect label={mv.t('registrations.namedCollectives')} searchable clearable
                  data={registrable.units} value={row.organisationIds} onChange={(v) => setRow(row.key, { organisationIds: v })}
                  clearButtonProps={{ 'aria-label': t('common.clear') }} data-testid={`registration-collectives-${i}`} />
              </Group>
            )}
            </Stack>
          ))}
          <Group>
            <Button variant="subtle" onClick={() => setRows((all) => [...all, emptyRow()])}>
              {mv.t('registrations.addTitle')}
            </Button>
          </Group>
          <Textarea label={mv.t('registrations.commitments')} autosize minRows={3} value={commitments} onChange={(e) => setCommitments(e.currentTarget.value)} />
          <ErrorAlert error={register.error} />
          {saved && (
            // an alert, not green text: green.9 on white is below the 4.5:1 contrast AA asks of small text
            <Alert role="status" color="green" variant="light" data-testid="registration-saved">
              {mv.t('registrations.saved')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={register.isPending} disabled={!organisationId} data-testid="movement-register">
              {mv.t('registrations.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The registrations compiled from the units in the user's scope, and the form to register one's own unit. */
export function RegistrationsTab({ movement, canRegister }: { movement: MovementDetail; canRegister: boolean }) {
  const mv = useTexts(movementsTexts);
  const query = useRegistrations(movement.id);
  const approve = useApproveRegistration(movement.id);
  const awardForms = useAwardForms();
  const formName = (code: string) => awardForms.data?.find((f) => f.code === code)?.name ?? code;
  return (
    <Stack>
      <ErrorAlert error={query.error ?? approve.error} />
      {query.isPending && <Loading />}
      {query.data && (
        <ScrollTable minWidth={880} label={mv.t('registrations.caption')}>
          <Table striped aria-label={mv.t('registrations.caption')} data-testid="movement-registrations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{mv.t('registrations.organisation')}</Table.Th>
                <Table.Th scope="col">{mv.t('registrations.titles')}</Table.Th>
                <Table.Th scope="col">{mv.t('registrations.commitments')}</Table.Th>
                <Table.Th scope="col">{mv.t('registrations.registeredAt')}</Table.Th>
                <Table.Th scope="col">{mv.t('registrations.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>{mv.t('registrations.empty')}</Table.Td>
                </Table.Tr>
              )}
              {query.data.map((r) => (
                <Table.Tr key={r.organisation.id}>
                  <Table.Td>{r.organisation.name}</Table.Td>
                  <Table.Td>
                    {r.titles.map((title, i) => (
                      <Stack gap={0} key={i} mb={4}>
                        <Text size="sm">
                          {mv.t('registrations.titleLine', { name: formName(title.awardForm), collectives: title.collectives ?? 0, individuals: title.individuals ?? 0 })}
                        </Text>
                        {title.people.length + title.collectivesNamed.length > 0 && (
                          <Text size="sm" c="dimmed" data-testid="registration-names">
                            {[...title.collectivesNamed, ...title.people].map((n) => n.name).join(', ')}
                          </Text>
                        )}
                      </Stack>
                    ))}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{r.commitments}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(r.registeredAt)}</Table.Td>
                  <Table.Td data-testid="registration-status" data-status={r.status}>
                    <Stack gap={4} align="flex-start">
                      <Badge variant={r.status === 'approved' ? 'light' : 'filled'} color={r.status === 'approved' ? 'green' : 'yellow'} autoContrast>
                        {mv.t(`registrations.statuses.${r.status}`)}
                      </Badge>
                      {r.canApprove && (
                        <Button size="compact-sm" onClick={() => approve.mutate(r.organisation.id)} loading={approve.isPending && approve.variables === r.organisation.id}
                          data-testid="registration-approve">
                          {mv.t('registrations.approve')}
                        </Button>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {canRegister && <RegistrationForm movement={movement} />}
    </Stack>
  );
}
