import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';
import { useForgotPassword } from './api.ts';
import { PublicFrame } from './PublicFrame.tsx';
import { accountTexts } from './text.ts';

/**
 * /quen-mat-khau: asks for a one-time link by e-mail. The answer is the same whatever was typed (the
 * page must not tell who has an account), and it says what to do when no mail comes.
 */
export function ForgotPasswordPage() {
  const { t } = useTexts(accountTexts);
  const app = useTexts(appTexts);
  const forgot = useForgotPassword();
  const [login, setLogin] = useState('');
  const [tried, setTried] = useState(false);
  const empty = login.trim() === '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!empty) forgot.mutate(login.trim());
  };

  return (
    <PublicFrame title={t('forgot.title')}>
      {forgot.isSuccess ? (
        <Stack data-testid="forgot-sent">
          <Alert color="green" variant="light" title={t('forgot.sentTitle')} role="status">
            {t('forgot.sent')}
          </Alert>
          <Text size="sm">{t('forgot.noMail')}</Text>
          <Button variant="default" onClick={() => forgot.reset()}>
            {t('forgot.again')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('forgot.intro')}</Text>
            <TextInput
              label={t('forgot.login')}
              required
              autoComplete="username"
              autoFocus
              value={login}
              error={tried && empty ? app.t('common.required') : undefined}
              onChange={(e) => setLogin(e.currentTarget.value)}
              data-testid="forgot-login"
            />
            <ErrorAlert error={forgot.error} />
            <Button type="submit" loading={forgot.isPending} fullWidth data-testid="forgot-submit">
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <AnchorLink to="/dang-nhap" size="sm">
        {t('forgot.backToSignIn')}
      </AnchorLink>
    </PublicFrame>
  );
}
