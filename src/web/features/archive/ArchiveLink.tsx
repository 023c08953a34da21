import { ButtonLink } from '../../app/links.tsx';
import { useAuth } from '../../app/auth.tsx';
import { archiveTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

/** From a person's page to their whole award history in the archive (staff only: the archive needs record.read). */
export function ArchiveLink({ personId }: { personId: string }) {
  const { t } = useTexts(archiveTexts);
  const { hasRole } = useAuth();
  if (!hasRole('system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member')) return null;
  return (
    <ButtonLink to="/tra-cuu-khen-thuong" search={{ person: personId }} variant="subtle" size="compact-sm" style={{ alignSelf: 'flex-start' }}>
      {t('history')}
    </ButtonLink>
  );
}
