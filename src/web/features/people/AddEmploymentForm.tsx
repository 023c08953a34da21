import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { useAddEmployment } from './api.ts';

/** A new period of employment; the server refuses overlaps (409 employment.overlap) with a message we show. */
export function AddEmploymentForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const add = useAddEmployment(personId);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [position, setPosition] = useState('');
  const [isLeader, setIsLeader] = useState(false);
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [saved, setSaved] = useState(false);
  const [tried, setTried] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!organisationId) return;
    setSaved(false);
    add.mutate(
      { organisationId, position: position.trim(), isLeader, startDate, endDate: endDate || undefined },
      {
        onSuccess: () => {
          setSaved(true);
          setPosition('');
          setIsLeader(false);
          setStartDate('');
          setEndDate('');
          setTried(false);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-labelledby="add-employment-heading">
      <Stack>
        <Title order={2} size="h3" id="add-employment-heading">
          {t('employment.addHeading')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OrgSelect
            label={t('employment.organisation')}
            value={organisationId}
            onChange={setOrganisationId}
            required
            error={tried && !organisationId ? t('common.required') : undefined}
          />
          <TextInput label={t('employment.position')} required value={position} onChange={(e) => setPosition(e.currentTarget.value)} />
          <TextInput type="date" label={t('employment.from')} required value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} />
          <TextInput
            type="date"
            label={t('employment.to')}
            description={t('employment.endHint')}
            value={endDate}
            onChange={(e) => setEndDate(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Checkbox label={t('employment.isLeader')} checked={isLeader} onChange={(e) => setIsLeader(e.currentTarget.checked)} />
        <ErrorAlert error={add.error} />
        {saved && !add.error && (
          <Alert color="green" variant="light" role="status">
            {t('employment.added')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
