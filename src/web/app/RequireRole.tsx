import type { ReactNode } from 'react';
import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth, type Role } from './auth.tsx';

/** Hides a page from users without the role; the server refuses them anyway. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  if (hasRole(...roles)) return <>{children}</>;
  return (
    <Stack>
      <Title order={1}>{t('app.noAccessTitle')}</Title>
      <Alert color="red" variant="light">
        {t('app.noAccessText')}
      </Alert>
    </Stack>
  );
}
