import { useState, type FormEvent } from 'react';
import { Button, Radio, Stack, TextInput } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { EMAIL_NOTICES, type EmailNotices } from '../../app/auth.tsx';
import { focusFirstInvalid } from '../../app/forms.ts';
import { FormFooter } from '../../app/FormFooter.tsx';
import { useUpdateUser, type UserAccount } from './api.ts';
import { looksLikeEmail } from '../account/rules.ts';
import { accountTexts } from '../account/text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { adminTexts } from './text.ts';
import { appTexts } from '../../app/text.ts';

/** An account's e-mail address and how it wants notices (the person may change both on "my account" too). */
function MailForm({ user, onDone }: { user: UserAccount; onDone: () => void }) {
  const { t } = useTexts(appTexts);
  const ad = useTexts(adminTexts);
  const account = useTexts(accountTexts);
  const update = useUpdateUser();
  const [email, setEmail] = useState(user.email ?? '');
  const [notices, setNotices] = useState<EmailNotices>(user.emailNotices);
  const [tried, setTried] = useState(false);
  const typed = email.trim();
  const bad = typed !== '' && !looksLikeEmail(typed);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (bad) return focusFirstInvalid(e.currentTarget);
    update.mutate({ id: user.id, version: user.version, email: typed === '' ? null : typed, emailNotices: notices }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          type="email"
          label={ad.t('email')}
          description={ad.t('emailHint')}
          autoComplete="off"
          value={email}
          error={tried && bad ? account.t('mail.emailFormat') : undefined}
          onChange={(e) => setEmail(e.currentTarget.value)}
          data-autofocus
          data-testid="user-email"
        />
        <Radio.Group label={ad.t('notices')} value={notices} onChange={(value) => setNotices(value as EmailNotices)}>
          <Stack gap="xs" mt="xs">
            {EMAIL_NOTICES.map((choice) => <Radio key={choice} value={choice} label={account.t(`mail.${choice}`)} />)}
          </Stack>
        </Radio.Group>
        <FormFooter error={update.error} busy={update.isPending} onCancel={onDone} submitLabel={t('common.save')} />
      </Stack>
    </form>
  );
}

export function MailButton({ user }: { user: UserAccount }) {
  const ad = useTexts(adminTexts);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" aria-label={ad.t('editMailLabel', { name: user.displayName })} onClick={() => setOpened(true)}>
        {ad.t('editMail')}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={ad.t('editMailTitle', { name: user.displayName })}>
        {opened && <MailForm user={user} onDone={() => setOpened(false)} />}
      </AppModal>
    </>
  );
}
