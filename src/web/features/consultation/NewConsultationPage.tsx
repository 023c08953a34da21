import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { DateField } from '../../app/DateField.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { formatDate } from '../../app/format.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useCreateConsultation, usePreview, type Preview } from './api.ts';
import { consultationTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/_app/lay-y-kien/moi');

function NewConsultationForm({ preview }: { preview: Preview }) {
  const { t } = useTexts(consultationTexts);
  const navigate = useNavigate();
  const create = useCreateConsultation();
  const [batchIds, setBatchIds] = useState<string[]>([preview.batchId]);
  const available = preview.candidates.filter((c) => batchIds.includes(c.batchId) && !c.listedOn);
  // every listable candidate of the chosen batches goes on the list unless the officer unticks them
  const [excluded, setExcluded] = useState<string[]>([]);
  const candidateIds = available.map((c) => c.id).filter((id) => !excluded.includes(id));
  const [title, setTitle] = useState(preview.defaultTitle);
  const [channel, setChannel] = useState(t('staff.channelDefault'));
  const [startsOn, setStartsOn] = useState(preview.today);
  const [workingDays, setWorkingDays] = useState<number | string>(preview.workingDays ?? '');
  const [endsOn, setEndsOn] = useState('');

  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      batchIds, candidateIds, title, channel, startsOn,
      ...(typeof workingDays === 'number' ? { workingDays } : {}), ...(endsOn ? { endsOn } : {}),
    }, { onSuccess: ({ id }) => void navigate({ to: '/lay-y-kien/$consultationId', params: { consultationId: id } }) });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <Text>{preview.receivingOrganisationName} · {preview.awardFormName}</Text>
        <Alert variant="light">
          {preview.workingDays && preview.endsOn
            ? t('staff.procedureDays', { days: preview.workingDays, end: formatDate(preview.endsOn) }) : t('staff.procedureNone')}
        </Alert>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={2} size="h4">{t('staff.batches')}</Title>
            {preview.batches.map((b) => (
              <Checkbox key={b.id} label={`${b.organisationName}: ${b.title} (${b.year})`} checked={batchIds.includes(b.id)}
                onChange={(e) => setBatchIds(toggle(batchIds, b.id, e.currentTarget.checked))} />
            ))}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={2} size="h4">{t('staff.candidates')}</Title>
            {preview.candidates.filter((c) => batchIds.includes(c.batchId)).map((c) => (
              <Checkbox key={c.id} disabled={Boolean(c.listedOn)} checked={candidateIds.includes(c.id)}
                label={`${c.name}${c.position ? `, ${c.position}` : ''}${c.unitName ? ` – ${c.unitName}` : ''}${c.listedOn ? ` (${t('staff.listedOn', { title: c.listedOn })})` : ''}`}
                onChange={(e) => setExcluded(toggle(excluded, c.id, !e.currentTarget.checked))} />
            ))}
          </Stack>
        </Paper>
        <TextInput label={t('staff.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <TextInput label={t('staff.channel')} required value={channel} onChange={(e) => setChannel(e.currentTarget.value)} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label={t('staff.startsOn')} required value={startsOn} onChange={setStartsOn} />
          <NumberInput label={t('staff.workingDays')} description={t('staff.workingDaysHint')} min={1} max={60} allowDecimal={false}
            value={workingDays} onChange={setWorkingDays} required={!preview.workingDays} />
          <DateField label={t('staff.endsOn')} description={t('staff.endsOnHint')} clearable value={endsOn} onChange={setEndsOn} />
        </SimpleGrid>
        <ErrorAlert error={create.error} />
        <Button type="submit" loading={create.isPending} disabled={candidateIds.length === 0} w="fit-content">{t('staff.publish')}</Button>
      </Stack>
    </form>
  );
}

function NewConsultation() {
  const { t } = useTexts(consultationTexts);
  usePageTitle(t('staff.newHeading'));
  const { batchId } = route.useSearch();
  const preview = usePreview(batchId);
  return (
    <Stack>
      <Title order={1}>{t('staff.newHeading')}</Title>
      {!batchId && <Alert variant="light">{t('staff.missingBatch')}</Alert>}
      {batchId && preview.isPending && <Loading />}
      <ErrorAlert error={preview.error} />
      {preview.data && <NewConsultationForm preview={preview.data} />}
    </Stack>
  );
}

/** /lay-y-kien/moi?batchId=…: the standing agency publishes a batch's accepted candidates for comment. */
export function NewConsultationPage() {
  return (
    <RequireRole roles={['system_admin', 'standing_officer']}>
      <NewConsultation />
    </RequireRole>
  );
}
