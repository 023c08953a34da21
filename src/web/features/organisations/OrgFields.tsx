import { TextInput } from '@mantine/core';
import { CODE_PATTERN, ORG_KINDS, ORG_LEVELS, type OrgKind, type OrgLevel } from './types.ts';
import { AppSelect } from '../../app/AppSelect.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

export function KindSelect({ value, onChange }: { value: OrgKind; onChange: (kind: OrgKind) => void }) {
  const { t } = useTexts(appTexts);
  return (
    <AppSelect
      label={t('org.fields.kind')}
      required
      allowDeselect={false}
      value={value}
      onChange={(v) => v && onChange(v as OrgKind)}
      data={ORG_KINDS.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))}
    />
  );
}

export function LevelSelect({ value, onChange }: { value: OrgLevel; onChange: (level: OrgLevel) => void }) {
  const { t } = useTexts(appTexts);
  return (
    <AppSelect
      label={t('org.fields.level')}
      required
      allowDeselect={false}
      value={value}
      onChange={(v) => v && onChange(v as OrgLevel)}
      data={ORG_LEVELS.map((l) => ({ value: l, label: t(`org.levels.${l}`) }))}
    />
  );
}

/** The unit code (mã đơn vị) record import files name the unit by; flags a malformed one once the form was submitted. */
export function UnitCodeInput({ value, onChange, tried }: { value: string; onChange: (code: string) => void; tried: boolean }) {
  const { t } = useTexts(appTexts);
  return (
    <TextInput
      label={t('org.fields.code')}
      description={t('org.fields.codeHint')}
      maxLength={30}
      autoComplete="off"
      spellCheck={false}
      value={value}
      error={tried && !isUnitCodeValid(value) ? t('org.fields.codeHint') : undefined}
      onChange={(e) => onChange(e.currentTarget.value)}
      data-testid="org-code"
    />
  );
}

/** Empty (no code) or what the server accepts. */
export const isUnitCodeValid = (code: string): boolean => code.trim() === '' || CODE_PATTERN.test(code.trim());

/** '' → undefined, so optional text fields are left out of the request. */
export const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());
