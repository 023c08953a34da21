import { Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateField } from '../../app/DateField.tsx';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import type { NewEmployment } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/** A period of employment being typed: the organisation may still be unchosen, dates may be ''. */
export interface EmploymentDraft {
  organisationId: string | null;
  position: string;
  isLeader: boolean;
  startDate: string;
  endDate: string;
}

export const emptyEmployment: EmploymentDraft = { organisationId: null, position: '', isLeader: false, startDate: '', endDate: '' };

/** The request body, or null while a required field is empty (the fields then say which). */
export function employmentBody(draft: EmploymentDraft): NewEmployment | null {
  if (!draft.organisationId || !draft.position.trim() || !draft.startDate) return null;
  return {
    organisationId: draft.organisationId,
    position: draft.position.trim(),
    isLeader: draft.isLeader,
    startDate: draft.startDate,
    endDate: draft.endDate || undefined,
  };
}

interface Props {
  value: EmploymentDraft;
  onChange: (value: EmploymentDraft) => void;
  /** after a submit attempt: mark empty required fields */
  showMissing: boolean;
  /** offer the end date (a new person's first placement has none) */
  withEndDate?: boolean;
}

/** Unit, position, start (and end) date, leader: shared by "add employment" and "add person". */
export function EmploymentFields({ value, onChange, showMissing, withEndDate = true }: Props) {
  const { t } = useTexts(appTexts);
  const set = (changes: Partial<EmploymentDraft>) => onChange({ ...value, ...changes });
  const missing = (empty: boolean) => (showMissing && empty ? t('common.required') : undefined);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <OrgSelect
          label={t('employment.organisation')}
          value={value.organisationId}
          onChange={(organisationId) => set({ organisationId })}
          required
          error={missing(!value.organisationId)}
        />
        <TextInput
          label={t('employment.position')}
          required
          value={value.position}
          error={missing(!value.position.trim())}
          onChange={(e) => set({ position: e.currentTarget.value })}
        />
        <DateField label={t('employment.from')} required value={value.startDate} onChange={(startDate) => set({ startDate })} error={missing(!value.startDate)} />
        {withEndDate && (
          <DateField
            label={t('employment.to')}
            description={t('employment.endHint')}
            clearable
            value={value.endDate}
            onChange={(endDate) => set({ endDate })}
          />
        )}
      </SimpleGrid>
      <Checkbox label={t('employment.isLeader')} checked={value.isLeader} onChange={(e) => set({ isLeader: e.currentTarget.checked })} />
    </Stack>
  );
}
