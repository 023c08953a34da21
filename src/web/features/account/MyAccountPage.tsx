import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, List, Paper, PasswordInput, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useAuth, EMAIL_NOTICES, type EmailNotices } from '../../app/auth.tsx';
import { Facts } from '../../app/Facts.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { focusFirstInvalid } from '../../app/forms.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';
import { useChangeOwnPassword, useUpdateOwnMail } from './api.ts';
import { looksLikeEmail, newPasswordProblem } from './rules.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { accountTexts } from './text.ts';

/** /tai-khoan: who I am here, where my notices go by e-mail, and my password. */
export function MyAccountPage() {
  const { t } = useTexts(accountTexts);
  usePageTitle(t('title'));
  return (
    <Stack maw={720}>
      <Title order={1}>{t('title')}</Title>
      <AccountFacts />
      <MailSettings />
      <ChangePassword />
    </Stack>
  );
}

function AccountFacts() {
  const { t } = useTexts(accountTexts);
  const app = useTexts(appTexts);
  const { me } = useAuth();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="account-heading">
      <Title order={2} size="h3" id="account-heading" mb="sm">{t('account.heading')}</Title>
      <Facts
        items={[
          { label: t('account.username'), value: me.user.username },
          { label: t('account.displayName'), value: me.user.displayName },
          {
            label: t('account.grants'),
            value: me.grants.length === 0 ? t('account.noGrants') : (
              <List size="sm" listStyleType="none" spacing={2} data-testid="my-grants">
                {me.grants.map((g) => (
                  <List.Item key={g.id}>{t('account.grant', { role: app.t(`roles.${g.role}`), organisation: g.organisationName })}</List.Item>
                ))}
              </List>
            ),
          },
        ]}
      />
      <Text size="sm" c="dimmed" mt="xs">{t('account.changedByAdmin')}</Text>
    </Paper>
  );
}

function MailSettings() {
  const { t } = useTexts(accountTexts);
  const { me } = useAuth();
  const update = useUpdateOwnMail();
  const [email, setEmail] = useState(me.user.email ?? '');
  const [notices, setNotices] = useState<EmailNotices>(me.user.emailNotices);
  const [tried, setTried] = useState(false);
  const [password, setPassword] = useState('');
  const typed = email.trim();
  const badEmail = typed !== '' && !looksLikeEmail(typed);
  // a new address takes the current password (password links go there); removing it or the notices do not
  const newAddress = typed !== '' && typed.toLowerCase() !== (me.user.email ?? '');

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (badEmail || (newAddress && password === '')) return focusFirstInvalid(e.currentTarget);
    update.mutate({ email: typed === '' ? null : typed, emailNotices: notices, ...(newAddress && { currentPassword: password }) }, {
      onSuccess: (saved) => { setEmail(saved.email ?? ''); setPassword(''); },
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mail-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={2} size="h3" id="mail-heading">{t('mail.heading')}</Title>
            <Text size="sm" c="dimmed" mt={4}>{t('mail.hint')}</Text>
          </div>
          <TextInput
            type="email"
            label={t('mail.email')}
            placeholder={t('mail.emailPlaceholder')}
            autoComplete="email"
            value={email}
            error={tried && badEmail ? t('mail.emailFormat') : undefined}
            onChange={(e) => { setEmail(e.currentTarget.value); update.reset(); }}
            maw={420}
            data-testid="my-email"
          />
          {newAddress && (
            <PasswordInput
              label={t('mail.currentPassword')}
              description={t('mail.currentPasswordHint')}
              autoComplete="current-password"
              value={password}
              required
              error={tried && password === '' ? t('mail.currentPasswordMissing') : undefined}
              onChange={(e) => { setPassword(e.currentTarget.value); update.reset(); }}
              maw={420}
              data-testid="my-email-password"
            />
          )}
          <Radio.Group
            label={t('mail.notices')}
            description={typed === '' ? t('mail.noEmail') : undefined}
            value={notices}
            onChange={(value) => { setNotices(value as EmailNotices); update.reset(); }}
          >
            <Stack gap="xs" mt="xs">
              {EMAIL_NOTICES.map((choice) => (
                <Radio key={choice} value={choice} label={t(`mail.${choice}`)} data-testid={`my-notices-${choice}`} />
              ))}
            </Stack>
          </Radio.Group>
          <ErrorAlert error={update.error} />
          {update.isSuccess && <Alert color="green" variant="light" role="status" data-testid="mail-saved">{t('mail.saved')}</Alert>}
          <Group>
            <Button type="submit" loading={update.isPending} data-testid="mail-save">{t('mail.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ChangePassword() {
  const { t } = useTexts(accountTexts);
  const app = useTexts(appTexts);
  const change = useChangeOwnPassword();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const problem = newPasswordProblem(password, repeat);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (current === '' || problem) return focusFirstInvalid(e.currentTarget);
    change.mutate({ currentPassword: current, newPassword: password }, {
      onSuccess: () => { setCurrent(''); setPassword(''); setRepeat(''); setTried(false); },
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="password-heading">
      <form onSubmit={submit} noValidate>
        <Stack maw={420}>
          <div>
            <Title order={2} size="h3" id="password-heading">{t('password.heading')}</Title>
            <Text size="sm" c="dimmed" mt={4}>{t('password.hint')}</Text>
          </div>
          <PasswordInput
            label={t('password.current')}
            required
            autoComplete="current-password"
            value={current}
            error={tried && current === '' ? app.t('common.required') : undefined}
            onChange={(e) => { setCurrent(e.currentTarget.value); change.reset(); }}
            data-testid="current-password"
          />
          <NewPasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} tried={tried} />
          <ErrorAlert error={change.error} />
          {change.isSuccess && <Alert color="green" variant="light" role="status" data-testid="password-changed">{t('password.changed')}</Alert>}
          <Group>
            <Button type="submit" loading={change.isPending} data-testid="password-change">{t('password.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
