import { useState, type FormEvent } from 'react';
import { Button, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { AppSelect } from '../../app/AppSelect.tsx';
import { AppModal } from '../../app/AppModal.tsx';
import { FormSection } from '../../app/FormSection.tsx';
import { focusFirstInvalid } from '../../app/forms.ts';
import { FormFooter } from '../../app/FormFooter.tsx';
import { CODE_PATTERN } from '../organisations/types.ts';
import { useCreatePerson, useUpdatePerson } from './api.ts';
import { EmploymentFields, employmentBody, emptyEmployment } from './EmploymentFields.tsx';
import type { Gender, Person, PersonInput } from './types.ts';
import { residentsTexts } from './residents-text.ts';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { DateField } from '../../app/DateField.tsx';
import { todayIso } from '../../app/format.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

function PersonForm({ person, onDone }: { person?: Person; onDone: () => void }) {
  const { t } = useTexts(appTexts);
  const navigate = useNavigate();
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? '');
  const mutation = person ? update : create;
  const [fullName, setFullName] = useState(person?.fullName ?? '');
  const [gender, setGender] = useState<Gender>(person?.gender ?? 'female');
  const [birthYear, setBirthYear] = useState(person?.birthYear ? String(person.birthYear) : '');
  const [ethnicity, setEthnicity] = useState(person?.ethnicity ?? '');
  const [code, setCode] = useState(person?.code ?? '');
  const [placement, setPlacement] = useState(emptyEmployment);
  const { t: rt } = useTexts(residentsTexts);
  const [kind, setKind] = useState<'employee' | 'resident'>('employee');
  const [commune, setCommune] = useState<string | null>(null);
  const [village, setVillage] = useState('');
  const [address, setAddress] = useState('');
  const [livingFrom, setLivingFrom] = useState(todayIso());
  const [tried, setTried] = useState(false);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    const body: PersonInput = {
      fullName: fullName.trim().replace(/\s+/g, ' '),
      gender,
      birthYear: birthYear ? Number(birthYear) : person ? null : undefined,
      ethnicity: ethnicity.trim() || undefined,
      code: code.trim() || (person ? null : undefined),
    };
    if (!body.fullName || (body.code && !CODE_PATTERN.test(body.code))) return focusFirstInvalid(e.currentTarget);
    if (person) {
      update.mutate(body, { onSuccess: onDone });
      return;
    }
    const employment = kind === 'employee' ? employmentBody(placement) : undefined;
    const residence = kind === 'resident' && commune && village.trim() && livingFrom
      ? { organisationId: commune, village: village.trim(), address: address.trim() || undefined, validFrom: livingFrom } : undefined;
    if (!employment && !residence) return focusFirstInvalid(e.currentTarget);
    create.mutate(
      employment ? { ...body, employment } : { ...body, residence: residence! },
      {
        onSuccess: (created) => {
          onDone();
          void navigate({ to: '/ca-nhan/$id', params: { id: created.id } });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('person.fullName')}
          required
          value={fullName}
          error={tried && !fullName.trim() ? t('common.required') : undefined}
          onChange={(e) => setFullName(e.currentTarget.value)}
          data-autofocus
        />
        <TextInput
          label={t('person.code')}
          description={t('person.codeHint')}
          maxLength={30}
          autoComplete="off"
          spellCheck={false}
          value={code}
          error={tried && code.trim() && !CODE_PATTERN.test(code.trim()) ? t('person.codeHint') : undefined}
          onChange={(e) => setCode(e.currentTarget.value)}
          data-testid="person-code"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <AppSelect
            label={t('person.gender')}
            required
            allowDeselect={false}
            value={gender}
            onChange={(v) => v && setGender(v as Gender)}
            data={[
              { value: 'female', label: t('gender.female') },
              { value: 'male', label: t('gender.male') },
            ]}
          />
          <TextInput
            type="number"
            inputMode="numeric"
            label={t('person.birthYear')}
            min={1900}
            max={2100}
            value={birthYear}
            onChange={(e) => setBirthYear(e.currentTarget.value)}
          />
          <TextInput label={t('person.ethnicity')} value={ethnicity} onChange={(e) => setEthnicity(e.currentTarget.value)} />
        </SimpleGrid>
        {!person && (
          <Radio.Group label={rt('kind')} value={kind} onChange={(v) => setKind(v as 'employee' | 'resident')}>
            <Stack gap={4} mt={4}>
              <Radio value="employee" label={rt('employee')} />
              <Radio value="resident" label={rt('resident')} data-testid="person-kind-resident" />
            </Stack>
          </Radio.Group>
        )}
        {!person && kind === 'employee' && (
          <FormSection legend={t('people.placement')} hint={t('people.placementHint')}>
            <EmploymentFields value={placement} onChange={setPlacement} showMissing={tried} withEndDate={false} />
          </FormSection>
        )}
        {!person && kind === 'resident' && (
          <FormSection legend={rt('residence')} hint={rt('residenceHint')}>
            <Stack>
              <OrgSelect label={rt('commune')} value={commune} onChange={setCommune} required error={tried && !commune ? t('common.required') : undefined} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={rt('village')} required value={village} onChange={(e) => setVillage(e.currentTarget.value)}
                  error={tried && !village.trim() ? t('common.required') : undefined} />
                <TextInput label={rt('address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} />
                <DateField label={rt('validFrom')} required value={livingFrom} onChange={setLivingFrom} />
              </SimpleGrid>
            </Stack>
          </FormSection>
        )}
        <FormFooter error={mutation.error} busy={mutation.isPending} onCancel={onDone} submitLabel={person ? t('common.save') : t('common.add')} />
      </Stack>
    </form>
  );
}

/** "Thêm cá nhân" on the list, or "Sửa thông tin" on a person's page. */
export function PersonFormButton({ person }: { person?: Person }) {
  const { t } = useTexts(appTexts);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant={person ? 'default' : 'filled'} onClick={() => setOpened(true)}>
        {person ? t('person.edit') : t('people.add')}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={person ? t('person.editTitle') : t('people.addTitle')} size="lg">
        <PersonForm person={person} onDone={() => setOpened(false)} />
      </AppModal>
    </>
  );
}
