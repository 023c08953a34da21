import { Divider, Group, Stack, Table, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { PEOPLE_EDITORS, useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Facts } from '../../app/Facts.tsx';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { EligibilityPanel } from '../eligibility/EligibilityPanel.tsx';
import { RecordSection } from '../records/RecordSection.tsx';
import { usePerson } from './api.ts';
import { AddEmploymentForm } from './AddEmploymentForm.tsx';
import { EmploymentTable } from './EmploymentTable.tsx';
import { PersonFormButton } from './PersonFormButton.tsx';
import { ArchiveLink } from '../archive/ArchiveLink.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { Crumbs, EXACT } from '../../app/Crumbs.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';
import { formatDate } from '../../app/format.ts';
import { residentsTexts } from './residents-text.ts';

const route = getRouteApi('/_app/ca-nhan/$id');

export function PersonPage() {
  const { t } = useTexts(appTexts);
  const { t: rt } = useTexts(residentsTexts);
  const { id } = route.useParams();
  const { hasRole } = useAuth();
  const query = usePerson(id);
  const person = query.data;
  usePageTitle(person?.fullName ?? t('people.title'));

  if (query.isPending) return <Loading />;
  if (!person) return <ErrorAlert error={query.error} />;
  const editable = hasRole(...PEOPLE_EDITORS);

  return (
    <Stack>
      <Crumbs>
        <AnchorLink to="/ca-nhan" activeOptions={EXACT}>{t('nav.people')}</AnchorLink>
        {person.fullName}
      </Crumbs>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} data-testid="person-name">
          {person.fullName}
        </Title>
        {editable && <PersonFormButton person={person} />}
      </Group>
      <section aria-labelledby="person-facts-heading">
        <Title order={2} size="h3" id="person-facts-heading" mb="sm">
          {t('person.facts')}
        </Title>
        <Facts
          items={[
            { label: t('person.code'), value: person.code },
            { label: t('person.familyName'), value: person.familyName },
            { label: t('person.middleName'), value: person.middleName },
            { label: t('person.givenName'), value: person.givenName },
            { label: t('person.gender'), value: t(`gender.${person.gender}`) },
            { label: t('person.birthYear'), value: person.birthYear },
            { label: t('person.ethnicity'), value: person.ethnicity },
          ]}
        />
      </section>
      <section aria-labelledby="employment-heading">
        <Title order={2} size="h3" id="employment-heading" mb="sm">
          {t('employment.heading')}
        </Title>
        <EmploymentTable person={person} editable={editable} />
      </section>
      {person.residences.length > 0 && (
        <section aria-labelledby="residence-heading">
          <Title order={2} size="h3" id="residence-heading" mb="sm">{rt('heading')}</Title>
          <Table data-testid="person-residences">
            <Table.Tbody>
              {person.residences.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.organisationName}</Table.Td>
                  <Table.Td>{r.village}{r.address ? `, ${r.address}` : ''}</Table.Td>
                  <Table.Td>{rt('period', { from: formatDate(r.validFrom), to: r.validTo ? formatDate(r.validTo) : rt('now') })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
      {editable && (
        <>
          <Divider />
          <AddEmploymentForm personId={person.id} />
        </>
      )}
      <Divider />
      <RecordSection subject={{ kind: 'person', id: person.id }} />
      <ArchiveLink personId={person.id} />
      <EligibilityPanel subject={{ kind: 'person', id: person.id }} />
    </Stack>
  );
}
