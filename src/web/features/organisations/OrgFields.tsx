import { useTranslation } from 'react-i18next';
import { ORG_KINDS, ORG_LEVELS, type OrgKind, type OrgLevel } from './types.ts';
import { AppSelect } from '../../app/AppSelect.tsx';

export function KindSelect({ value, onChange }: { value: OrgKind; onChange: (kind: OrgKind) => void }) {
  const { t } = useTranslation();
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
  const { t } = useTranslation();
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

/** '' → undefined, so optional text fields are left out of the request. */
export const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());
