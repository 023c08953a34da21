import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useAuth } from '../../app/auth.tsx';
import { ButtonLink } from '../../app/links.tsx';
import { navItems } from '../../app/nav.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { ScrollTable } from '../../app/ScrollTable.tsx';
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
            <Table striped aria-label={t('home.grantsHeading')} maw={800}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('home.role')}</Table.Th>
                  <Table.Th scope="col">{t('home.organisation')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {me.grants.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>{t(`roles.${g.role}`)}</Table.Td>
                    <Table.Td>
                      <OrgLink id={g.organisationId} name={g.organisationName} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
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
