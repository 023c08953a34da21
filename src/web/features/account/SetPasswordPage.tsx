import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { useResetPassword } from './api.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { PublicFrame } from './PublicFrame.tsx';
import { newPasswordProblem } from './rules.ts';
import { accountTexts } from './text.ts';

/**
 * /dat-mat-khau?ma=<token>: the page a one-time link opens (a forgotten password, or the first
 * administrator's setup link). A link that is wrong, used or expired says so, in the server's words.
 */
export function SetPasswordPage({ token }: { token: string | undefined }) {
  const { t } = useTexts(accountTexts);
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const problem = newPasswordProblem(password, repeat);
  const refusal = reset.error instanceof ApiError && reset.error.code === 'password_link.invalid' ? reset.error.message : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!problem && token) reset.mutate({ token, password });
  };

  if (!token || refusal) {
    return (
      <PublicFrame title={t('reset.title')}>
        <Alert color="red" variant="light" title={t('reset.invalidTitle')} role="alert" data-testid="reset-invalid">
          {refusal ?? t('reset.missing')}
        </Alert>
        <ButtonLink to="/quen-mat-khau">{t('reset.askAgain')}</ButtonLink>
      </PublicFrame>
    );
  }

  if (reset.isSuccess) {
    return (
      <PublicFrame title={t('reset.doneTitle')}>
        <Alert color="green" variant="light" role="status" data-testid="reset-done">
          {t('reset.done')}
        </Alert>
        <ButtonLink to="/dang-nhap" data-testid="reset-sign-in">{t('reset.signIn')}</ButtonLink>
      </PublicFrame>
    );
  }

  return (
    <PublicFrame title={t('reset.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('reset.intro')}</Text>
          <NewPasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} tried={tried} autoFocus />
          <ErrorAlert error={reset.error} />
          <Button type="submit" loading={reset.isPending} fullWidth data-testid="reset-submit">
            {t('reset.submit')}
          </Button>
        </Stack>
      </form>
      <AnchorLink to="/dang-nhap" size="sm">
        {t('forgot.backToSignIn')}
      </AnchorLink>
    </PublicFrame>
  );
}
