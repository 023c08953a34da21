import { useState } from 'react';
import { Accordion, Box, Group, Stack, Text, Title } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate, reviewYear } from '../../app/format.ts';
import { Loading } from '../../app/Loading.tsx';
import type { Subject } from '../records/types.ts';
import { useSubjectEligibility } from './api.ts';
import { FindingTree, StatusBadge } from './StatusBadge.tsx';
import { formatMoney, formatNumber, type Judgement } from './types.ts';
import { yearOptions } from './years.ts';
import { recordsTexts } from '../records/text.ts';
import { useTexts } from '../../i18n/texts.ts';

/** "(cần xác minh)" after an article or an amount the law team has not confirmed yet. */
export function ToVerify() {
  const { t } = useTexts(recordsTexts);
  return (
    <Text span size="sm" c="orange.9" title={t('eligibility.needsConfirmationHint')} data-testid="needs-confirmation">
      {t('eligibility.needsConfirmation')}
    </Text>
  );
}

function ResultDetail({ result }: { result: Judgement }) {
  const { t } = useTexts(recordsTexts);
  return (
    <Stack gap="xs">
      <Text size="sm">
        {result.citation} {result.needsConfirmation && <ToVerify />}
      </Text>
      {result.money && (
        <Text size="sm">
          {t('eligibility.moneyDetail', {
            coefficient: formatNumber(result.money.coefficient),
            base: formatMoney(result.money.baseSalary),
            from: formatDate(result.money.baseSalaryFrom),
            citation: result.money.citation,
          })}{' '}
          {result.money.needsConfirmation && <ToVerify />}
        </Text>
      )}
      {result.cap && <Text size="sm">{t('eligibility.cap', { percent: result.cap.percent, of: result.cap.ofName })}</Text>}
      {result.note && <Text size="sm" c="dimmed">{t('eligibility.note', { note: result.note })}</Text>}
      <Title order={4} size="h6">{t('eligibility.criteria')}</Title>
      <FindingTree finding={result.finding} />
    </Stack>
  );
}

/** "Xét điều kiện khen thưởng": every title and award for this person or collective in a year, with why. */
export function EligibilityPanel({ subject }: { subject: Subject }) {
  const { t } = useTexts(recordsTexts);
  const [year, setYear] = useState(reviewYear());
  const query = useSubjectEligibility(subject, year);
  const headingId = `eligibility-heading-${subject.kind}`;
  const data = query.data;

  return (
    <Box component="section" aria-labelledby={headingId} data-testid="eligibility-panel">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id={headingId}>
          {t('eligibility.heading')}
        </Title>
        <AppSelect
          label={t('eligibility.year')}
          data={yearOptions()}
          value={String(year)}
          allowDeselect={false}
          onChange={(v) => v && setYear(Number(v))}
          w={120}
          data-testid="eligibility-year"
        />
      </Group>
      {query.isPending && <Loading />}
      <ErrorAlert error={query.error} />
      {data && (
        <>
          <Text size="sm" mb="xs">
            {t('eligibility.basis', { name: data.legalBasis.name })}
          </Text>
          {data.results.length === 0 ? (
            <Text>{t('eligibility.noResults')}</Text>
          ) : (
            <Accordion multiple variant="separated" chevronPosition="left">
              {data.results.map((r) => (
                <Accordion.Item key={`${r.awardForm}-${r.recipient}`} value={`${r.awardForm}-${r.recipient}`}
                  data-testid="eligibility-result" data-award={r.awardFormName} data-status={r.status}>
                  <Accordion.Control>
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Text fw={600}>{r.awardFormName}</Text>
                      <Group gap="xs" wrap="wrap">
                        {r.money && <Text size="sm">{formatMoney(r.money.amount)}</Text>}
                        <StatusBadge status={r.status} />
                      </Group>
                    </Group>
                    {r.status !== 'met' && r.reasons.length > 0 && (
                      <Text size="sm" c="dimmed" lineClamp={2} data-testid="eligibility-reasons">
                        {r.reasons.join('; ')}
                      </Text>
                    )}
                  </Accordion.Control>
                  <Accordion.Panel>
                    <ResultDetail result={r} />
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          )}
        </>
      )}
    </Box>
  );
}
