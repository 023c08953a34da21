import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { useRevokeGrant, useUpdateUser, type UserAccount } from './api.ts';
import { GrantButton } from './GrantButton.tsx';
import { MailButton } from './MailButton.tsx';
import { PasswordButton } from './PasswordButton.tsx';
import { accountTexts } from '../account/text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { adminTexts } from './text.ts';
import { appTexts } from '../../app/text.ts';

export function UserStatus({ user }: { user: UserAccount }) {
  const ad = useTexts(adminTexts);
  return (
    <Badge variant="light" color={user.disabled ? 'red' : 'green'}>
      {user.disabled ? ad.t('disabled') : ad.t('active')}
    </Badge>
  );
}

/** The account's e-mail address and how it wants notices by e-mail. */
export function UserMail({ user }: { user: UserAccount }) {
  const ad = useTexts(adminTexts);
  const account = useTexts(accountTexts);
  if (!user.email) return <Text size="sm" c="dimmed">{ad.t('noEmail')}</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{user.email}</Text>
      <Text size="xs" c="dimmed">{account.t(`mail.${user.emailNotices}`)}</Text>
    </Stack>
  );
}

/** The user's roles, each with a revoke button that asks first. */
export function UserGrants({ user }: { user: UserAccount }) {
  const { t } = useTexts(appTexts);
  const ad = useTexts(adminTexts);
  const revoke = useRevokeGrant();
  const name = user.displayName;
  if (user.grants.length === 0) return <Text size="sm">{ad.t('noGrants')}</Text>;
  return (
    <Stack gap={4}>
      {user.grants.map((g) => {
        const params = { role: t(`roles.${g.role}`), organisation: g.organisationName, name };
        return (
          <Group key={g.id} gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
            <Text size="sm" style={{ flex: 1 }}>
              {t(`roles.${g.role}`)} —{' '}
              <AnchorLink to="/to-chuc/$id" params={{ id: g.organisationId }} size="sm">
                {g.organisationName}
              </AnchorLink>
            </Text>
            <ConfirmButton
              style={{ flex: 'none' }}
              size="compact-xs"
              variant="subtle"
              color="red"
              label={ad.t('revokeLabel', params)}
              question={ad.t('revokeConfirm', params)}
              confirmLabel={ad.t('revoke')}
              onConfirm={() => revoke.mutateAsync({ userId: user.id, grantId: g.id })}
            >
              {ad.t('revoke')}
            </ConfirmButton>
          </Group>
        );
      })}
    </Stack>
  );
}

/** Grant a role, disable or enable the account, change its e-mail settings or its password. */
export function UserActions({ user }: { user: UserAccount }) {
  const ad = useTexts(adminTexts);
  const update = useUpdateUser();
  const name = user.displayName;
  return (
    <>
      <Group gap="xs">
        <GrantButton user={user} />
        <Button
          size="xs"
          variant="default"
          aria-label={ad.t(user.disabled ? 'enableLabel' : 'disableLabel', { name })}
          loading={update.isPending}
          onClick={() => update.mutate({ id: user.id, version: user.version, disabled: !user.disabled })}
        >
          {user.disabled ? ad.t('enable') : ad.t('disable')}
        </Button>
        <MailButton user={user} />
        <PasswordButton user={user} />
      </Group>
      {update.error && (
        <Text size="sm" c="red.9" role="alert" mt={4}>
          {update.error.message}
        </Text>
      )}
    </>
  );
}
