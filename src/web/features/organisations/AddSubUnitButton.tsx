import { useState, type FormEvent } from 'react';
import { Button, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { AppModal } from '../../app/AppModal.tsx';
import { DateField } from '../../app/DateField.tsx';
import { todayIso } from '../../app/format.ts';
import { FormFooter } from '../../app/FormFooter.tsx';
import { useCreateOrganisation } from './api.ts';
import { focusFirstInvalid } from '../../app/forms.ts';
import { KindSelect, LevelSelect, UnitCodeInput, isUnitCodeValid, optional } from './OrgFields.tsx';
import type { Org, OrgKind, OrgLevel } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

function AddSubUnitForm({ parent, onDone }: { parent: Org; onDone: () => void }) {
  const { t } = useTexts(appTexts);
  const navigate = useNavigate();
  const create = useCreateOrganisation();
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const [kind, setKind] = useState<OrgKind>('sub_unit');
  const [level, setLevel] = useState<OrgLevel>(parent.level);
  const [adminCode, setAdminCode] = useState('');
  const [agencyCode, setAgencyCode] = useState('');
  const [code, setCode] = useState('');
  const [tried, setTried] = useState(false);
  const [validFrom, setValidFrom] = useState(todayIso());
  const [validTo, setValidTo] = useState('');

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (!isUnitCodeValid(code)) return focusFirstInvalid(e.currentTarget);
    create.mutate(
      {
        parentId: parent.id,
        name: name.trim(),
        shortName: optional(shortName),
        kind,
        level,
        adminCode: optional(adminCode),
        agencyCode: optional(agencyCode),
        code: optional(code),
        validFrom,
        validTo: optional(validTo),
      },
      {
        onSuccess: (org) => {
          onDone();
          void navigate({ to: '/to-chuc/$id', params: { id: org.id }, search: {} });
        },
      },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('org.fields.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('org.fields.shortName')} value={shortName} onChange={(e) => setShortName(e.currentTarget.value)} />
          <UnitCodeInput value={code} onChange={setCode} tried={tried} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <KindSelect value={kind} onChange={setKind} />
          <LevelSelect value={level} onChange={setLevel} />
          <TextInput label={t('org.fields.adminCode')} value={adminCode} onChange={(e) => setAdminCode(e.currentTarget.value)} />
          <TextInput label={t('org.fields.agencyCode')} value={agencyCode} onChange={(e) => setAgencyCode(e.currentTarget.value)} />
          <DateField label={t('org.fields.validFrom')} required value={validFrom} onChange={setValidFrom} />
          <DateField label={t('org.fields.validTo')} description={t('org.fields.validToHint')} clearable value={validTo} onChange={setValidTo} />
        </SimpleGrid>
        <FormFooter error={create.error} busy={create.isPending} onCancel={onDone} submitLabel={t('common.add')} />
      </Stack>
    </form>
  );
}

export function AddSubUnitButton({ parent }: { parent: Org }) {
  const { t } = useTexts(appTexts);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)}>{t('org.detail.addChild')}</Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('org.detail.addChildTitle', { name: parent.name })} size="lg">
        <AddSubUnitForm parent={parent} onDone={() => setOpened(false)} />
      </AppModal>
    </>
  );
}
