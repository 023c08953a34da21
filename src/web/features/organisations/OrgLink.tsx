import { ORG_READERS, useAuth } from '../../app/auth.tsx';
import { AnchorLink } from '../../app/links.tsx';

/** An organisation's name, linked to its page for users who may open organisations; plain text otherwise. */
export function OrgLink({ id, name }: { id: string; name: string }) {
  const { hasRole } = useAuth();
  if (!hasRole(...ORG_READERS)) return <>{name}</>;
  return (
    <AnchorLink to="/to-chuc/$id" params={{ id }}>
      {name}
    </AnchorLink>
  );
}
