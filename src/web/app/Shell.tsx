import { useEffect, useRef, type ReactNode } from 'react';
import { AppShell, Burger, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useLocation, useNavigate } from '@tanstack/react-router';
import { NotificationBell } from '../features/nominations/NotificationBell.tsx';
import { useAuth, useLogout } from './auth.tsx';
import { HealthFooter } from './HealthFooter.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { AnchorLink, NavLinkLink } from './links.tsx';
import { navItems, type NavItem } from './nav.ts';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

/** One item is current: on your own record that is "my profile", not "people". */
function isActive(item: NavItem, pathname: string, ownPersonId: string | null): boolean {
  if (item.key === 'myProfile') return pathname === `/ca-nhan/${item.personId}`;
  if (item.to === '/') return pathname === '/';
  if (item.key === 'people' && ownPersonId && pathname === `/ca-nhan/${ownPersonId}`) return false;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/** The signed-in layout: header (app name, language, sign-out), navbar (a burger on phones), main, footer. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTexts(appTexts);
  const { me, hasRole } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const items = navItems(me);
  const signedInAs = t('app.signedInAs', { name: me.user.displayName });
  const mainRef = useRef<HTMLElement>(null);

  // After choosing a page in the navbar (which collapses on phones), continue reading at the new page.
  useEffect(() => {
    if (document.activeElement?.closest('#main-nav')) mainRef.current?.focus();
  }, [pathname]);

  return (
    <AppShell
      header={{ height: 56 }}
      footer={{ height: 32 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('app.closeNav') : t('app.openNav')}
              aria-expanded={opened}
              aria-controls="main-nav"
            />
            <UnstyledButton component={Link} to="/" fw={700} fz="lg" c="blue.9">
              <Text span inherit visibleFrom="xs">
                {t('app.name')}
              </Text>
              <Text span inherit hiddenFrom="xs">
                {t('app.shortName')}
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {/* the signed-in name opens "my account" (e-mail settings, password) */}
            <AnchorLink to="/tai-khoan" size="sm" visibleFrom="md" aria-label={t('app.myAccountLink', { signedInAs })} data-testid="my-account">
              {signedInAs}
            </AnchorLink>
            {/* notifications are for staff; an individual-only user gets none */}
            {hasRole('system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member') && <NotificationBell />}
            <LanguageSwitch />
            <Button
              size="xs"
              variant="outline"
              data-testid="logout"
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/dang-nhap' }) })}
            >
              {t('app.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      {/* an administrator's menu is longer than a laptop's screen: it scrolls on its own */}
      <AppShell.Navbar p="xs" id="main-nav" aria-label={t('app.mainNav')} style={{ overflowY: 'auto' }}>
        <Stack gap={2}>
          <NavLinkLink
            to="/tai-khoan"
            hiddenFrom="md"
            label={signedInAs}
            aria-label={t('app.myAccountLink', { signedInAs })}
            active={pathname === '/tai-khoan'}
            aria-current={pathname === '/tai-khoan' ? 'page' : undefined}
            onClick={close}
          />
          {items.map((item) => (
            <NavLinkLink
              key={item.key}
              to={item.to}
              params={item.key === 'myProfile' ? { id: item.personId } : undefined}
              label={t(`nav.${item.key}`)}
              active={isActive(item, pathname, me.user.personId)}
              aria-current={isActive(item, pathname, me.user.personId) ? 'page' : undefined}
              onClick={close}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} ref={mainRef} style={{ outline: 'none' }}>
        {children}
      </AppShell.Main>
      <AppShell.Footer px="md">
        <Group h="100%" align="center">
          <HealthFooter />
        </Group>
      </AppShell.Footer>
    </AppShell>
  );
}
