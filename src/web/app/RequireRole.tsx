import type { ReactNode } from 'react';
import { Alert, Stack, Title } from '@mantine/core';
import { useAuth, type Role } from './auth.tsx';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

/** Hides a page from users without the role; the server refuses them anyway. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useTexts(appTexts);
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
