import { Alert, Button, Container, Stack, Title } from '@mantine/core';
import { Navigate, Outlet } from '@tanstack/react-router';
import { AuthProvider, useMe } from './auth.tsx';
import { Loading } from './Loading.tsx';
import { Shell } from './Shell.tsx';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

/** Layout route for everything behind sign-in: 401 on /me → the sign-in page. */
export function SignedIn() {
  const { t } = useTexts(appTexts);
  const me = useMe();
  if (me.isPending) {
    return (
      <Container component="main" py="xl">
        <Loading />
      </Container>
    );
  }
  if (me.error) {
    return (
      <Container component="main" py="xl">
        <Stack>
          <Title order={1}>{t('app.name')}</Title>
          <Alert color="red" variant="light" title={t('app.serverUnavailable')} role="alert">
            {me.error.message}
          </Alert>
          <Button w="fit-content" onClick={() => void me.refetch()}>
            {t('app.retry')}
          </Button>
        </Stack>
      </Container>
    );
  }
  if (!me.data) {
    // the sign-in page brings the user back here afterwards (?next=, checked there and by the server)
    const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    return <Navigate to="/dang-nhap" search={here === '/' ? {} : { next: here }} replace />;
  }
  return (
    <AuthProvider me={me.data}>
      <Shell>
        <Outlet />
      </Shell>
    </AuthProvider>
  );
}
