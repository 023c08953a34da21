import { useState, type FormEvent } from 'react';
import { Button, Stack } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { AppModal } from '../../app/AppModal.tsx';
import { ROLES, type Role } from '../../app/auth.tsx';
import { FormFooter } from '../../app/FormFooter.tsx';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { useGrantRole, type UserAccount } from './api.ts';
import { useTexts } from '../../i18n/texts.ts';
import { adminTexts } from './text.ts';
import { appTexts } from '../../app/text.ts';

function GrantForm({ user, onDone }: { user: UserAccount; onDone: () => void }) {
  const { t } = useTexts(appTexts);
  const ad = useTexts(adminTexts);
  const grant = useGrantRole();
  const [role, setRole] = useState<Role | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const missing = (value: string | null) => (tried && !value ? t('common.required') : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!role || !organisationId) return;
    grant.mutate({ userId: user.id, role, organisationId }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <AppSelect
          label={ad.t('role')}
          required
          value={role}
          error={missing(role)}
          onChange={(v) => setRole(v as Role | null)}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <OrgSelect label={ad.t('organisation')} value={organisationId} onChange={setOrganisationId} required error={missing(organisationId)} />
        <FormFooter error={grant.error} busy={grant.isPending} onCancel={onDone} submitLabel={ad.t('grant')} />
      </Stack>
    </form>
  );
}

export function GrantButton({ user }: { user: UserAccount }) {
  const ad = useTexts(adminTexts);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="light" aria-label={ad.t('grantFor', { name: user.displayName })} onClick={() => setOpened(true)}>
        {ad.t('grant')}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={ad.t('grantTitle', { name: user.displayName })}>
        <GrantForm user={user} onDone={() => setOpened(false)} />
      </AppModal>
    </>
  );
}
