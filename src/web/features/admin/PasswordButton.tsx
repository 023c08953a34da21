import { useState, type FormEvent } from 'react';
import { Button, Stack, TextInput } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { focusFirstInvalid } from '../../app/forms.ts';
import { FormFooter } from '../../app/FormFooter.tsx';
import { MIN_PASSWORD_LENGTH, useUpdateUser, type UserAccount } from './api.ts';
import { useTexts } from '../../i18n/texts.ts';
import { adminTexts } from './text.ts';
import { appTexts } from '../../app/text.ts';

export function PasswordButton({ user }: { user: UserAccount }) {
  const { t } = useTexts(appTexts);
  const ad = useTexts(adminTexts);
  const update = useUpdateUser();
  const [opened, setOpened] = useState(false);
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const tooShort = password.length < MIN_PASSWORD_LENGTH;
  const close = () => {
    setOpened(false);
    setPassword('');
    setTried(false);
    update.reset();
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (tooShort) return focusFirstInvalid(e.currentTarget);
    update.mutate({ id: user.id, version: user.version, password }, { onSuccess: close });
  };

  return (
    <>
      <Button size="xs" variant="default" aria-label={ad.t('resetPasswordLabel', { name: user.displayName })} onClick={() => setOpened(true)}>
        {ad.t('resetPassword')}
      </Button>
      <AppModal opened={opened} onClose={close} title={ad.t('resetPasswordTitle', { name: user.displayName })}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              type="password"
              label={ad.t('newPassword')}
              description={ad.t('passwordHint')}
              required
              error={tried && tooShort ? ad.t('passwordTooShort') : undefined}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-autofocus
            />
            <FormFooter error={update.error} busy={update.isPending} onCancel={close} submitLabel={t('common.save')} />
          </Stack>
        </form>
      </AppModal>
    </>
  );
}
