import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { AppSelect } from '../../app/AppSelect.tsx';
import { DateField } from '../../app/DateField.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { todayIso } from '../../app/format.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useAwardForms } from '../movements/api.ts';
import { useCreateDecision, useDecidable, useNextDecisionNumber } from './api.ts';
import { DocumentNumberField, documentNumberOf, type DocumentNumberValue } from '../../app/DocumentNumberField.tsx';
import { isDocumentSymbol } from '../../../shared/document-number.ts';
import { money, decisionsTexts } from './text.ts';
import type { Signer } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

export const DECIDERS = ['system_admin', 'standing_officer', 'unit_head'] as const;

/** /quyet-dinh/moi?awardForm=…: choose the appraised candidates, enter the decision's particulars, see the money. */
export function NewDecisionPage({ awardForm }: { awardForm?: string | undefined }) {
  return (
    <RequireRole roles={[...DECIDERS]}>
      <NewDecision initialForm={awardForm ?? null} />
    </RequireRole>
  );
}

function NewDecision({ initialForm }: { initialForm: string | null }) {
  const { t } = useTexts(decisionsTexts);
  usePageTitle(t('newTitle'));
  const navigate = useNavigate();
  const forms = useAwardForms();
  const [awardForm, setAwardForm] = useState<string | null>(initialForm);
  const [signedOn, setSignedOn] = useState(todayIso());
  const list = useDecidable(awardForm, signedOn);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [docNumber, setDocNumber] = useState<DocumentNumberValue>({ number: null, symbol: '' });
  const [place, setPlace] = useState('');
  const [signer, setSigner] = useState<Signer>({ authority: null, authorityBody: '', title: '', name: '' });
  const [reason, setReason] = useState('');
  const [budgetSource, setBudgetSource] = useState('');
  const create = useCreateDecision();

  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  // the register is kept per deciding authority: the first chosen candidate's says whose (all chosen share it)
  const firstChosen = items.find((c) => chosen.has(c.id))?.id ?? null;
  const year = /^\d{4}-/.test(signedOn) ? Number(signedOn.slice(0, 4)) : null;
  const proposal = useNextDecisionNumber(firstChosen, isDocumentSymbol(docNumber.symbol) ? docNumber.symbol : null, year);
  const whole = documentNumberOf(docNumber, proposal.data?.number);
  const total = items.filter((c) => chosen.has(c.id)).reduce((sum, c) => sum + (c.amount ?? 0), 0);
  const toggle = (id: string, on: boolean) => setChosen((prev) => {
    const next = new Set(prev);
    if (on) next.add(id); else next.delete(id);
    return next;
  });

  const submit = async () => {
    if (!whole) return;
    const { id } = await create.mutateAsync({
      candidateIds: items.filter((c) => chosen.has(c.id)).map((c) => c.id), number: whole.number, symbol: whole.symbol, signedOn, place, signer, reason, budgetSource,
    });
    await navigate({ to: '/quyet-dinh/$decisionId', params: { decisionId: id } });
  };

  return (
    <Stack>
      <Title order={1}>{t('newTitle')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <AppSelect label={t('awardForm')} required searchable value={awardForm}
          data={(forms.data ?? []).map((f) => ({ value: f.code, label: f.name }))}
          onChange={(v) => { setAwardForm(v); setChosen(new Set()); }} />
        <DateField label={t('signedOn')} required value={signedOn} onChange={setSignedOn} description={t('moneyNote')} />
      </SimpleGrid>

      {!awardForm && <Text c="dimmed">{t('chooseForm')}</Text>}
      {awardForm && list.isPending && <Loading />}
      <ErrorAlert error={list.error} />
      {list.data && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">{t('candidates')}</Title>
          {list.data.councilVote && <Alert variant="light" mb="sm">{t('councilVote')}</Alert>}
          {items.length === 0 ? <Text c="dimmed">{t('noCandidates')}</Text> : (
            <ScrollTable minWidth={720} label={t('candidates')}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    <Table.Th>{t('name')}</Table.Th>
                    <Table.Th>{t('positionUnit')}</Table.Th>
                    <Table.Th>{t('unit')}</Table.Th>
                    <Table.Th>{t('status')}</Table.Th>
                    <Table.Th ta="right">{t('amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Checkbox aria-label={t('choose', { name: c.name })} disabled={c.blocked !== null}
                          checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.currentTarget.checked)} />
                      </Table.Td>
                      <Table.Td>{c.name}</Table.Td>
                      <Table.Td>{[c.position, c.recipient === 'individual' ? c.unitName : ''].filter(Boolean).join(' – ')}</Table.Td>
                      <Table.Td>{c.unitName}</Table.Td>
                      <Table.Td>{c.blocked ? <Text size="sm" c="red">{t(`blocked.${c.blocked}`)}</Text> : t(`statuses.${c.status}`)}</Table.Td>
                      <Table.Td ta="right">{money(c.amount)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          <Text mt="sm" fw={600} role="status">{t('chosen', { count: chosen.size, total: money(total) })}</Text>
        </Paper>
      )}

      <Paper withBorder p="md">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DocumentNumberField numberLabel={t('number')} value={docNumber} onChange={setDocNumber} proposed={proposal.data?.number} />
            <TextInput label={t('place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <AppSelect label={t('signerAuthority')} value={signer.authority ?? ''}
              data={[{ value: '', label: t('signerAuthorityNone') }, ...['KT.', 'TM.', 'Q.', 'TL.'].map((a) => ({ value: a, label: a }))]}
              onChange={(v) => setSigner({ ...signer, authority: (v || null) as Signer['authority'] })} />
            <TextInput label={t('signerAuthorityBody')} disabled={signer.authority === null} value={signer.authorityBody}
              onChange={(e) => setSigner({ ...signer, authorityBody: e.currentTarget.value })} />
            <TextInput label={t('signerTitle')} required value={signer.title} onChange={(e) => setSigner({ ...signer, title: e.currentTarget.value })} />
            <TextInput label={t('signerName')} required value={signer.name} onChange={(e) => setSigner({ ...signer, name: e.currentTarget.value })} />
          </SimpleGrid>
          <Textarea label={t('reason')} description={t('reasonHint')} required autosize minRows={2} value={reason}
            onChange={(e) => setReason(e.currentTarget.value)} />
          <TextInput label={t('budgetSource')} value={budgetSource} onChange={(e) => setBudgetSource(e.currentTarget.value)} />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button loading={create.isPending} disabled={chosen.size === 0 || !whole} onClick={() => void submit().catch(() => undefined)}>{t('create')}</Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
