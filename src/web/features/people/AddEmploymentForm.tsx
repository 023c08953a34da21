import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { focusFirstInvalid } from '../../app/forms.ts';
import { useAddEmployment } from './api.ts';
import { EmploymentFields, employmentBody, emptyEmployment } from './EmploymentFields.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/** A new period of employment; the server refuses overlaps (409 employment.overlap) with a message we show. */
export function AddEmploymentForm({ personId }: { personId: string }) {
  const { t } = useTexts(appTexts);
  const add = useAddEmployment(personId);
  const [draft, setDraft] = useState(emptyEmployment);
  const [saved, setSaved] = useState(false);
  const [tried, setTried] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setSaved(false);
    const body = employmentBody(draft);
    if (!body) return focusFirstInvalid(e.currentTarget as HTMLFormElement);
    add.mutate(body, {
      onSuccess: () => {
        setSaved(true);
        setDraft(emptyEmployment);
        setTried(false);
      },
    });
  };

  return (
    <form onSubmit={submit} aria-labelledby="add-employment-heading" noValidate>
      <Stack>
        <Title order={2} size="h3" id="add-employment-heading">
          {t('employment.addHeading')}
        </Title>
        <EmploymentFields value={draft} onChange={setDraft} showMissing={tried} />
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
