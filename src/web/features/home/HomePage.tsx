import { Group, Stack, Text, Title } from '@mantine/core';
import { useAuth } from '../../app/auth.tsx';
import { ButtonLink } from '../../app/links.tsx';
import { navItems } from '../../app/nav.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { LightTable } from '../../app/LightTable.tsx';
import { OrgLink } from '../organisations/OrgLink.tsx';
import { Dashboard } from '../dashboard/Dashboard.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/** Roles that have a dashboard (movement.read in the server's policy). */
const STAFF = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'] as const;

/** The home page: for staff, the dashboard of their units; then who you are here, and where to go. */
export function HomePage() {
  const { t } = useTexts(appTexts);
  usePageTitle(t('home.title'));
  const { me, hasRole } = useAuth();
  const links = navItems(me).filter((i) => i.key !== 'home');

  return (
    <Stack gap="lg">
      <Title order={1}>{t('home.greeting', { name: me.user.displayName })}</Title>
      {hasRole(...STAFF) && <Dashboard />}
      <section aria-labelledby="grants-heading">
        <Title order={2} size="h3" id="grants-heading" mb="sm">
          {t('home.grantsHeading')}
        </Title>
        {me.grants.length === 0 ? (
          <Text>{t('home.noGrants')}</Text>
        ) : (
          <ScrollTable minWidth={360} label={t('home.grantsHeading')}>
            <LightTable aria-label={t('home.grantsHeading')} maw={800}>
              <thead>
                <tr>
                  <th scope="col">{t('home.role')}</th>
                  <th scope="col">{t('home.organisation')}</th>
                </tr>
              </thead>
              <tbody>
                {me.grants.map((g) => (
                  <tr key={g.id}>
                    <td>{t(`roles.${g.role}`)}</td>
                    <td>
                      <OrgLink id={g.organisationId} name={g.organisationName} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </LightTable>
          </ScrollTable>
        )}
      </section>
      <section aria-labelledby="links-heading">
        <Title order={2} size="h3" id="links-heading" mb="sm">
          {t('home.quickLinks')}
        </Title>
        <Group gap="sm">
          {links.map((item) =>
            item.key === 'myProfile' ? (
              <ButtonLink key={item.key} variant="light" to="/ca-nhan/$id" params={{ id: item.personId }}>
                {t('nav.myProfile')}
              </ButtonLink>
            ) : (
              <ButtonLink key={item.key} variant="light" to={item.to}>
                {t(`nav.${item.key}`)}
              </ButtonLink>
            ),
          )}
        </Group>
      </section>
    </Stack>
  );
}
