import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../app/AppModal.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useCreateUser } from './api.ts';
import { PersonPicker } from './PersonPicker.tsx';

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { username: username.trim(), displayName: displayName.trim(), password, personId: personId ?? undefined },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('admin.username')} required autoComplete="off" value={username} onChange={(e) => setUsername(e.currentTarget.value)} data-autofocus />
        <TextInput label={t('admin.displayName')} required value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} />
        <TextInput
          type="password"
          label={t('admin.password')}
          description={t('admin.passwordHint')}
          required
          minLength={10}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <PersonPicker label={t('admin.person')} description={t('admin.personHint')} value={personId} onChange={setPersonId} />
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('admin.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CreateUserButton() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)}>{t('admin.create')}</Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('admin.create')}>
        <CreateUserForm onDone={() => setOpened(false)} />
      </AppModal>
    </>
  );
}
