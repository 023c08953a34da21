import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { DateField } from '../../app/DateField.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate } from '../../app/format.ts';
import { focusFirstInvalid } from '../../app/forms.ts';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { appTexts } from '../../app/text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { useCatalogue } from '../eligibility/api.ts';
import { BaseSalaries } from '../eligibility/CataloguePage.tsx';
import type { Catalogue } from '../eligibility/types.ts';
import { useSaveLegalBasis } from './api.ts';
import { calendarTexts } from './text.ts';

type LegalBasis = Catalogue['legalBases'][number];

/** "Vận hành nền tảng": what every tenant reads — base salaries, legal bases, the shared holiday schedule. */
export function OperatorPage() {
  const { t } = useTexts(calendarTexts);
  usePageTitle(t('operator.title'));
  const query = useCatalogue();
  const [editing, setEditing] = useState<LegalBasis | 'new' | null>(null);
  if (query.isPending) return <Loading />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const catalogue = query.data;
  return (
    <Stack>
      <Title order={1} size="h2">{t('operator.title')}</Title>
      <Text>{t('operator.intro')}</Text>
      <Group><Button component={Link} to="/ngay-nghi" variant="light">{t('operator.holidaysLink')}</Button></Group>
      <BaseSalaries catalogue={catalogue} />
      <section aria-labelledby="legal-bases-heading">
        <Title order={2} size="h3" id="legal-bases-heading" mb="sm">{t('operator.legalBases')}</Title>
        <ScrollTable minWidth={640} label={t('operator.legalBases')}>
          <Table striped aria-label={t('operator.legalBases')} data-testid="legal-bases">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('operator.shortName')}</Table.Th>
                <Table.Th scope="col">{t('operator.effectiveFrom')}</Table.Th>
                <Table.Th scope="col">{t('operator.effectiveTo')}</Table.Th>
                <Table.Th scope="col"><VisuallyHidden>{t('operator.edit')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {catalogue.legalBases.map((b) => (
                <Table.Tr key={b.code}>
                  <Table.Td><Text fw={500}>{b.shortName}</Text><Text size="sm" c="dimmed">{b.name}</Text></Table.Td>
                  <Table.Td>{formatDate(b.effectiveFrom)}</Table.Td>
                  <Table.Td>{b.effectiveTo ? formatDate(b.effectiveTo) : t('operator.open')}</Table.Td>
                  <Table.Td>
                    {catalogue.canManageShared && (
                      <Button variant="subtle" size="compact-sm" onClick={() => setEditing(b)} aria-label={`${t('operator.edit')} ${b.shortName}`}>{t('operator.edit')}</Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        {catalogue.canManageShared && editing === null && (
          <Group mt="sm"><Button variant="light" onClick={() => setEditing('new')}>{t('operator.addLegalBasis')}</Button></Group>
        )}
        {editing !== null && <LegalBasisForm key={editing === 'new' ? 'new' : editing.code} basis={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </section>
    </Stack>
  );
}

function LegalBasisForm({ basis, onDone }: { basis: LegalBasis | null; onDone: () => void }) {
  const { t } = useTexts(calendarTexts);
  const { t: common } = useTexts(appTexts);
  const save = useSaveLegalBasis();
  const [code, setCode] = useState(basis?.code ?? '');
  const [name, setName] = useState(basis?.name ?? '');
  const [shortName, setShortName] = useState(basis?.shortName ?? '');
  const [effectiveFrom, setEffectiveFrom] = useState(basis?.effectiveFrom ?? '');
  const [effectiveTo, setEffectiveTo] = useState(basis?.effectiveTo ?? '');
  const [tried, setTried] = useState(false);
  const required = (v: string) => (tried && v.trim() === '' ? common('common.required') : undefined);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if ([code, name, shortName, effectiveFrom].some((v) => v.trim() === '')) return focusFirstInvalid(e.currentTarget);
    // the version of the basis being corrected; a new code is a new basis
    const version = basis && basis.code === code.trim() ? basis.version : undefined;
    save.mutate({ code: code.trim(), name: name.trim(), shortName: shortName.trim(), effectiveFrom, effectiveTo: effectiveTo || null, version }, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="md" mt="sm">
      <form onSubmit={submit} noValidate data-testid="legal-basis-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('operator.code')} description={t('operator.codeHint')} required disabled={basis !== null} value={code}
              onChange={(e) => setCode(e.currentTarget.value)} error={required(code)} />
            <TextInput label={t('operator.shortName')} required value={shortName} onChange={(e) => setShortName(e.currentTarget.value)} error={required(shortName)} />
          </SimpleGrid>
          <TextInput label={t('operator.legalName')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={required(name)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('operator.effectiveFrom')} required value={effectiveFrom} onChange={setEffectiveFrom} error={required(effectiveFrom)} />
            <DateField label={t('operator.effectiveTo')} value={effectiveTo} onChange={setEffectiveTo} />
          </SimpleGrid>
          <ErrorAlert error={save.error} />
          {save.isSuccess && <Alert color="green" variant="light" role="status">{t('saved')}</Alert>}
          <Group>
            <Button type="submit" loading={save.isPending}>{t('operator.saveLegalBasis')}</Button>
            <Button variant="default" onClick={onDone}>{common('common.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
