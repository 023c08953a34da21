import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Navigate, useNavigate, useRouter } from '@tanstack/react-router';
import { useLogin, useMe } from '../../app/auth.tsx';
import { HealthFooter } from '../../app/HealthFooter.tsx';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';
import { returnPath, SsoButton, SsoRefusal } from './Sso.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { accountTexts } from '../account/text.ts';

export function LoginPage() {
  const { t } = useTexts(appTexts);
  const account = useTexts(accountTexts);
  usePageTitle(t('auth.title'));
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const router = useRouter();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  // the page the user came from (SignedIn sends it), a path on this site only
  const nextPath = returnPath();

  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to="/" replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { username: username.trim(), password },
      { onSuccess: () => (nextPath ? router.history.replace(nextPath) : void navigate({ to: '/', replace: true })) },
    );
  };

  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between">
          <Text fw={700} fz="lg" c="blue.9">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Center component="main" id="main-content" style={{ flex: 1 }} p="md">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
          <form onSubmit={submit}>
            <Stack>
              <Title order={1} size="h2">
                {t('auth.title')}
              </Title>
              <Text size="sm">{t('auth.intro')}</Text>
              <SsoRefusal />
              <TextInput
                label={t('auth.username')}
                required
                autoComplete="username"
                autoFocus
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                data-testid="login-username"
              />
              <TextInput
                type="password"
                label={t('auth.password')}
                required
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                data-testid="login-password"
              />
              {login.error && (
                <Alert color="red" variant="light" title={t('auth.failed')} role="alert">
                  {login.error.message}
                </Alert>
              )}
              <Button type="submit" loading={login.isPending} data-testid="login-submit" fullWidth>
                {t('auth.submit')}
              </Button>
            </Stack>
          </form>
          <SsoButton />
          <AnchorLink to="/quen-mat-khau" size="sm" display="block" mt="md" ta="center" data-testid="forgot-password">
            {account.t('forgot.link')}
          </AnchorLink>
        </Paper>
      </Center>
      <Box component="footer" px="md" py="xs">
        <HealthFooter />
      </Box>
    </Box>
  );
}
