import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { DateField } from '../../app/DateField.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate } from '../../app/format.ts';
import { focusFirstInvalid } from '../../app/forms.ts';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useAddBaseSalary, useCatalogue, useSetCap } from './api.ts';
import { AppModal } from '../../app/AppModal.tsx';
import { FormFooter } from '../../app/FormFooter.tsx';
import { CriteriaList } from './StatusBadge.tsx';
import { formatMoney, formatNumber, type Catalogue } from './types.ts';
import { recordsTexts } from '../records/text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/** "Tiêu chuẩn và mức thưởng": the rules the system applies, per legal basis, and the money tables. */
export function CataloguePage() {
  const { t } = useTexts(recordsTexts);
  usePageTitle(t('catalogue.title'));
  const query = useCatalogue();
  const catalogue = query.data;
  const current = catalogue?.legalBases.find((b) => b.effectiveTo === null)?.code ?? catalogue?.legalBases.at(-1)?.code ?? null;
  const [basis, setBasis] = useState<string | null>(null);

  if (query.isPending) return <Loading />;
  if (!catalogue) return <ErrorAlert error={query.error} />;
  const chosen = basis ?? current;
  return (
    <Stack>
      <Title order={1}>{t('catalogue.title')}</Title>
      <Text>{t('catalogue.intro')}</Text>
      <Tabs value={chosen} onChange={setBasis} keepMounted={false}>
        <Tabs.List aria-label={t('catalogue.basesLabel')}>
          {catalogue.legalBases.map((b) => (
            <Tabs.Tab key={b.code} value={b.code}>{b.shortName}</Tabs.Tab>
          ))}
        </Tabs.List>
        {catalogue.legalBases.map((b) => (
          <Tabs.Panel key={b.code} value={b.code} pt="md">
            <Stack>
              <div>
                <Text fw={600}>{b.name}</Text>
                <Text size="sm" c="dimmed">
                  {b.effectiveTo
                    ? t('catalogue.inForceUntil', { from: formatDate(b.effectiveFrom), to: formatDate(b.effectiveTo) })
                    : t('catalogue.inForce', { from: formatDate(b.effectiveFrom) })}
                </Text>
              </div>
              <Rules catalogue={catalogue} basis={b.code} />
              <Coefficients catalogue={catalogue} basis={b.code} />
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
      <BaseSalaries catalogue={catalogue} />
    </Stack>
  );
}

function Rules({ catalogue, basis }: { catalogue: Catalogue; basis: string }) {
  const { t } = useTexts(recordsTexts);
  const rules = catalogue.rules.filter((r) => r.legalBasis === basis);
  if (rules.length === 0) return <Text>{t('catalogue.noRules')}</Text>;
  return (
    <>
      {(['individual', 'collective'] as const).map((recipient) => {
        const group = rules.filter((r) => r.recipient === recipient);
        if (group.length === 0) return null;
        return (
          <section key={recipient} aria-labelledby={`rules-${basis}-${recipient}`}>
            <Title order={2} size="h3" id={`rules-${basis}-${recipient}`} mb="sm">{t(`catalogue.${recipient}`)}</Title>
            <Stack gap="sm">
              {group.map((r) => (
                <Paper withBorder p="sm" key={r.awardForm} data-testid="catalogue-rule">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Title order={3} size="h5">{r.awardFormName}</Title>
                    {r.needsConfirmation && <Badge color="orange" variant="light">{t('catalogue.needsConfirmation')}</Badge>}
                  </Group>
                  <Text size="sm" c="dimmed">{r.citation} · {t('catalogue.exampleYear', { year: r.exampleYear })}</Text>
                  <CriteriaList tree={r.criteria} />
                  {r.cap && (
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm">
                        {t('eligibility.cap', { percent: r.cap.percent, of: r.cap.ofName })}
                        {' '}({r.cap.setBy ? t('catalogue.capSetBy', { citation: r.cap.setBy }) : t('catalogue.capDefault')})
                      </Text>
                      {catalogue.canManage && <SetCapButton awardForm={r.awardForm} name={r.awardFormName} current={r.cap.percent} version={r.cap.version} />}
                    </Group>
                  )}
                  {r.note && <Text size="sm" mt={4}>{t('eligibility.note', { note: r.note })}</Text>}
                </Paper>
              ))}
            </Stack>
          </section>
        );
      })}
    </>
  );
}

function Coefficients({ catalogue, basis }: { catalogue: Catalogue; basis: string }) {
  const { t } = useTexts(recordsTexts);
  const rows = catalogue.coefficients.filter((c) => c.legalBasis === basis);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={`coefficients-${basis}`}>
      <Title order={2} size="h3" id={`coefficients-${basis}`} mb="sm">{t('catalogue.coefficients')}</Title>
      <ScrollTable minWidth={640} label={t('catalogue.coefficientsCaption')}>
        <Table striped aria-label={t('catalogue.coefficientsCaption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('catalogue.award')}</Table.Th>
              <Table.Th scope="col">{t('catalogue.recipient')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('catalogue.coefficient')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('catalogue.amountToday')}</Table.Th>
              <Table.Th scope="col">{t('catalogue.citation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={`${c.awardForm}-${c.recipient}`}>
                <Table.Td>{c.awardFormName}</Table.Td>
                <Table.Td>{t(`catalogue.${c.recipient}`)}</Table.Td>
                <Table.Td ta="right">{formatNumber(c.coefficient)}</Table.Td>
                <Table.Td ta="right">{c.amountToday === null ? t('catalogue.notInForce') : formatMoney(c.amountToday)}</Table.Td>
                <Table.Td>
                  {c.citation}
                  {c.needsConfirmation && <Text span size="sm" fs="italic"> {t('eligibility.needsConfirmation')}</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  );
}

/** The statutory base salaries; the platform operator adds one (every tenant reads them). */
export function BaseSalaries({ catalogue }: { catalogue: Catalogue }) {
  const { t } = useTexts(recordsTexts);
  const salaries = [...catalogue.baseSalaries].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return (
    <section aria-labelledby="base-salaries-heading">
      <Title order={2} size="h3" id="base-salaries-heading" mb="sm">{t('catalogue.baseSalaries')}</Title>
      <ScrollTable minWidth={520} label={t('catalogue.baseSalariesCaption')}>
        <Table striped aria-label={t('catalogue.baseSalariesCaption')} data-testid="base-salaries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('catalogue.effectiveFrom')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('catalogue.amount')}</Table.Th>
              <Table.Th scope="col">{t('catalogue.citation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {salaries.map((s) => (
              <Table.Tr key={s.effectiveFrom}>
                <Table.Td>{formatDate(s.effectiveFrom)}</Table.Td>
                <Table.Td ta="right">{formatMoney(s.amount)}</Table.Td>
                <Table.Td>{s.citation}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {catalogue.canManageShared && <AddBaseSalaryForm />}
    </section>
  );
}

/** A province (ministry) sets its own share cap for a title, citing its decision. */
function SetCapButton({ awardForm, name, current, version }: { awardForm: string; name: string; current: number; version: number | null }) {
  const { t } = useTexts(recordsTexts);
  const { t: common } = useTexts(appTexts);
  const [opened, setOpened] = useState(false);
  const set = useSetCap(awardForm);
  const [percent, setPercent] = useState<string | number>(current);
  const [citation, setCitation] = useState('');
  const [tried, setTried] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (percent === '' || citation.trim() === '') return focusFirstInvalid(e.currentTarget);
    set.mutate({ percent: Number(percent), citation: citation.trim(), version: version ?? undefined }, { onSuccess: () => setOpened(false) });
  };
  return (
    <>
      <Button variant="subtle" size="compact-sm" onClick={() => setOpened(true)} data-testid="set-cap">{t('catalogue.setCap')}</Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('catalogue.setCapTitle', { name })}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <NumberInput label={t('catalogue.capPercent')} required min={1} max={100} decimalScale={2} decimalSeparator="," suffix="%"
              value={percent} onChange={setPercent} error={tried && percent === '' ? common('common.required') : undefined} />
            <TextInput label={t('catalogue.capCitation')} required value={citation} onChange={(e) => setCitation(e.currentTarget.value)}
              error={tried && citation.trim() === '' ? common('common.required') : undefined} />
            <FormFooter error={set.error} busy={set.isPending} onCancel={() => setOpened(false)} submitLabel={common('common.save')} />
          </Stack>
        </form>
      </AppModal>
    </>
  );
}

function AddBaseSalaryForm() {
  const { t } = useTexts(recordsTexts);
  const { t: common } = useTexts(appTexts);
  const add = useAddBaseSalary();
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [amount, setAmount] = useState<string | number>('');
  const [citation, setCitation] = useState('');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const required = (v: unknown) => (tried && (v === '' || v === null) ? common('common.required') : undefined);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    setSaved(false);
    if (!effectiveFrom || amount === '' || citation.trim() === '') return focusFirstInvalid(e.currentTarget);
    add.mutate({ effectiveFrom, amount: Number(amount), citation: citation.trim() }, {
      onSuccess: () => {
        setSaved(true);
        setTried(false);
        setEffectiveFrom('');
        setAmount('');
        setCitation('');
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-base-salary-heading">
      <Title order={3} size="h4" id="add-base-salary-heading" mt="md" mb="sm">{t('catalogue.addBaseSalary')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField label={t('catalogue.effectiveFrom')} required value={effectiveFrom} onChange={setEffectiveFrom} error={required(effectiveFrom)} />
        <NumberInput label={t('catalogue.amount')} required min={100000} thousandSeparator="." decimalSeparator="," allowDecimal={false}
          value={amount} onChange={setAmount} error={required(amount)} />
        <TextInput label={t('catalogue.citation')} required value={citation} onChange={(e) => setCitation(e.currentTarget.value)}
          error={required(citation.trim())} />
      </SimpleGrid>
      <ErrorAlert error={add.error} />
      {saved && <Alert color="green" variant="light" role="status" mt="sm">{t('catalogue.added')}</Alert>}
      <Group mt="sm">
        <Button type="submit" loading={add.isPending}>{t('catalogue.addBaseSalary')}</Button>
      </Group>
    </form>
  );
}
