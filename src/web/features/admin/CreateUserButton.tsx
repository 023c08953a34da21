import { useState, type FormEvent } from 'react';
import { Button, Stack, TextInput } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { AppSelect } from '../../app/AppSelect.tsx';
import { ROLES, type Role } from '../../app/auth.tsx';
import { FormSection } from '../../app/FormSection.tsx';
import { focusFirstInvalid } from '../../app/forms.ts';
import { FormFooter } from '../../app/FormFooter.tsx';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { MIN_PASSWORD_LENGTH, useCreateUser } from './api.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { looksLikeEmail } from '../account/rules.ts';
import { accountTexts } from '../account/text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { adminTexts } from './text.ts';
import { appTexts } from '../../app/text.ts';

/** A new account always comes with its first role at an organisation (the server requires both). */
function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTexts(appTexts);
  const ad = useTexts(adminTexts);
  const account = useTexts(accountTexts);
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const missing = (empty: boolean) => (tried && empty ? t('common.required') : undefined);
  const passwordError = tried && password.length < MIN_PASSWORD_LENGTH ? ad.t('passwordTooShort') : undefined;
  const badEmail = email.trim() !== '' && !looksLikeEmail(email.trim());

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (!username.trim() || !displayName.trim() || password.length < MIN_PASSWORD_LENGTH || badEmail || !role || !organisationId) {
      return focusFirstInvalid(e.currentTarget);
    }
    create.mutate(
      {
        username: username.trim(), displayName: displayName.trim(), password, personId: personId ?? undefined,
        email: email.trim() === '' ? null : email.trim(), role, organisationId,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={ad.t('username')}
          description={ad.t('usernameHint')}
          required
          autoComplete="off"
          value={username}
          error={missing(!username.trim())}
          onChange={(e) => setUsername(e.currentTarget.value)}
          data-autofocus
        />
        <TextInput
          label={ad.t('displayName')}
          required
          value={displayName}
          error={missing(!displayName.trim())}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
        />
        <TextInput
          type="password"
          label={ad.t('password')}
          description={ad.t('passwordHint')}
          required
          autoComplete="new-password"
          value={password}
          error={passwordError}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <TextInput
          type="email"
          label={ad.t('email')}
          description={ad.t('emailHint')}
          autoComplete="off"
          value={email}
          error={tried && badEmail ? account.t('mail.emailFormat') : undefined}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <PersonPicker label={ad.t('person')} description={ad.t('personHint')} value={personId} onChange={setPersonId} />
        <FormSection legend={ad.t('firstGrant')} hint={ad.t('firstGrantHint')}>
          <Stack>
            <AppSelect
              label={ad.t('role')}
              required
              value={role}
              error={missing(!role)}
              onChange={(v) => setRole(v as Role | null)}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
            <OrgSelect label={ad.t('organisation')} value={organisationId} onChange={setOrganisationId} required error={missing(!organisationId)} />
          </Stack>
        </FormSection>
        <FormFooter error={create.error} busy={create.isPending} onCancel={onDone} submitLabel={ad.t('create')} />
      </Stack>
    </form>
  );
}

export function CreateUserButton() {
  const ad = useTexts(adminTexts);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)}>{ad.t('create')}</Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={ad.t('create')}>
        <CreateUserForm onDone={() => setOpened(false)} />
      </AppModal>
    </>
  );
}
