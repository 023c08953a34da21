import { useState, type FormEvent } from 'react';
import { Button, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { DateField } from '../../app/DateField.tsx';
import { FormFooter } from '../../app/FormFooter.tsx';
import { useUpdateOrganisation } from './api.ts';
import { focusFirstInvalid } from '../../app/forms.ts';
import { KindSelect, UnitCodeInput, isUnitCodeValid } from './OrgFields.tsx';
import { OrgSelect } from './OrgSelect.tsx';
import type { OrganisationChanges, OrgDetail, OrgKind } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

function EditOrgForm({ org, onDone }: { org: OrgDetail; onDone: () => void }) {
  const { t } = useTexts(appTexts);
  const update = useUpdateOrganisation(org.id);
  const [name, setName] = useState(org.name);
  const [shortName, setShortName] = useState(org.shortName ?? '');
  const [kind, setKind] = useState<OrgKind>(org.kind);
  const [code, setCode] = useState(org.code ?? '');
  const [tried, setTried] = useState(false);
  const [parentId, setParentId] = useState<string | null>(org.parentId);
  const [validTo, setValidTo] = useState(org.validTo ?? '');
  const [successorId, setSuccessorId] = useState<string | null>(org.successorId);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (!isUnitCodeValid(code)) return focusFirstInvalid(e.currentTarget);
    // Send only what changed; an emptied date or successor becomes null.
    const changes: OrganisationChanges = {};
    if (name.trim() !== org.name) changes.name = name.trim();
    if (shortName.trim() !== (org.shortName ?? '')) changes.shortName = shortName.trim() || null;
    if (code.trim() !== (org.code ?? '')) changes.code = code.trim() || null;
    if (kind !== org.kind) changes.kind = kind;
    if (parentId && parentId !== org.parentId) changes.parentId = parentId;
    if (validTo !== (org.validTo ?? '')) changes.validTo = validTo || null;
    if (successorId !== org.successorId) changes.successorId = successorId;
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate(changes, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('org.fields.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('org.fields.shortName')} value={shortName} onChange={(e) => setShortName(e.currentTarget.value)} />
          <KindSelect value={kind} onChange={setKind} />
          <UnitCodeInput value={code} onChange={setCode} tried={tried} />
        </SimpleGrid>
        {org.parentId !== null && (
          <OrgSelect label={t('org.fields.parent')} value={parentId} onChange={setParentId} exclude={[org.id]} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t('org.fields.validTo')} description={t('org.fields.validToHint')} clearable value={validTo} onChange={setValidTo} />
          <OrgSelect label={t('org.fields.successor')} value={successorId} onChange={setSuccessorId} exclude={[org.id]} clearable />
        </SimpleGrid>
        <FormFooter error={update.error} busy={update.isPending} onCancel={onDone} submitLabel={t('common.save')} />
      </Stack>
    </form>
  );
}

export function EditOrgButton({ org }: { org: OrgDetail }) {
  const { t } = useTexts(appTexts);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('common.edit')}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('org.detail.editTitle', { name: org.name })} size="lg">
        <EditOrgForm org={org} onDone={() => setOpened(false)} />
      </AppModal>
    </>
  );
}
