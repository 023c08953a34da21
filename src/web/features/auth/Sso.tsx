import { Alert, Button, Divider } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useTexts } from '../../i18n/texts.ts';
import { ssoTexts } from './sso-text.ts';

/** GET /api/auth/methods: whether single sign-on is on here, and the provider's name. */
interface SignInMethods { sso: { name: string } | null }

const REFUSALS = ['not_provisioned', 'ambiguous_email', 'account_disabled', 'linked_elsewhere', 'no_role', 'provider'] as const;
type Refusal = (typeof REFUSALS)[number] | 'unknown';

function useSignInMethods() {
  return useQuery({ queryKey: ['auth', 'methods'], queryFn: () => api.get<SignInMethods>('/api/auth/methods'), staleTime: 5 * 60_000 });
}

/** The sign-in page's own query string (`?next=…`, and `?sso_error=…` when the provider's sign-in was refused). */
const searchParam = (name: string) => new URLSearchParams(window.location.search).get(name);

/** Where to go after signing in: a path on this site only (the server checks it again for single sign-on). */
export function returnPath(): string | null {
  const next = searchParam('next');
  // a path on this site only: not '//host' nor '/\\host', nor one a browser would read as such once it drops tabs and
  // line breaks ('/\t/evil.example'), nor the sign-in page itself
  return next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') && ![...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
    && !next.startsWith('/dang-nhap') ? next : null;
}

/** Why the provider's sign-in was refused, as the callback sent the browser back here. */
export function SsoRefusal() {
  const { t } = useTexts(ssoTexts);
  const methods = useSignInMethods();
  const code = searchParam('sso_error');
  if (!code) return null;
  const refusal: Refusal = (REFUSALS as readonly string[]).includes(code) ? (code as Refusal) : 'unknown';
  const who = searchParam('sso_who') ?? '';
  return (
    <Alert color="red" variant="light" role="alert" title={t('refusedTitle', { name: methods.data?.sso?.name ?? 'SSO' })} data-testid="sso-refusal">
      {t(`errors.${refusal}`, { who })}
    </Alert>
  );
}

/** "Sign in with <provider>" when single sign-on is on: a plain link, the server sends the browser on to the provider. */
export function SsoButton() {
  const { t } = useTexts(ssoTexts);
  const methods = useSignInMethods();
  const sso = methods.data?.sso;
  if (!sso) return null;
  const next = returnPath();
  return (
    <>
      <Divider label={t('or')} labelPosition="center" my="md" />
      <Button component="a" href={`/api/auth/oidc${next ? `?next=${encodeURIComponent(next)}` : ''}`} variant="outline" fullWidth data-testid="login-sso">
        {t('button', { name: sso.name })}
      </Button>
    </>
  );
}
