import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatInstant } from '../../app/format.ts';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { useAwardForms, useRegister, useRegistrations } from './api.ts';
import type { MovementDetail } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

interface Row {
  key: string;
  awardForm: string | null;
  collectives: number | string;
  individuals: number | string;
}

const emptyRow = (): Row => ({ key: crypto.randomUUID(), awardForm: null, collectives: '', individuals: '' });
const count = (v: number | string) => (v === '' ? undefined : Number(v));

function RegistrationForm({ movement }: { movement: MovementDetail }) {
  const { t } = useTexts(appTexts);
  const register = useRegister(movement.id);
  const awardForms = useAwardForms();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [commitments, setCommitments] = useState('');
  const [saved, setSaved] = useState(false);
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
          .map((r) => ({ awardForm: r.awardForm!, collectives: count(r.collectives), individuals: count(r.individuals) })),
        commitments: commitments.trim(),
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mv-register-heading">
      <Title order={2} size="h4" id="mv-register-heading" mb="sm">
        {t('movements.registrations.form')}
      </Title>
      <form onSubmit={submit}>
        <Stack>
          <OrgSelect label={t('movements.registrations.formOrganisation')} required value={organisationId} onChange={setOrganisationId} />
          {rows.map((row, i) => (
            <Group key={row.key} align="flex-end" wrap="wrap" role="group" aria-label={t('movements.registrations.titleRow', { index: i + 1 })}>
              <AppSelect
                label={t('movements.registrations.awardForm')}
                searchable
                value={row.awardForm}
                onChange={(v) => setRow(row.key, { awardForm: v })}
                data={(awardForms.data ?? []).map((f) => ({ value: f.code, label: f.name }))}
                style={{ flex: '1 1 18rem' }}
              />
              <NumberInput label={t('movements.registrations.collectives')} min={0} allowDecimal={false} value={row.collectives} onChange={(v) => setRow(row.key, { collectives: v })} w={130} />
              <NumberInput label={t('movements.registrations.individuals')} min={0} allowDecimal={false} value={row.individuals} onChange={(v) => setRow(row.key, { individuals: v })} w={130} />
              {rows.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('movements.registrations.removeTitle', { index: i + 1 })}
                  onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                >
                  <span aria-hidden="true">×</span>
                </ActionIcon>
              )}
            </Group>
          ))}
          <Group>
            <Button variant="subtle" onClick={() => setRows((all) => [...all, emptyRow()])}>
              {t('movements.registrations.addTitle')}
            </Button>
          </Group>
          <Textarea label={t('movements.registrations.commitments')} autosize minRows={3} value={commitments} onChange={(e) => setCommitments(e.currentTarget.value)} />
          <ErrorAlert error={register.error} />
          {saved && (
            <Text role="status" c="green.9">
              {t('movements.registrations.saved')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={register.isPending} disabled={!organisationId} data-testid="movement-register">
              {t('movements.registrations.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The registrations compiled from the units in the user's scope, and the form to register one's own unit. */
export function RegistrationsTab({ movement, canRegister }: { movement: MovementDetail; canRegister: boolean }) {
  const { t } = useTexts(appTexts);
  const query = useRegistrations(movement.id);
  const awardForms = useAwardForms();
  const formName = (code: string) => awardForms.data?.find((f) => f.code === code)?.name ?? code;
  return (
    <Stack>
      <ErrorAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && (
        <ScrollTable minWidth={760} label={t('movements.registrations.caption')}>
          <Table striped aria-label={t('movements.registrations.caption')} data-testid="movement-registrations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('movements.registrations.organisation')}</Table.Th>
                <Table.Th scope="col">{t('movements.registrations.titles')}</Table.Th>
                <Table.Th scope="col">{t('movements.registrations.commitments')}</Table.Th>
                <Table.Th scope="col">{t('movements.registrations.registeredAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>{t('movements.registrations.empty')}</Table.Td>
                </Table.Tr>
              )}
              {query.data.map((r) => (
                <Table.Tr key={r.organisation.id}>
                  <Table.Td>{r.organisation.name}</Table.Td>
                  <Table.Td>
                    {r.titles.map((title, i) => (
                      <Text size="sm" key={i}>
                        {t('movements.registrations.titleLine', { name: formName(title.awardForm), collectives: title.collectives ?? 0, individuals: title.individuals ?? 0 })}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{r.commitments}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(r.registeredAt)}</Table.Td>
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
